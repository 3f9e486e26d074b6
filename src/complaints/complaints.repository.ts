import { newId } from '../db/ids.js';
import type { DbOrTx } from '../db/database.js';
import { everyColumn, insertRow, prepared, type ValueOf } from '../db/prepared.js';
import { NotFoundError } from '../errors.js';
import {
  COMPLAINT_COLUMNS,
  type ActorKind,
  type Complaint,
  type ComplaintAttachmentTable,
  type ComplaintCategory,
  type ComplaintCategoryTable,
  type ComplaintEvent,
  type ComplaintStatus,
  type Visibility,
} from './complaints.table.js';

/*
 * Complaints are the installation's, not one agency's: the coordinator sees them all. An OPD reaches
 * one only through complaint_assignees, so every staff read goes through the service, which checks
 * `canSeeComplaint` with `assigneeIdsOf` before anything leaves.
 */

export function listCategories(db: DbOrTx): Promise<ComplaintCategory[]> {
  return db.selectFrom('complaintCategories').selectAll().orderBy('position').orderBy('name').execute();
}

// Prepared (src/db/prepared.ts): each runs in every complaint filed.
const categoryColumns = everyColumn<ComplaintCategoryTable>()([
  'id',
  'code',
  'name',
  'description',
  'defaultAgencyId',
  'position',
  'createdAt',
]);
const categoryByCode = prepared((db, value: ValueOf<{ code: string }>) =>
  db.selectFrom('complaintCategories').select(categoryColumns).where('code', '=', value('code')),
);
const complaintByCode = prepared((db, value: ValueOf<{ trackingCode: string }>) =>
  db.selectFrom('complaints').select(COMPLAINT_COLUMNS).where('trackingCode', '=', value('trackingCode')),
);

export async function findCategoryByCode(db: DbOrTx, code: string): Promise<ComplaintCategory | undefined> {
  return (await categoryByCode(db, { code }))[0];
}

// Filing: the row goes in unless its tracking code is taken, one statement instead of a look first.
const insertIfCodeFree = prepared((db, value: ValueOf<Complaint>) =>
  db
    .insertInto('complaints')
    .values(Object.fromEntries(COMPLAINT_COLUMNS.map((c) => [c, value(c)])) as never)
    .onConflict((oc) => oc.column('trackingCode').doNothing())
    .returning('id'),
);

/** Stores a new complaint; false, storing nothing, when its tracking code is already another's. */
export async function insertComplaintIfCodeFree(db: DbOrTx, complaint: Complaint): Promise<boolean> {
  return (await insertIfCodeFree(db, complaint)).length === 1;
}

export async function findComplaintByCode(db: DbOrTx, trackingCode: string): Promise<Complaint | undefined> {
  return (await complaintByCode(db, { trackingCode }))[0];
}

export async function getComplaintByCode(db: DbOrTx, trackingCode: string): Promise<Complaint> {
  const complaint = await findComplaintByCode(db, trackingCode);
  if (!complaint) throw new NotFoundError();
  return complaint;
}

export function findComplaintBySubmissionKey(db: DbOrTx, key: string): Promise<Complaint | undefined> {
  return db.selectFrom('complaints').selectAll().where('submissionKey', '=', key).executeTakeFirst();
}

export async function getComplaint(db: DbOrTx, id: string): Promise<Complaint> {
  const complaint = await db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
  if (!complaint) throw new NotFoundError();
  return complaint;
}

/** The lead OPD first, then co-assignees. */
export async function assigneeIdsOf(db: DbOrTx, complaintId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('complaintAssignees')
    .select(['agencyId', 'role'])
    .where('complaintId', '=', complaintId)
    .execute();
  return rows.sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1)).map((r) => r.agencyId);
}

export async function replaceAssignees(
  db: DbOrTx,
  complaintId: string,
  lead: string | null,
  co: readonly string[],
  at: string,
): Promise<void> {
  await db.deleteFrom('complaintAssignees').where('complaintId', '=', complaintId).execute();
  const rows = [
    ...(lead ? [{ complaintId, agencyId: lead, role: 'lead' as const, createdAt: at }] : []),
    ...[...new Set(co)]
      .filter((id) => id !== lead)
      .map((agencyId) => ({ complaintId, agencyId, role: 'co' as const, createdAt: at })),
  ];
  if (rows.length) await db.insertInto('complaintAssignees').values(rows).execute();
}

export interface EventInput {
  complaintId: string;
  action: string;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus;
  actorKind: ActorKind;
  actorId: string | null;
  agencyId: string | null;
  message?: string;
  internalNote?: string;
  visibility: Visibility;
  details?: Record<string, unknown>;
  createdAt: string;
}

export async function insertEvent(db: DbOrTx, event: EventInput): Promise<string> {
  const id = newId();
  await insertRow(db, 'complaintEvents', {
    id,
    ...event,
    message: event.message ?? '',
    internalNote: event.internalNote ?? '',
    details: JSON.stringify(event.details ?? {}),
  });
  return id;
}

/** The timeline, oldest first; only public steps unless `withInternal`. */
export function eventsOf(db: DbOrTx, complaintId: string, withInternal: boolean): Promise<ComplaintEvent[]> {
  let query = db.selectFrom('complaintEvents').selectAll().where('complaintId', '=', complaintId);
  if (!withInternal) query = query.where('visibility', '=', 'public');
  return query.orderBy('createdAt').orderBy('id').execute();
}

/** The latest hold step: it remembers how many working days were left when the clock stopped. */
export function lastHold(db: DbOrTx, complaintId: string): Promise<ComplaintEvent | undefined> {
  return db
    .selectFrom('complaintEvents')
    .selectAll()
    .where('complaintId', '=', complaintId)
    .where('action', '=', 'hold')
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertAttachments(
  db: DbOrTx,
  rows: readonly Omit<ComplaintAttachmentTable, 'id'>[],
): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('complaintAttachments')
    .values(rows.map((r) => ({ id: newId(), ...r })))
    .execute();
}

export function attachmentsOf(db: DbOrTx, complaintId: string, withInternal: boolean) {
  let query = db.selectFrom('complaintAttachments').selectAll().where('complaintId', '=', complaintId);
  if (!withInternal) query = query.where('visibility', '=', 'public');
  return query.orderBy('createdAt').execute();
}

/** Filings from an email, a phone or either since a moment: one prepared query per shape (each filing asks). */
const recentFrom = (email: boolean, phone: boolean) =>
  prepared((db, value: ValueOf<{ since: string; email: string; phone: string }>) =>
    db
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('receivedAt', '>=', value('since'))
      .where((eb) =>
        eb.or([
          ...(email ? [eb('reporterEmail', '=', value('email'))] : []),
          ...(phone ? [eb('reporterPhone', '=', value('phone'))] : []),
        ]),
      ),
  );
const recentByEmail = recentFrom(true, false);
const recentByPhone = recentFrom(false, true);
const recentByEither = recentFrom(true, true);

/** How many complaints came from this email or phone number since `since`: the per-contact limit. */
export async function countRecentFromContact(
  db: DbOrTx,
  contact: { email: string; phone: string },
  since: string,
): Promise<number> {
  if (!contact.email && !contact.phone) return 0;
  const count = contact.email ? (contact.phone ? recentByEither : recentByEmail) : recentByPhone;
  const [row] = await count(db, { since, email: contact.email, phone: contact.phone });
  return Number(row?.n ?? 0);
}

/** Email addresses of the people who handle complaints in these agencies. */
export async function handlerEmailsOf(db: DbOrTx, agencyIds: readonly string[]): Promise<string[]> {
  if (!agencyIds.length) return [];
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select('users.email')
    .where('memberships.agencyId', 'in', [...agencyIds])
    .where('memberships.role', 'in', ['admin', 'complaint_officer'])
    .where('users.disabledAt', 'is', null)
    .execute();
  return [...new Set(rows.map((r) => r.email))];
}

/** Email addresses of the coordinators. */
export async function coordinatorEmails(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('email')
    .where('installationRole', '=', 'coordinator')
    .where('disabledAt', 'is', null)
    .execute();
  return rows.map((r) => r.email);
}
