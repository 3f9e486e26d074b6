// Frozen: this file never imports app code.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * The Ombudsman self-assessment (src/assessment/).
 *   assessments: one per agency, year and scope; `service_id` is '' for the OPD as a whole, else the
 *     id of one of its services (no foreign key to keep '' possible: a deleted service's assessment
 *     stays as history). `finalized_at` closes the year: automatic items stop refreshing.
 *   assessment_scores: one row per item of an assessment. `source` says who filled it in ('auto' from
 *     Balairung's data, 'opd' by the agency); `detail` is the figure an automatic score came from;
 *     `evidence_media_id` a photo in the agency's media library.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('finalized_at', ts)
    .addColumn('finalized_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('assessments_scope_unique', ['agency_id', 'year', 'service_id'])
    .execute();

  await db.schema
    .createTable('assessment_scores')
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evidence_media_id', 'text', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_scores_pk', ['assessment_id', 'item_key'])
    .execute();
  await db.schema
    .createIndex('assessment_scores_agency')
    .on('assessment_scores')
    .columns(['agency_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assessment_scores').execute();
  await db.schema.dropTable('assessments').execute();
}
