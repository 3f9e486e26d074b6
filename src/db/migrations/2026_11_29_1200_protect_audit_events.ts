// Frozen: this file never imports app code.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * The audit log becomes append-only and searchable.
 *
 * Append-only: triggers refuse every UPDATE and DELETE of audit_events, whoever runs it (the app, a
 * script, someone at the SQL prompt without the owner's rights to drop the trigger). One change
 * is let through: the foreign keys' ON DELETE SET NULL, when a person's account or an OPD is
 * removed (actor_id or agency_id becomes null, nothing else changes): the event stays, shown as
 * "Akun terhapus". PostgreSQL also refuses TRUNCATE.
 *
 * "From where": the user agent (cut short) and the request id beside the ip, so one sign-in can be
 * matched with the server's log lines.
 *
 * Indexes for the viewer's filters: newest first over everything (the super admin), per OPD (the
 * created_at index of the foundation covers agency_id + created_at), per person, per action.
 */

const COLUMNS_KEPT = ['id', 'action', 'subject_type', 'subject_id', 'details', 'ip', 'created_at'];
const ONLY_SET_NULL = [
  ...COLUMNS_KEPT.map((c) => `new.${c} is not distinct from old.${c}`),
  '(new.actor_id is not distinct from old.actor_id or new.actor_id is null)',
  '(new.agency_id is not distinct from old.agency_id or new.agency_id is null)',
  'new.user_agent is not distinct from old.user_agent',
  'new.request_id is not distinct from old.request_id',
].join(' and ');
const MESSAGE = 'audit_events is append-only';

function sqliteUp(): string[] {
  // SQLite spells "is not distinct from" as "is".
  const same = ONLY_SET_NULL.replace(/is not distinct from/g, 'is');
  return [
    `create trigger audit_events_no_update before update on audit_events
     when not (${same})
     begin select raise(abort, '${MESSAGE}'); end`,
    `create trigger audit_events_no_delete before delete on audit_events
     begin select raise(abort, '${MESSAGE}'); end`,
  ];
}

function postgresUp(): string[] {
  return [
    `create function audit_events_append_only() returns trigger language plpgsql as $$
     begin
       -- nested: NEW is null for a DELETE or TRUNCATE, so the columns are read only on UPDATE
       if tg_op = 'UPDATE' then
         if ${ONLY_SET_NULL} then
           return new;
         end if;
       end if;
       raise exception '${MESSAGE}' using errcode = 'insufficient_privilege';
     end $$`,
    `create trigger audit_events_append_only before update or delete on audit_events
     for each row execute function audit_events_append_only()`,
    `create trigger audit_events_no_truncate before truncate on audit_events
     for each statement execute function audit_events_append_only()`,
  ];
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .alterTable('audit_events')
    .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('audit_events')
    .addColumn('request_id', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('audit_events_created_idx')
    .on('audit_events')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_events_actor_idx')
    .on('audit_events')
    .columns(['actor_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('audit_events_action_idx')
    .on('audit_events')
    .columns(['action', 'created_at'])
    .execute();
  for (const statement of pg ? postgresUp() : sqliteUp()) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const statements = pg
    ? [
        'drop trigger audit_events_no_truncate on audit_events',
        'drop trigger audit_events_append_only on audit_events',
        'drop function audit_events_append_only()',
      ]
    : ['drop trigger audit_events_no_update', 'drop trigger audit_events_no_delete'];
  for (const statement of statements) await sql.raw(statement).execute(db);
  for (const index of ['audit_events_action_idx', 'audit_events_actor_idx', 'audit_events_created_idx'])
    await db.schema.dropIndex(index).execute();
  await db.schema.alterTable('audit_events').dropColumn('request_id').execute();
  await db.schema.alterTable('audit_events').dropColumn('user_agent').execute();
}
