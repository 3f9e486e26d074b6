import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import { formatDate } from '../../time/format.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import {
  PUBLIC_LIST_STATUSES,
  type PublicComplaintRow,
  type PublicListPage as ListPage,
} from '../complaints.public.js';
import { labels } from '../messages.js';

/** A complaint's public page: the tracking page by code. */
export const trackingHref = (code: string): string => `/aduan/lacak?kode=${encodeURIComponent(code)}`;

/** Public complaints as a list of cards (a table is too wide for a phone). No reporter data exists here. */
export function ComplaintList({
  rows,
  timeZone,
  level = 2,
}: {
  rows: readonly PublicComplaintRow[];
  timeZone: string;
  /** the heading level of each complaint's title: under the page's h1, or under a section's h2 */
  level?: 2 | 3;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <ul class="complaint-list">
      {rows.map((r) => (
        <li key={r.trackingCode} class="complaint-list__item">
          <Heading class="complaint-list__title">
            <a href={trackingHref(r.trackingCode)}>{r.title}</a>
          </Heading>
          <p class="complaint-list__meta">
            <span class={`status status--${r.status}`}>{labels.status[r.status]}</span>{' '}
            <span class="tracking__code">{r.trackingCode}</span> · {labels.class[r.class]}
            {r.categoryName ? ` · ${r.categoryName}` : ''}
          </p>
          <p class="complaint-list__meta">
            {r.agencyName ? `Ditangani ${r.agencyName}` : 'Di koordinator Pusat Aduan'} · diterima{' '}
            <time dateTime={r.receivedAt}>{formatDate(r.receivedAt, timeZone)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}

export interface ListFilters {
  opd: string;
  status: string;
}

function query(filters: ListFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.opd) params.set('opd', filters.opd);
  if (filters.status) params.set('status', filters.status);
  if (page > 1) params.set('halaman', String(page));
  const s = params.toString();
  return `/aduan/laporan${s ? `?${s}` : ''}`;
}

/** OPD choices for the filter forms. */
export function AgencySelect({
  agencies,
  selected,
  id,
}: {
  agencies: Agency[];
  selected: string;
  id: string;
}) {
  return (
    <div class="field">
      <label class="field__label" for={id}>
        Perangkat daerah
      </label>
      <select class="select" id={id} name="opd">
        <option value="">Semua</option>
        {agencies.map((a) => (
          <option key={a.id} value={a.slug} selected={a.slug === selected}>
            {a.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** /aduan/laporan: the city's public complaints, newest first, filterable by OPD and status. */
export function PublicListPage(props: {
  ctx: PageContext;
  agencies: Agency[];
  filters: ListFilters;
  list: ListPage;
}) {
  const { ctx, filters, list } = props;
  const tz = ctx.installation.timeZone;
  return (
    <Layout
      ctx={ctx}
      title="Laporan warga"
      description="Laporan warga kepada Pemerintah Kota: status dan OPD yang menanganinya."
      crumbs={[
        { href: '/', label: t.nav.home },
        { href: '/aduan', label: 'Pusat Aduan' },
      ]}
    >
      <h1>Laporan warga</h1>
      <p class="lead">
        Laporan yang masuk ke Pusat Aduan, dengan status dan OPD yang menanganinya. Identitas pelapor tidak
        pernah ditampilkan, dan laporan rahasia tidak dimuat di sini.
      </p>
      <form method="get" action="/aduan/laporan" class="filter-bar" role="search" aria-label="Saring laporan">
        <AgencySelect agencies={props.agencies} selected={filters.opd} id="saring-opd" />
        <div class="field">
          <label class="field__label" for="saring-status">
            Status
          </label>
          <select class="select" id="saring-status" name="status">
            <option value="">Semua</option>
            {PUBLIC_LIST_STATUSES.map((s) => (
              <option key={s} value={s} selected={s === filters.status}>
                {labels.status[s]}
              </option>
            ))}
          </select>
        </div>
        <button class="button" type="submit">
          {t.common.filter}
        </button>
      </form>
      {list.rows.length ? (
        <ComplaintList rows={list.rows} timeZone={tz} />
      ) : (
        <p>Belum ada laporan yang cocok.</p>
      )}
      {list.page > 1 || list.hasNext ? (
        <nav class="pager" aria-label="Halaman">
          {list.page > 1 ? (
            <a href={query(filters, list.page - 1)} rel="prev">
              ‹ Sebelumnya
            </a>
          ) : null}
          <span>Halaman {list.page}</span>
          {list.hasNext ? (
            <a href={query(filters, list.page + 1)} rel="next">
              Berikutnya ›
            </a>
          ) : null}
        </nav>
      ) : null}
      <p>
        <a href="/aduan/kinerja">Kinerja OPD menanggapi laporan</a> · <a href="/aduan/lacak">Lacak laporan</a>{' '}
        · <a href="/aduan">Buat laporan</a>
      </p>
    </Layout>
  );
}
