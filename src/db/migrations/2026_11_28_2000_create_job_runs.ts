// Frozen: this file never imports app code.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * job_runs: which once-a-period job ran for which period ('complaint-digest', '2026-12-01'). The
 * primary key makes the claim exactly-once across app processes: the first insert wins, the others
 * conflict and do nothing.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('job_runs')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('ran_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('job_runs_pk', ['name', 'period'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_runs').execute();
}
