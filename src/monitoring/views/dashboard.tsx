import { t } from '../../i18n/index.js';
import { AGENCY_KINDS } from '../../agencies/agencies.table.js';
import { asset } from '../../views/assets.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { formatDate } from '../../time/format.js';
import { columns, labels } from '../messages.js';
import { SORTS, type HealthRow, type ListParams } from '../monitoring.service.js';
import { ZONES, type Zone } from '../score.js';
import { num, percent, queryOf } from './format.js';

export const monitoringHead = <link rel="stylesheet" href={asset('css/monitoring.css')} />;
export const crumbs = [{ href: '/admin', label: t.nav.admin }];

export function ZoneBadge({ zone }: { zone: Zone }) {
  return <span class={`zone zone--${zone}`}>{labels.zone[zone]}</span>;
}

function Filters({ params, showKind }: { params: ListParams; showKind: boolean }) {
  return (
    <form method="get" action="/admin/monitoring" class="monitoring-filters">
      <div class="field">
        <label class="field__label" for="f-zona">
          Zona
        </label>
        <select class="select" id="f-zona" name="zona">
          <option value="">{labels.allZones}</option>
          {ZONES.map((z) => (
            <option key={z} value={z} selected={params.zone === z}>
              {labels.zone[z]}
            </option>
          ))}
        </select>
      </div>
      {showKind ? (
        <div class="field">
          <label class="field__label" for="f-jenis">
            Jenis
          </label>
          <select class="select" id="f-jenis" name="jenis">
            <option value="">{labels.allKinds}</option>
            {AGENCY_KINDS.map((k) => (
              <option key={k} value={k} selected={params.kind === k}>
                {t.agencyKinds[k]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div class="field">
        <label class="field__label" for="f-urut">
          Urutkan
        </label>
        <select class="select" id="f-urut" name="urut">
          {SORTS.map((s) => (
            <option key={s} value={s} selected={params.sort === s}>
              {labels.sort[s]}
            </option>
          ))}
        </select>
      </div>
      <button class="button button--secondary" type="submit">
        Tampilkan
      </button>
    </form>
  );
}

function Row({ row, timeZone }: { row: HealthRow; timeZone: string }) {
  return (
    <tr>
      <th scope="row">
        <a href={`/admin/monitoring/${row.slug}`}>{row.name}</a>
      </th>
      <td>
        <span class="monitoring-score">{row.score}</span> <ZoneBadge zone={row.zone} />
      </td>
      <td>
        {row.lastPostAt ? formatDate(row.lastPostAt, timeZone) : labels.never}
        {row.daysSincePost !== null ? (
          <span class="muted"> ({labels.daysAgo(row.daysSincePost)})</span>
        ) : null}
      </td>
      <td>
        {row.posts7d} / {row.posts30d}
        <span class="muted"> · foto {percent(row.photoPercent30d)}</span>
      </td>
      <td>
        {row.activeAdmins} dari {row.admins}
        <span class="muted"> · 2FA {row.activeAdminsTwoFactor}</span>
      </td>
      <td>
        {row.servicesComplete}/{row.servicesTotal}
        <span class="muted"> · maklumat {labels.yesNo(row.pledgePublished).toLowerCase()}</span>
      </td>
      <td>
        {row.complaintsReceived} · {percent(row.inTimePercent)}
        {row.overdue ? <strong> · {row.overdue} lewat batas</strong> : null}
      </td>
      <td>{num(row.satisfaction)}</td>
      <td>
        {row.problems.length ? (
          <ul class="monitoring-problems">
            {row.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : (
          labels.noProblems
        )}
      </td>
    </tr>
  );
}

export function DashboardPage({
  ctx,
  rows,
  total,
  params,
  superAdmin,
}: {
  ctx: PageContext;
  rows: HealthRow[];
  total: number;
  params: ListParams;
  superAdmin: boolean;
}) {
  const timeZone = ctx.installation.timeZone;
  const counts = Object.fromEntries(ZONES.map((z) => [z, rows.filter((r) => r.zone === z).length]));
  const query = queryOf({ zona: params.zone, jenis: params.kind, urut: params.sort });
  return (
    <Layout ctx={ctx} title={labels.title} crumbs={crumbs} head={monitoringHead}>
      <h1>{labels.title}</h1>
      <p class="lead">
        Kesegaran situs, admin aktif, standar pelayanan dan penanganan aduan tiap OPD. Angka dihitung ulang
        setiap halaman dibuka.
      </p>
      <p>
        <a href={`/admin/monitoring.csv${query}`}>Unduh CSV</a>
        {superAdmin ? (
          <>
            {' · '}
            <a href="/admin/monitoring/aturan">{labels.rulesTitle}</a>
          </>
        ) : null}
      </p>
      <Filters params={params} showKind={superAdmin} />
      <p>
        {rows.length} dari {total} OPD ditampilkan:{' '}
        {ZONES.map((z) => `${counts[z]} ${labels.zone[z].toLowerCase()}`).join(', ')}.
      </p>
      <div class="table-wrap" role="region" aria-label="Kesehatan situs dan layanan tiap OPD" tabIndex={0}>
        <table class="table monitoring-table">
          <caption class="visually-hidden">Kesehatan situs dan layanan tiap OPD</caption>
          <thead>
            <tr>
              <th scope="col">{columns.agency}</th>
              <th scope="col">{columns.score}</th>
              <th scope="col">{columns.lastPost}</th>
              <th scope="col">Berita 7 / 30 hari</th>
              <th scope="col">{columns.activeAdmins}</th>
              <th scope="col">{columns.standards}</th>
              <th scope="col">Aduan tahun ini · tepat waktu</th>
              <th scope="col">{columns.satisfaction}</th>
              <th scope="col">{columns.problems}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Row key={r.agencyId} row={r} timeZone={timeZone} />
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
