// Frozen: this file never imports app code.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * Services join the search index (2026_11_28_1400): a citizen who types "KTP" or "akta kelahiran" on
 * the portal finds the service and its requirements, not only news that mention them. A published
 * service is one document: its name as the title, its summary, and as the body every piece of text
 * of its 14 components (requirements, steps, products, fees by name…), read out of the JSON. The same
 * shape as posts and pages: a view says what the document is, triggers keep it current.
 */

const DOCUMENT_COLUMNS = 'kind, ref_id, agency_id, sort_at, title, summary, body';
// Only what the document is made of: a new SK file or review date does not touch the index.
const WATCHED = 'status, name, summary, components, updated_at, agency_id';

// Every string value of the components, less the time unit: a code ("hari_kerja"), not words.
const SQLITE_TEXT = `(select coalesce(group_concat(value, ' '), '')
  from json_tree(json_remove(components, '$.timeframe.unit')) where type = 'text')`;
const POSTGRES_TEXT = `(select coalesce(string_agg(v #>> '{}', ' '), '')
  from jsonb_path_query(components::jsonb #- '{timeframe,unit}', 'strict $.**') v
  where jsonb_typeof(v) = 'string')`;

const view = (text: string) => `create view search_service_source as
  select 'service' as kind, id as ref_id, agency_id, updated_at as sort_at, name as title, summary,
         ${text} as body
  from services where status = 'published'`;

const INSERT = `insert into search_documents (${DOCUMENT_COLUMNS})
  select ${DOCUMENT_COLUMNS} from search_service_source where ref_id = new.id;`;
const REMOVE = `delete from search_documents where kind = 'service' and ref_id = old.id;`;

function sqliteStatements(): string[] {
  return [
    view(SQLITE_TEXT),
    `create trigger services_search_ai after insert on services begin ${INSERT} end`,
    `create trigger services_search_au after update of ${WATCHED} on services begin ${REMOVE} ${INSERT} end`,
    `create trigger services_search_ad after delete on services begin ${REMOVE} end`,
  ];
}

function postgresStatements(): string[] {
  return [
    view(POSTGRES_TEXT),
    `create function services_search_sync() returns trigger language plpgsql
     set search_path from current as $$
     begin
       if tg_op in ('UPDATE', 'DELETE') then
         ${REMOVE}
       end if;
       if tg_op in ('INSERT', 'UPDATE') then
         ${INSERT}
       end if;
       return null;
     end $$`,
    `create trigger services_search_sync after insert or delete or update of ${WATCHED}
     on services for each row execute function services_search_sync()`,
  ];
}

async function run(db: Kysely<unknown>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await run(db, pg ? postgresStatements() : sqliteStatements());
  // The services published before this migration.
  await run(db, [
    `insert into search_documents (${DOCUMENT_COLUMNS}) select ${DOCUMENT_COLUMNS} from search_service_source`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await run(db, [
    ...(pg
      ? ['drop trigger services_search_sync on services', 'drop function services_search_sync()']
      : ['ai', 'au', 'ad'].map((when) => `drop trigger services_search_${when}`)),
    `delete from search_documents where kind = 'service'`,
    'drop view search_service_source',
  ]);
}
