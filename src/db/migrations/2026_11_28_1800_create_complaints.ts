// Frozen: this file never imports app code.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * The complaint centre (Pusat Aduan).
 *   complaint_categories: the installation-wide list a citizen picks from, each with the OPD that
 *     usually has authority (the coordinator still decides). `code` is the Open311 service_code.
 *   complaints: one citizen's report. `status` follows the state machine in
 *     src/complaints/complaints.workflow.ts; `deadline_at`/`deadline_kind` hold the one deadline
 *     that runs now (null while on hold: the clock stops). The reporter's personal data sits in the
 *     reporter_* columns so the retention job can blank them in place, keeping the record.
 *     `anonymous` and `confidential` are 0/1 integers: the coordinator flips them back and forth,
 *     so a "since when" timestamp would say nothing true. `submission_key` makes a double submit
 *     create one complaint.
 *   complaint_assignees: the OPD handling it (lead) and any co-assignees.
 *   complaint_events: the timeline; every step with who, when, note and visibility.
 *   complaint_attachments: photos and PDFs from the citizen or staff (cleaned before storing).
 *   complaint_reminders: which deadline reminder went out, so each is sent once.
 *   open311_clients: API keys (hashed) of Open311 clients.
 *   mail_outbox: mail written in the same transaction as the change it announces, sent and
 *     retried by the job runner, so a broken mail server never loses a complaint or a transition.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  const real = pg ? sql`double precision` : sql`real`;

  await db.schema
    .createTable('complaint_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('default_agency_id', 'text', (c) => c.references('agencies.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('access_key_hash', 'text', (c) => c.notNull())
    .addColumn('submission_key', 'text', (c) => c.unique())
    .addColumn('class', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('lapor_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.references('complaint_categories.id').onDelete('set null'))
    .addColumn('region_id', 'text', (c) => c.references('regions.id').onDelete('set null'))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lat', real)
    .addColumn('lng', real)
    .addColumn('occurred_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('held_from', 'text')
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id').onDelete('set null'))
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confidential', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reporter_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reporter_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reporter_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reporter_nik', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('consent_at', ts)
    .addColumn('personal_data_removed_at', ts)
    .addColumn('deadline_at', ts)
    .addColumn('deadline_kind', 'text')
    .addColumn('resolution_due_at', ts, (c) => c.notNull())
    .addColumn('received_at', ts, (c) => c.notNull())
    .addColumn('verified_at', ts)
    .addColumn('assigned_at', ts)
    .addColumn('first_answer_due_at', ts)
    .addColumn('answered_at', ts)
    .addColumn('first_answered_at', ts)
    .addColumn('closed_at', ts)
    .addColumn('handoffs', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reopened', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('merged_into_id', 'text', (c) => c.references('complaints.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // The queues. Open work is a few thousand rows among a million closed ones: partial indexes keep
  // each tab a scan of the open (or closed) rows only, covering what the queue sorts and counts on.
  // The status lists are literals: SQLite uses a partial index only for a query that repeats its
  // condition with literals, never with bound parameters (src/complaints/complaints.queries.ts
  // writes them in the same order).
  const open = sql<boolean>`status in ('received', 'verified', 'on_hold', 'assigned', 'in_progress', 'answered')`;
  const final = sql<boolean>`status in ('closed', 'not_authority', 'archived')`;
  await db.schema
    .createIndex('complaints_open_idx')
    .on('complaints')
    .columns(['deadline_at', 'received_at', 'id', 'status'])
    .where(open)
    .execute();
  await db.schema
    .createIndex('complaints_final_idx')
    .on('complaints')
    .columns(['received_at', 'id', 'status'])
    .where(final)
    .execute();
  // An OPD's queue: the complaints it leads.
  await db.schema
    .createIndex('complaints_agency_idx')
    .on('complaints')
    .columns(['agency_id', 'status', 'deadline_at', 'received_at', 'id'])
    .execute();
  await db.schema
    .createIndex('complaints_received_idx')
    .on('complaints')
    .columns(['received_at', 'id'])
    .execute();
  await db.schema
    .createIndex('complaints_email_idx')
    .on('complaints')
    .columns(['reporter_email', 'received_at'])
    .execute();
  await db.schema
    .createIndex('complaints_phone_idx')
    .on('complaints')
    .columns(['reporter_phone', 'received_at'])
    .execute();

  await db.schema
    .createTable('complaint_assignees')
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('complaint_assignees_pk', ['complaint_id', 'agency_id'])
    .execute();
  await db.schema
    .createIndex('complaint_assignees_agency_idx')
    .on('complaint_assignees')
    .columns(['agency_id', 'role', 'complaint_id'])
    .execute();

  await db.schema
    .createTable('complaint_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id').onDelete('set null'))
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('internal_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_events_complaint_idx')
    .on('complaint_events')
    .columns(['complaint_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('complaint_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.references('complaint_events.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_attachments_complaint_idx')
    .on('complaint_attachments')
    .columns(['complaint_id'])
    .execute();

  await db.schema
    .createTable('complaint_reminders')
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('deadline_at', ts, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('complaint_reminders_pk', ['complaint_id', 'deadline_at', 'kind'])
    .execute();

  await db.schema
    .createTable('open311_clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('api_key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts)
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mail_outbox_due_idx')
    .on('mail_outbox')
    .columns(['sent_at', 'next_attempt_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'mail_outbox',
    'open311_clients',
    'complaint_reminders',
    'complaint_attachments',
    'complaint_events',
    'complaint_assignees',
    'complaints',
    'complaint_categories',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
