// Frozen: this file never imports app code.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * breach_incidents: the register of personal-data breaches (UU 27/2022 Pasal 46): when one was
 * discovered, what data and how many people, what happened and what was done, and when the
 * authority and the people themselves were told (within 3 × 24 hours of discovery: notice_due_at).
 * deadline_alerted_at is claimed by a conditional UPDATE, so the super admins are warned once.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('breach_incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('discovered_at', ts, (c) => c.notNull())
    .addColumn('notice_due_at', ts, (c) => c.notNull())
    .addColumn('data_categories', 'text', (c) => c.notNull())
    .addColumn('subjects_affected', 'integer')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('authority_notified_at', ts)
    .addColumn('subjects_notified_at', ts)
    .addColumn('deadline_alerted_at', ts)
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('breach_incidents_due')
    .on('breach_incidents')
    .columns(['notice_due_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('breach_incidents').execute();
}
