import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import type { Media } from '../../media/media.table.js';
import { formatMonth } from '../../time/format.js';
import { Pager } from '../../views/components.js';
import type { PageContext } from '../../views/context.js';
import { Layout, type Crumb } from '../../views/layout.js';
import { DEFAULT_CATEGORIES } from '../news.repository.js';
import type { PublishedPost } from '../news.queries.js';
import { PostGrid } from './post-card.js';

export interface NewsFilters {
  opd: string;
  kategori: string;
  bulan: string;
}

interface NewsListProps {
  ctx: PageContext;
  heading: string;
  action: string;
  agencies: Agency[] | null;
  months: string[];
  filters: NewsFilters;
  posts: PublishedPost[];
  covers: Map<string, Media>;
  page: number;
  total: number;
  perPage: number;
  crumbs: Crumb[];
  feedUrl: string;
}

function query(filters: NewsFilters, page: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  if (page > 1) params.set('halaman', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** /berita and /opd/{slug}/berita: filters that work without JavaScript (a GET form), and a pager. */
export function NewsListPage(props: NewsListProps) {
  const { ctx, filters, agencies } = props;
  const tz = ctx.installation.timeZone;
  return (
    <Layout
      ctx={ctx}
      title={props.heading}
      crumbs={props.crumbs}
      head={<link rel="alternate" type="application/rss+xml" title={props.heading} href={props.feedUrl} />}
    >
      <h1>{props.heading}</h1>
      <form method="get" action={props.action} class="filter-bar" role="search" aria-label="Saring berita">
        {agencies ? (
          <div class="field">
            <label class="field__label" for="saring-opd">
              Perangkat daerah
            </label>
            <select class="select" id="saring-opd" name="opd">
              <option value="">Semua</option>
              {agencies.map((a) => (
                <option key={a.id} value={a.slug} selected={a.slug === filters.opd}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div class="field">
          <label class="field__label" for="saring-kategori">
            Kategori
          </label>
          <select class="select" id="saring-kategori" name="kategori">
            <option value="">Semua</option>
            {DEFAULT_CATEGORIES.map((c) => (
              <option key={c.slug} value={c.slug} selected={c.slug === filters.kategori}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="field__label" for="saring-bulan">
            Bulan
          </label>
          <select class="select" id="saring-bulan" name="bulan">
            <option value="">Semua</option>
            {props.months.map((m) => (
              <option key={m} value={m} selected={m === filters.bulan}>
                {formatMonth(m, tz)}
              </option>
            ))}
          </select>
        </div>
        <button class="button" type="submit">
          {t.common.filter}
        </button>
      </form>
      <p role="status">{props.total} berita.</p>
      {props.posts.length ? (
        <PostGrid
          posts={props.posts}
          covers={props.covers}
          timeZone={tz}
          showAgency={agencies !== null}
          eagerFirst={2}
        />
      ) : (
        <p>Belum ada berita yang cocok.</p>
      )}
      <Pager
        page={props.page}
        total={props.total}
        perPage={props.perPage}
        href={(n) => `${props.action}${query(filters, n)}`}
      />
      <p>
        <a href={props.feedUrl}>Langganan RSS</a>
      </p>
    </Layout>
  );
}
