// Frozen: this file never imports app code.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const CACHED_TABLES = ['services', 'service_pledges'];
const BUMP = 'update content_version set version = version + 1 where id = 1';

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;

  // One service of one agency with its standard (UU 25/2009 Pasal 21); the 14 components as JSON.
  await db.schema
    .createTable('services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('components', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('flow_media_id', 'text', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('decree_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decree_date', 'text')
    .addColumn('decree_file_key', 'text')
    .addColumn('effective_date', 'text')
    .addColumn('reviewed_on', 'text')
    .addColumn('published_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('services_agency_slug_uq', ['agency_id', 'slug'])
    .execute();
  await db.schema.createIndex('services_status_idx').on('services').columns(['status', 'name']).execute();

  // The agency's maklumat pelayanan: one per agency.
  await db.schema
    .createTable('service_pledges')
    .addColumn('agency_id', 'text', (c) => c.primaryKey().references('agencies.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signed_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signer_position', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signed_on', 'text')
    .addColumn('published_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  // Public pages show both tables, so they bump the content version the page cache watches
  // (as 2026_11_28_2200_create_content_version.ts does for the tables before them).
  for (const table of CACHED_TABLES) {
    const statements = pg
      ? [
          `create constraint trigger ${table}_content_version
           after insert or update or delete on ${table} deferrable initially deferred
           for each row execute function content_version_bump()`,
        ]
      : (['insert', 'update', 'delete'] as const).map(
          (op) => `create trigger ${table}_content_version_${op} after ${op} on ${table} begin ${BUMP}; end`,
        );
    for (const statement of statements) await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const table of CACHED_TABLES) {
    const statements = pg
      ? [`drop trigger ${table}_content_version on ${table}`]
      : ['insert', 'update', 'delete'].map((op) => `drop trigger ${table}_content_version_${op}`);
    for (const statement of statements) await sql.raw(statement).execute(db);
  }
  await db.schema.dropTable('service_pledges').execute();
  await db.schema.dropTable('services').execute();
}
