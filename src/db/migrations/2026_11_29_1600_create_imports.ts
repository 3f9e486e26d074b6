// Frozen: this file never imports app code.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * imported_items: what an import brought in from another site (WordPress), keyed by the source's
 * own identifier (its GUID, or a photo's URL), so a rerun updates instead of duplicating; the hash
 * tells whether the source changed since. legacy_redirects: the old site's addresses (a path, or
 * a `?p=` query as a key) and where they live now, answered with a 301 on the agency's host.
 * import_jobs: an import started from the admin area, with its progress and its report.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('imported_items')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('imported_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('imported_items_pk', ['agency_id', 'source', 'kind', 'source_key'])
    .execute();
  await db.schema
    .createTable('legacy_redirects')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('old_key', 'text', (c) => c.notNull())
    .addColumn('new_path', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('legacy_redirects_pk', ['agency_id', 'old_key'])
    .execute();
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('import_jobs_agency_idx')
    .on('import_jobs')
    .columns(['agency_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_jobs').execute();
  await db.schema.dropTable('legacy_redirects').execute();
  await db.schema.dropTable('imported_items').execute();
}
