// Frozen: this file never imports app code.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * The working-day calendar behind complaint deadlines.
 *   holidays: one row per day off for the whole installation (national holidays and cuti bersama),
 *     keyed by the local date 'YYYY-MM-DD'; the super admin edits them, since the government sets
 *     them every year.
 *   agency_calendars: an agency that keeps its own days and hours (an RSUD or Damkar serving 24/7).
 *     working_days is a JSON array of ISO weekdays (1 = Monday … 7 = Sunday); opens and closes are
 *     local 'HH:MM' ('24:00' closes at midnight); ignores_holidays_at, when set, says since when the
 *     agency works through holidays (a timestamp rather than a boolean, as elsewhere).
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('holidays')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agency_calendars')
    .addColumn('agency_id', 'text', (c) => c.primaryKey().references('agencies.id').onDelete('cascade'))
    .addColumn('working_days', 'text', (c) => c.notNull().defaultTo('[1,2,3,4,5]'))
    .addColumn('opens', 'text', (c) => c.notNull())
    .addColumn('closes', 'text', (c) => c.notNull())
    .addColumn('ignores_holidays_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agency_calendars').execute();
  await db.schema.dropTable('holidays').execute();
}
