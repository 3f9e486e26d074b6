import { t } from '../../i18n/index.js';
import type { Agency } from '../../agencies/agencies.table.js';
import { formatDate } from '../../time/format.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { SearchHit, SearchResults } from '../search.service.js';
import type { TextPart } from '../search.text.js';

const m = {
  title: 'Cari',
  resultsTitle: (q: string) => `Hasil pencarian “${q}”`,
  formLabel: 'Cari berita, halaman dan layanan',
  query: 'Kata kunci',
  queryHint: 'Misalnya: banjir, vaksinasi, jalan rusak',
  agency: 'Perangkat daerah',
  allAgencies: 'Semua perangkat daerah',
  prompt:
    'Tulis kata yang dicari, lalu tekan Cari. Pencarian mencakup berita, halaman dan layanan semua perangkat daerah.',
  count: (n: number, q: string, agency: string | null) =>
    `${n.toLocaleString('id-ID')} hasil untuk “${q}”${agency ? ` di ${agency}` : ''}.`,
  emptyTitle: 'Tidak ada hasil',
  emptyTips: ['Periksa ejaan kata yang dicari.', 'Coba kata yang lebih umum atau lebih sedikit kata.'],
  searchAll: 'Cari di semua perangkat daerah',
  pastLast: 'Halaman ini sudah melewati hasil terakhir.',
  firstPage: 'Kembali ke halaman pertama',
  kinds: { post: 'Berita', page: 'Halaman', service: 'Layanan' },
  pager: 'Halaman hasil pencarian',
  previous: '‹ Sebelumnya',
  next: 'Berikutnya ›',
  pageOf: (page: number, pages: number) => `Halaman ${page} dari ${pages}`,
};

/** Plain and marked parts: every piece is text, escaped by preact; the marks are elements. */
function Marked({ parts }: { parts: readonly TextPart[] }) {
  return <>{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

function Hit({ hit, timeZone }: { hit: SearchHit; timeZone: string }) {
  return (
    <li>
      <article class="card">
        <h2 class="card__title">
          <a href={hit.path}>
            <Marked parts={hit.titleParts} />
          </a>
        </h2>
        <p class="card__meta">
          {m.kinds[hit.kind]} · {hit.agency.name} ·{' '}
          <time dateTime={hit.date}>{formatDate(hit.date, timeZone)}</time>
        </p>
        {hit.snippet.length ? (
          <p>
            <Marked parts={hit.snippet} />
          </p>
        ) : null}
      </article>
    </li>
  );
}

function Pager({ results, href }: { results: SearchResults; href: (page: number) => string }) {
  const pages = Math.ceil(results.total / results.perPage);
  const { page } = results;
  if (pages <= 1 || page > pages) return null;
  return (
    <nav class="button-row" aria-label={m.pager}>
      {page > 1 ? (
        <a class="button button--secondary" rel="prev" href={href(page - 1)}>
          {m.previous}
        </a>
      ) : null}
      <span aria-current="page">{m.pageOf(page, pages)}</span>
      {page < pages ? (
        <a class="button button--secondary" rel="next" href={href(page + 1)}>
          {m.next}
        </a>
      ) : null}
    </nav>
  );
}

export interface SearchPageProps {
  ctx: PageContext;
  query: string;
  agencies: Agency[];
  /** the agency filtered on, or null for all */
  agency: Agency | null;
  /** null until something is typed */
  results: SearchResults | null;
  href: (page: number) => string;
  /** the same search across all agencies */
  allHref: string;
}

/** /cari: a search form that works without JavaScript, the result count, results and pager. */
export function SearchPage({ ctx, query, agencies, agency, results, href, allHref }: SearchPageProps) {
  return (
    <Layout
      ctx={ctx}
      title={query ? m.resultsTitle(query) : m.title}
      crumbs={[{ href: '/', label: t.nav.home }]}
    >
      <h1>{m.title}</h1>
      <form method="get" action="/cari" class="filter-bar" role="search" aria-label={m.formLabel}>
        <div class="field">
          <label class="field__label" for="cari-q">
            {m.query}
          </label>
          <p class="field__hint" id="cari-q-hint">
            {m.queryHint}
          </p>
          <input
            class="input"
            id="cari-q"
            name="q"
            type="search"
            value={query}
            maxLength={200}
            aria-describedby="cari-q-hint"
          />
        </div>
        <div class="field">
          <label class="field__label" for="cari-opd">
            {m.agency}
          </label>
          <select class="select" id="cari-opd" name="opd">
            <option value="">{m.allAgencies}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.slug} selected={a.id === agency?.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button class="button" type="submit">
          {t.common.search}
        </button>
      </form>
      {results ? (
        <Results
          results={results}
          query={query}
          agency={agency}
          timeZone={ctx.installation.timeZone}
          href={href}
          allHref={allHref}
        />
      ) : (
        <p class="muted">{m.prompt}</p>
      )}
    </Layout>
  );
}

function Results({
  results,
  query,
  agency,
  timeZone,
  href,
  allHref,
}: {
  results: SearchResults;
  query: string;
  agency: Agency | null;
  timeZone: string;
  href: (page: number) => string;
  allHref: string;
}) {
  return (
    <section aria-labelledby="hasil-cari">
      <p id="hasil-cari" role="status">
        {m.count(results.total, query, agency?.name ?? null)}
      </p>
      {results.total === 0 ? (
        <>
          <h2>{m.emptyTitle}</h2>
          <ul>
            {m.emptyTips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
            {agency ? (
              <li>
                <a href={allHref}>{m.searchAll}</a>
              </li>
            ) : null}
          </ul>
        </>
      ) : results.hits.length === 0 ? (
        <p>
          {m.pastLast} <a href={href(1)}>{m.firstPage}</a>
        </p>
      ) : (
        <ol class="stack search-results">
          {results.hits.map((hit) => (
            <Hit key={`${hit.kind}:${hit.id}`} hit={hit} timeZone={timeZone} />
          ))}
        </ol>
      )}
      <Pager results={results} href={href} />
    </section>
  );
}
