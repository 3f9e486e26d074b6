// Frozen: this file never imports app code.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * The content version: one number that grows whenever anything an anonymous public page shows
 * changes, so every app process can tell whether a page it keeps in memory is still current with
 * one tiny read (src/http/page-cache.ts). Triggers bump it, so no writer has to remember it, and a
 * change made with raw SQL counts too; the bump commits with the change it counts.
 *
 * The tables are those the cached pages read: the installation, agencies and their hosts, regions
 * (kelurahan on posts), media, categories, posts with their gallery and tags, agency pages (search
 * documents are derived from posts and pages by their own triggers). Not users or memberships:
 * bylines are text on the post, and a signed-in person never gets a cached page. Not complaints:
 * filing is the hot path (hundreds a second), and /aduan/laporan and /aduan/kinerja are cached for
 * a few seconds instead (their figures already lag by a minute).
 *
 *   SQLite: a row trigger per table and operation; writers are serialised anyway.
 *   PostgreSQL: deferred constraint triggers, so the counter row is locked only while the
 *   transaction commits, after all its statements (an immediate bump would hold the lock for the
 *   rest of the transaction and could deadlock two editors who touch tables in other orders),
 *   and only once per transaction (a transaction-local flag).
 */

const TABLES = [
  'installation',
  'agencies',
  'agency_hosts',
  'regions',
  'media',
  'categories',
  'posts',
  'post_gallery',
  'post_tags',
  'agency_pages',
];

const BUMP = 'update content_version set version = version + 1 where id = 1';

async function run(db: Kysely<unknown>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

function sqliteStatements(): string[] {
  return TABLES.flatMap((table) =>
    (['insert', 'update', 'delete'] as const).map(
      (op) => `create trigger ${table}_content_version_${op} after ${op} on ${table} begin ${BUMP}; end`,
    ),
  );
}

function postgresStatements(): string[] {
  return [
    `create function content_version_bump() returns trigger language plpgsql
     set search_path from current as $$
     begin
       if current_setting('balairung.content_bumped', true) is distinct from '1' then
         ${BUMP};
         perform set_config('balairung.content_bumped', '1', true);
       end if;
       return null;
     end $$`,
    ...TABLES.map(
      (table) => `create constraint trigger ${table}_content_version
       after insert or update or delete on ${table} deferrable initially deferred
       for each row execute function content_version_bump()`,
    ),
  ];
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('content_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('content_version').values({ id: 1, version: 1 }).execute();
  await run(db, pg ? postgresStatements() : sqliteStatements());
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const statements = pg
    ? [
        ...TABLES.map((table) => `drop trigger ${table}_content_version on ${table}`),
        'drop function content_version_bump()',
      ]
    : TABLES.flatMap((table) =>
        ['insert', 'update', 'delete'].map((op) => `drop trigger ${table}_content_version_${op}`),
      );
  await run(db, statements);
  await db.schema.dropTable('content_version').execute();
}
