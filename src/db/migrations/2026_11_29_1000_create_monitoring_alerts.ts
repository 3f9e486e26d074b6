// Frozen: this file never imports app code.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * monitoring_alerts: which alert about which OPD is open ('admins', 'stale'). A row is written, in
 * the same statement that claims it, when the OPD falls below the rule, and removed when it is back
 * above it: the super admin is told once per fall, not on every tick, and again after a recovery.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('monitoring_alerts')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('raised_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('monitoring_alerts_pk', ['agency_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('monitoring_alerts').execute();
}
