import { PostgresAdapter, sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import type { PublishedPost } from '../news/news.queries.js';
import type { SearchTerms } from './search.text.js';

/**
 * The search index (see the 1400 migration): `search_documents`, kept current by triggers, with
 * an FTS5 table beside it on SQLite, and on PostgreSQL a weighted tsvector to match with and title
 * and summary vectors to rank with. This is the one file with dialect-specific SQL; both dialects
 * rank with the same integer score, so they order the same documents the same way (README.md).
 */

export type DocumentKind = 'post' | 'page' | 'service';

export interface SearchFilter {
  agencyId?: string | undefined;
  kinds: readonly DocumentKind[];
}

export interface RankedDocument {
  kind: DocumentKind;
  refId: string;
  score: number;
}

/** Per query word: found in the title, else the summary, else the body. */
const WEIGHT = { title: 3, summary: 2, body: 1 } as const;

const isPostgres = (db: DbOrTx) => db.getExecutor().adapter instanceof PostgresAdapter;

const isPrefix = (terms: SearchTerms, i: number) => terms.prefixLast && i === terms.words.length - 1;

/** FTS5: every word a quoted string (a quote inside doubled), so nothing typed is FTS syntax. */
const ftsWord = (terms: SearchTerms, i: number) =>
  `"${terms.words[i]!.replaceAll('"', '""')}"${isPrefix(terms, i) ? '*' : ''}`;

/** tsquery: every word a quoted lexeme. */
const tsWord = (terms: SearchTerms, i: number) =>
  `'${terms.words[i]!.replaceAll("'", "''").replaceAll('\\', '\\\\')}'${isPrefix(terms, i) ? ':*' : ''}`;

interface Dialect {
  from: RawBuilder<unknown>;
  match: RawBuilder<unknown>;
  score: RawBuilder<number>;
  /** text compared byte by byte, as SQLite does, so ties break the same way on both */
  binary: RawBuilder<unknown>;
}

function sqlite(terms: SearchTerms): Dialect {
  const words = terms.words.map((_, i) => ftsWord(terms, i));
  const inColumn = (column: 'title' | 'summary', word: string) =>
    sql`d.id in (select rowid from search_index where search_index match ${`${column} : ${word}`})`;
  const perWord = words.map(
    (word) => sql`(case when ${inColumn('title', word)} then ${sql.lit(WEIGHT.title)}
      when ${inColumn('summary', word)} then ${sql.lit(WEIGHT.summary)} else ${sql.lit(WEIGHT.body)} end)`,
  );
  return {
    from: sql`search_index join search_documents d on d.id = search_index.rowid`,
    match: sql`search_index match ${words.join(' AND ')}`,
    score: sql<number>`(${sql.join(perWord, sql` + `)})`,
    binary: sql``,
  };
}

function postgres(terms: SearchTerms): Dialect {
  const query = (text: string) => sql`to_tsquery('indonesian', ${text})`;
  const perWord = terms.words.map((_, i) => {
    const word = query(tsWord(terms, i));
    return sql`(case when d.title_vector @@ ${word} then ${sql.lit(WEIGHT.title)}
      when d.summary_vector @@ ${word} then ${sql.lit(WEIGHT.summary)} else ${sql.lit(WEIGHT.body)} end)`;
  });
  return {
    from: sql`search_documents d`,
    match: sql`d.vector @@ ${query(terms.words.map((_, i) => tsWord(terms, i)).join(' & '))}`,
    score: sql<number>`(${sql.join(perWord, sql` + `)})`,
    binary: sql` collate "C"`,
  };
}

function conditions(d: Dialect, filter: SearchFilter): RawBuilder<unknown> {
  const parts = [
    d.match,
    sql`d.kind in (${sql.join([...filter.kinds])})`,
    // An agency page nobody has written yet would only match on its title: not worth a result.
    sql`(d.kind <> 'page' or trim(d.body) <> '')`,
  ];
  if (filter.agencyId) parts.push(sql`d.agency_id = ${filter.agencyId}`);
  return sql.join(parts, sql` and `);
}

/**
 * One page of matching documents, best first: the relevance score, then the newest, then a fixed
 * order; and how many match in all. Every word must be found (AND).
 */
export async function rankDocuments(
  db: DbOrTx,
  terms: SearchTerms,
  filter: SearchFilter,
  limit: number,
  offset: number,
): Promise<{ rows: RankedDocument[]; total: number }> {
  if (terms.words.length === 0 || filter.kinds.length === 0) return { rows: [], total: 0 };
  const d = isPostgres(db) ? postgres(terms) : sqlite(terms);
  const where = conditions(d, filter);
  // The total rides along as a window count: one pass over the matches instead of two.
  const page = await sql<RankedDocument & { total: number }>`select d.kind, d.ref_id, ${d.score} as score,
      count(*) over () as total
    from ${d.from} where ${where}
    order by score desc, d.sort_at desc, d.kind${d.binary}, d.ref_id${d.binary}
    limit ${limit} offset ${offset}`.execute(db);
  const rows = page.rows.map(({ kind, refId, score }) => ({ kind, refId, score: Number(score) }));
  if (page.rows[0]) return { rows, total: Number(page.rows[0].total) };
  // Past the last page (or nothing found) there is no row to carry the total.
  const count = offset
    ? await sql<{ n: number }>`select count(*) as n from ${d.from} where ${where}`.execute(db)
    : { rows: [{ n: 0 }] };
  return { rows, total: Number(count.rows[0]?.n ?? 0) };
}

/** What a result needs of a post; the fields `postPath` and the API take from a `PublishedPost`. */
export type PostDocument = Pick<
  PublishedPost,
  | 'id'
  | 'slug'
  | 'title'
  | 'summary'
  | 'bodyHtml'
  | 'publishedAt'
  | 'agencyId'
  | 'agencySlug'
  | 'agencyName'
  | 'agencyShortName'
  | 'coverMediaId'
>;

export interface PageDocument {
  id: string;
  slug: string;
  title: string;
  bodyHtml: string;
  updatedAt: string;
  agencyId: string;
  agencySlug: string;
  agencyName: string;
  agencyShortName: string;
}

/** Published posts by id (a post unpublished a moment ago is left out). */
export async function publishedPostsByIds(db: DbOrTx, ids: readonly string[]): Promise<PostDocument[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('posts')
    .innerJoin('agencies', 'agencies.id', 'posts.agencyId')
    .select([
      'posts.id',
      'posts.slug',
      'posts.title',
      'posts.summary',
      'posts.bodyHtml',
      'posts.publishedAt',
      'posts.agencyId',
      'agencies.slug as agencySlug',
      'agencies.name as agencyName',
      'agencies.shortName as agencyShortName',
      'posts.coverMediaId',
    ])
    // By id alone first: a published_at condition would lead SQLite down the date index instead.
    .where('posts.id', 'in', [...ids])
    .where('posts.status', '=', 'published')
    .execute();
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt ?? '' }));
}

export async function pagesByIds(db: DbOrTx, ids: readonly string[]): Promise<PageDocument[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('agencyPages')
    .innerJoin('agencies', 'agencies.id', 'agencyPages.agencyId')
    .select([
      'agencyPages.id',
      'agencyPages.slug',
      'agencyPages.title',
      'agencyPages.bodyHtml',
      'agencyPages.updatedAt',
      'agencyPages.agencyId',
      'agencies.slug as agencySlug',
      'agencies.name as agencyName',
      'agencies.shortName as agencyShortName',
    ])
    .where('agencyPages.id', 'in', [...ids])
    .execute();
}

export interface ServiceDocument {
  id: string;
  slug: string;
  name: string;
  summary: string;
  /** JSON: the 14 components */
  components: string;
  updatedAt: string;
  agencyId: string;
  agencySlug: string;
  agencyName: string;
  agencyShortName: string;
}

/** Published services by id (one taken back to draft a moment ago is left out). */
export async function publishedServicesByIds(db: DbOrTx, ids: readonly string[]): Promise<ServiceDocument[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('services')
    .innerJoin('agencies', 'agencies.id', 'services.agencyId')
    .select([
      'services.id',
      'services.slug',
      'services.name',
      'services.summary',
      'services.components',
      'services.updatedAt',
      'services.agencyId',
      'agencies.slug as agencySlug',
      'agencies.name as agencyName',
      'agencies.shortName as agencyShortName',
    ])
    .where('services.id', 'in', [...ids])
    .where('services.status', '=', 'published')
    .execute();
}
