// Frozen: this file never imports app code.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * rate_limits: the request counters of @fastify/rate-limit when several app processes share one
 * PostgreSQL and no Redis (src/http/rate-limit.store.ts). One row per limit and address: how many
 * requests in the window that started at window_started_at and ends at expires_at. Rows past
 * expires_at are reset by the next request and purged by a scheduled job (the index serves that).
 * Created on SQLite too, so the schema is one; a SQLite installation (one process) counts in memory.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_expiry').on('rate_limits').columns(['expires_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}
