// Frozen: this file never imports app code.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * The search index: one row per searchable document (a published post or an agency page) in
 * `search_documents`, with plain text stripped from the stored HTML, kept current by triggers on
 * `posts` and `agency_pages` so no writer of those tables has to remember it.
 *   SQLite: an FTS5 index over the documents (external content, unicode61 without diacritics).
 *   PostgreSQL: a stored tsvector (Indonesian configuration; title A, summary B, body C) with GIN,
 *   and small title and summary vectors for ranking.
 * Two views (`search_post_source`, `search_page_source`) say once per dialect what a document is;
 * the triggers and the backfill below read from them.
 */

// Inline tags join the words on either side ("ban<strong>jir</strong>" is one word); every
// other tag is a word break. Bodies are sanitised HTML, so these are the only inline tags.
const INLINE_TAGS = ['a', 'b', 'strong', 'em', 'i', 'u', 's', 'sub', 'sup', 'code'];

// The entities the sanitiser writes into text. Angle brackets become spaces, not `<`: PostgreSQL's
// parser would take "<word>" for a tag and skip the word. &amp; goes last ("&amp;lt;" is text).
const decodeEntities = (expr: string) =>
  `replace(replace(replace(replace(${expr}, '&lt;', ' '), '&gt;', ' '), '&quot;', '"'), '&amp;', '&')`;

/**
 * SQLite has no regular expressions and triggers allow no CTE, so the HTML is cut at every `<`
 * by turning it into a JSON array (`json_each` then walks it in one pass): each piece starts with
 * a tag's inside up to `>`, followed by text. Should the JSON be malformed (HTML that did not
 * pass the sanitiser), the fallback keeps the words and only blanks the angle brackets.
 */
function sqliteStrip(column: string): string {
  const jsonText = `replace(replace(replace(replace(replace(${column}, '\\', '\\\\'), '"', '\\"'), char(10), ' '), char(13), ' '), char(9), ' ')`;
  const tagEnd = `instr(value, '>')`;
  const space = `instr(value, ' ')`;
  const tagName = `lower(case when ${space} between 1 and ${tagEnd} then substr(value, 1, ${space} - 1) else substr(value, 1, ${tagEnd} - 1) end)`;
  const inline = INLINE_TAGS.flatMap((t) => [`'${t}'`, `'/${t}'`]).join(', ');
  const piece = `case when ${tagEnd} = 0 then value else (case when ${tagName} in (${inline}) then '' else ' ' end) || substr(value, ${tagEnd} + 1) end`;
  return `(select ${decodeEntities(
    `case when json_valid(j) then (select coalesce(group_concat(${piece}, '' order by key), '') from json_each(j))
      else replace(replace(${column}, '<', ' '), '>', ' ') end`,
  )} from (select '["' || replace(${jsonText}, '<', '","') || '"]' as j))`;
}

function postgresStrip(column: string): string {
  const inline = `regexp_replace(${column}, '</?(${INLINE_TAGS.join('|')})(\\s[^>]*)?>', '', 'gi')`;
  return decodeEntities(`regexp_replace(${inline}, '<[^>]*>', ' ', 'g')`);
}

const DOCUMENT_COLUMNS = 'kind, ref_id, agency_id, sort_at, title, summary, body';

/** The two views: what a searchable post and page are, with their text. */
function sourceViews(strip: (column: string) => string): string[] {
  return [
    `create view search_post_source as
       select 'post' as kind, id as ref_id, agency_id, published_at as sort_at, title, summary,
              ${strip('body_html')} as body
       from posts where status = 'published' and published_at is not null`,
    `create view search_page_source as
       select 'page' as kind, id as ref_id, agency_id, updated_at as sort_at, title, '' as summary,
              ${strip('body_html')} as body
       from agency_pages`,
  ];
}

// Only the columns a document is made of: saving a review note does not touch the index.
const WATCHED = {
  posts: 'status, title, summary, body_html, published_at, agency_id',
  agency_pages: 'title, body_html, updated_at, agency_id',
} as const;
const SOURCES = [
  { table: 'posts', kind: 'post', view: 'search_post_source' },
  { table: 'agency_pages', kind: 'page', view: 'search_page_source' },
] as const;

async function run(db: Kysely<unknown>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

function sqliteStatements(): string[] {
  const statements = [
    `create table search_documents (
       id integer primary key,
       kind text not null,
       ref_id text not null,
       agency_id text not null,
       sort_at text not null,
       title text not null,
       summary text not null,
       body text not null,
       unique (kind, ref_id))`,
    'create index search_documents_agency_idx on search_documents (agency_id)',
    `create virtual table search_index using fts5(title, summary, body,
       content = 'search_documents', content_rowid = 'id',
       tokenize = 'unicode61 remove_diacritics 2')`,
    // Documents are replaced, never updated, so the index needs only these two.
    `create trigger search_documents_ai after insert on search_documents begin
       insert into search_index (rowid, title, summary, body) values (new.id, new.title, new.summary, new.body);
     end`,
    `create trigger search_documents_ad after delete on search_documents begin
       insert into search_index (search_index, rowid, title, summary, body)
       values ('delete', old.id, old.title, old.summary, old.body);
     end`,
    ...sourceViews(sqliteStrip),
  ];
  for (const { table, kind, view } of SOURCES) {
    const insert = `insert into search_documents (${DOCUMENT_COLUMNS})
       select ${DOCUMENT_COLUMNS} from ${view} where ref_id = new.id;`;
    const remove = `delete from search_documents where kind = '${kind}' and ref_id = old.id;`;
    statements.push(
      `create trigger ${table}_search_ai after insert on ${table} begin ${insert} end`,
      `create trigger ${table}_search_au after update of ${WATCHED[table]} on ${table} begin ${remove} ${insert} end`,
      `create trigger ${table}_search_ad after delete on ${table} begin ${remove} end`,
    );
  }
  return statements;
}

function postgresStatements(): string[] {
  const statements = [
    `create table search_documents (
       kind text not null,
       ref_id text not null,
       agency_id text not null,
       sort_at timestamptz not null,
       title text not null,
       summary text not null,
       body text not null,
       vector tsvector generated always as (
         setweight(to_tsvector('indonesian', title), 'A') ||
         setweight(to_tsvector('indonesian', summary), 'B') ||
         setweight(to_tsvector('indonesian', body), 'C')) stored,
       -- Ranking asks per word "in the title? in the summary?" of every match: these small vectors
       -- answer without unpacking the whole body's (a quarter of the time for a common word).
       title_vector tsvector generated always as (to_tsvector('indonesian', title)) stored,
       summary_vector tsvector generated always as (to_tsvector('indonesian', summary)) stored,
       primary key (kind, ref_id))`,
    'create index search_documents_vector_idx on search_documents using gin (vector)',
    'create index search_documents_agency_idx on search_documents (agency_id)',
    ...sourceViews(postgresStrip),
  ];
  for (const { table, kind, view } of SOURCES) {
    // `set search_path from current`: the function finds this installation's tables whatever
    // search_path the session that fires it happens to have.
    statements.push(
      `create function ${table}_search_sync() returns trigger language plpgsql
       set search_path from current as $$
       begin
         if tg_op in ('UPDATE', 'DELETE') then
           delete from search_documents where kind = '${kind}' and ref_id = old.id;
         end if;
         if tg_op in ('INSERT', 'UPDATE') then
           insert into search_documents (${DOCUMENT_COLUMNS})
           select ${DOCUMENT_COLUMNS} from ${view} where ref_id = new.id;
         end if;
         return null;
       end $$`,
      `create trigger ${table}_search_sync after insert or delete or update of ${WATCHED[table]}
       on ${table} for each row execute function ${table}_search_sync()`,
    );
  }
  return statements;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await run(db, pg ? postgresStatements() : sqliteStatements());
  // What was published before this migration.
  for (const { view } of SOURCES) {
    await run(db, [
      `insert into search_documents (${DOCUMENT_COLUMNS}) select ${DOCUMENT_COLUMNS} from ${view}`,
    ]);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const statements: string[] = [];
  for (const { table } of SOURCES) {
    if (pg) {
      statements.push(
        `drop trigger ${table}_search_sync on ${table}`,
        `drop function ${table}_search_sync()`,
      );
    } else {
      for (const when of ['ai', 'au', 'ad']) statements.push(`drop trigger ${table}_search_${when}`);
    }
  }
  statements.push('drop view search_page_source', 'drop view search_post_source');
  if (!pg) statements.push('drop table search_index');
  statements.push('drop table search_documents');
  await run(db, statements);
}
