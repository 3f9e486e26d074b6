import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { isSuperAdmin, type Actor } from '../accounts/accounts.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db, DbOrTx } from '../db/database.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { Text } from '../http/schema.js';
import { now } from '../time/clock.js';
import { localDateTimeToUtc, zoneOffsetMinutes } from '../time/zone.js';
import { duration, m } from './messages.js';
import type { BreachIncident } from './privacy.table.js';

const f = m.fields;

/** UU 27/2022 Pasal 46(1): written notice within 3 × 24 hours of discovery. */
export const NOTICE_HOURS = 72;
/** The super admins are warned once when the deadline is this close and notice is not recorded. */
export const ALERT_HOURS = 24;

/** Only the super admin keeps the register: it is the installation's, not an OPD's. */
export const canManageBreaches = (actor: Actor): boolean => isSuperAdmin(actor);

export const noticeDueOf = (discoveredAt: string): string =>
  new Date(Date.parse(discoveredAt) + NOTICE_HOURS * 3_600_000).toISOString();

export const BreachCreateInput = Type.Object({
  title: Text(f.title, 150),
  discovered_at: Text(f.discovered_at, 20),
  data_categories: Text(f.data_categories, 2000),
  subjects_affected: Text(f.subjects_affected, 12, { required: false }),
  description: Text(f.description, 5000),
  measures: Text(f.measures, 5000, { required: false }),
});
export type BreachCreateInput = typeof BreachCreateInput.static;

export const BreachNoticeInput = Type.Object({
  authority_notified_at: Text(f.authority_notified_at, 20, { required: false }),
  subjects_notified_at: Text(f.subjects_notified_at, 20, { required: false }),
  measures: Text(f.measures, 5000, { required: false }),
});
export type BreachNoticeInput = typeof BreachNoticeInput.static;

/** A typed local time → UTC, refused when malformed or in the future; '' stays null. */
function instantOf(value: string, timeZone: string, field: string, at: string): string | null {
  if (!value.trim()) return null;
  const utc = localDateTimeToUtc(value.trim(), zoneOffsetMinutes(new Date(at), timeZone));
  if (!utc) throw new ValidationError({ [field]: m.errors.when });
  // A minute's grace: a clock a little ahead of the server's is not "the future".
  if (Date.parse(utc) > Date.parse(at) + 60_000) throw new ValidationError({ [field]: m.errors.future });
  return utc;
}

export async function createBreach(
  db: Db,
  actor: Actor,
  input: BreachCreateInput,
  timeZone: string,
): Promise<BreachIncident> {
  const at = now();
  const discoveredAt = instantOf(input.discovered_at, timeZone, 'discovered_at', at);
  if (!discoveredAt) throw new ValidationError({ discovered_at: m.errors.when });
  const count = input.subjects_affected.trim();
  if (count && !/^\d{1,9}$/.test(count)) throw new ValidationError({ subjects_affected: m.errors.count });
  const row = {
    id: randomUUID(),
    title: input.title.trim(),
    discoveredAt,
    noticeDueAt: noticeDueOf(discoveredAt),
    dataCategories: input.data_categories.trim(),
    subjectsAffected: count ? Number(count) : null,
    description: input.description.trim(),
    measures: input.measures.trim(),
    authorityNotifiedAt: null,
    subjectsNotifiedAt: null,
    deadlineAlertedAt: null,
    recordedBy: actor.userId,
    createdAt: at,
    updatedAt: at,
  };
  return db.transaction().execute(async (tx) => {
    await tx.insertInto('breachIncidents').values(row).execute();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'breach.recorded',
      subjectType: 'breach_incident',
      subjectId: row.id,
      details: { title: row.title, discoveredAt, noticeDueAt: row.noticeDueAt },
    });
    return row;
  });
}

/** Records when the authority and the people were told, and the measures taken so far. */
export async function recordNotices(
  db: Db,
  actor: Actor,
  incident: BreachIncident,
  input: BreachNoticeInput,
  timeZone: string,
): Promise<void> {
  const at = now();
  const authority = instantOf(input.authority_notified_at, timeZone, 'authority_notified_at', at);
  const subjects = instantOf(input.subjects_notified_at, timeZone, 'subjects_notified_at', at);
  for (const [field, value] of [
    ['authority_notified_at', authority],
    ['subjects_notified_at', subjects],
  ] as const) {
    if (value && value < incident.discoveredAt)
      throw new ValidationError({ [field]: m.errors.beforeDiscovered });
  }
  const after = {
    authorityNotifiedAt: authority,
    subjectsNotifiedAt: subjects,
    measures: input.measures.trim(),
  };
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('breachIncidents')
      .set({ ...after, updatedAt: at })
      .where('id', '=', incident.id)
      .execute();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'breach.updated',
      subjectType: 'breach_incident',
      subjectId: incident.id,
      details: {
        before: {
          authorityNotifiedAt: incident.authorityNotifiedAt,
          subjectsNotifiedAt: incident.subjectsNotifiedAt,
        },
        after: { authorityNotifiedAt: authority, subjectsNotifiedAt: subjects },
        measuresChanged: after.measures !== incident.measures,
      },
    });
  });
}

export function listBreaches(db: DbOrTx): Promise<BreachIncident[]> {
  return db.selectFrom('breachIncidents').selectAll().orderBy('discoveredAt', 'desc').limit(500).execute();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function getBreach(db: DbOrTx, id: string): Promise<BreachIncident> {
  if (!UUID.test(id)) throw new NotFoundError();
  const row = await db.selectFrom('breachIncidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError();
  return row;
}

export type NoticeState = 'notified' | 'overdue' | 'due_soon' | 'open';

/** Where an incident stands against its 72-hour deadline at `at`. */
export function noticeState(incident: BreachIncident, at: string): NoticeState {
  if (incident.authorityNotifiedAt && incident.subjectsNotifiedAt) return 'notified';
  const left = Date.parse(incident.noticeDueAt) - Date.parse(at);
  if (left < 0) return 'overdue';
  return left < ALERT_HOURS * 3_600_000 ? 'due_soon' : 'open';
}

/** "Sisa 1 hari 3 jam", "Terlambat 5 jam", "Semua sudah diberi tahu" */
export function noticeLabel(incident: BreachIncident, at: string): string {
  const state = noticeState(incident, at);
  if (state === 'notified') return m.state.notified;
  return m.state[state](duration(Date.parse(incident.noticeDueAt) - Date.parse(at)));
}
