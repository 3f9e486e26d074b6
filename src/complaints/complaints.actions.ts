import type { Actor } from '../accounts/accounts.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db, Tx } from '../db/database.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { enqueueMail } from '../mail/outbox.js';
import { now } from '../time/clock.js';
import { formatDateTime } from '../time/format.js';
import { loadClocks, type Clocks } from './complaints.deadlines.js';
import { handlesComplaintsOf, isCoordinator } from './complaints.policy.js';
import {
  assigneeIdsOf,
  findComplaintByCode,
  handlerEmailsOf,
  insertAttachments,
  insertEvent,
  replaceAssignees,
} from './complaints.repository.js';
import type { ComplaintAction } from './complaints.schemas.js';
import { trackingLink } from './complaints.service.js';
import { EFFECTS, type StepEffect, type StepInput } from './complaints.steps.js';
import type { Complaint } from './complaints.table.js';
import { nextStatus, partyMay, statusAllows, TRANSITIONS, type Party } from './complaints.workflow.js';
import { errors as e, labels, mail } from './messages.js';
import { accessKeyMatches } from './tracking-code.js';

export type { StepInput } from './complaints.steps.js';

/** Who is asking: a signed-in staff member, the citizen holding the access key, or the job runner. */
export type Caller =
  { kind: 'staff'; actor: Actor } | { kind: 'citizen'; accessKey: string } | { kind: 'system' };

/** The parties the caller acts as on this complaint; empty when it is none of theirs. */
export function partiesOf(caller: Caller, complaint: Complaint, assignees: readonly string[]): Party[] {
  if (caller.kind === 'system') return ['system'];
  if (caller.kind === 'citizen')
    return accessKeyMatches(caller.accessKey, complaint.accessKeyHash) ? ['citizen'] : [];
  const parties: Party[] = [];
  if (isCoordinator(caller.actor)) parties.push('coordinator');
  if (complaint.agencyId && handlesComplaintsOf(caller.actor, complaint.agencyId)) parties.push('lead');
  if (assignees.some((id) => id !== complaint.agencyId && handlesComplaintsOf(caller.actor, id)))
    parties.push('co');
  return parties;
}

/** The OPD the staff member acted for, recorded on the event. */
function actingAgency(
  caller: Caller,
  parties: readonly Party[],
  complaint: Complaint,
  assignees: readonly string[],
) {
  if (caller.kind !== 'staff' || parties.includes('coordinator')) return null;
  if (parties.includes('lead')) return complaint.agencyId;
  return assignees.find((id) => handlesComplaintsOf(caller.actor, id)) ?? null;
}

/**
 * One step of the workflow, from staff, the citizen or the job runner: authorised (404 for a
 * complaint outside the caller's reach, 403 for a step that is not theirs, 409 for a step the
 * status does not allow), applied with a conditional UPDATE on the old status, recorded on the
 * timeline and in the audit log, and announced by mail through the outbox, in one transaction.
 */
export async function actOnComplaint(
  db: Db,
  caller: Caller,
  trackingCode: string,
  input: StepInput,
  context: { baseUrl: string },
): Promise<Complaint> {
  return db.transaction().execute(async (tx) => {
    // Read inside the transaction: on SQLite the one connection is the transaction's until it ends.
    const clocks = await loadClocks(tx, db);
    const complaint = await findComplaintByCode(tx, trackingCode);
    if (!complaint) throw new NotFoundError(caller.kind === 'citizen' ? e.notFound : undefined);
    const assignees = await assigneeIdsOf(tx, complaint.id);
    const parties = partiesOf(caller, complaint, assignees);
    if (!parties.length) throw new NotFoundError(caller.kind === 'citizen' ? e.notFound : undefined);
    if (!partyMay(parties, input.action)) throw new ForbiddenError();
    if (!statusAllows(complaint.status, input.action)) throw new ConflictError(e.notAllowed);
    const at = now();
    const effect = await EFFECTS[input.action]({ tx, complaint, input, at, clocks });
    const status = nextStatus(complaint, input.action);
    const changes: Partial<Complaint> = { ...effect.changes, status, updatedAt: at };
    const result = await tx
      .updateTable('complaints')
      .set(changes)
      .where('id', '=', complaint.id)
      .where('status', '=', complaint.status)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new ConflictError(e.notAllowed);
    if (effect.assignees)
      await replaceAssignees(tx, complaint.id, effect.assignees.lead, effect.assignees.co, at);
    const updated = { ...complaint, ...changes } as Complaint;
    await record(tx, caller, parties, complaint, updated, assignees, input, effect, at);
    await announce(tx, updated, input.action, effect, clocks, context.baseUrl);
    return updated;
  });
}

async function record(
  tx: Tx,
  caller: Caller,
  parties: readonly Party[],
  before: Complaint,
  after: Complaint,
  assignees: readonly string[],
  input: StepInput,
  effect: StepEffect,
  at: string,
) {
  const actorId = caller.kind === 'staff' ? caller.actor.userId : null;
  const agencyId = actingAgency(caller, parties, before, assignees);
  const eventId = await insertEvent(tx, {
    complaintId: before.id,
    action: input.action,
    fromStatus: before.status,
    toStatus: after.status,
    actorKind: caller.kind,
    actorId,
    agencyId,
    message: effect.message ?? '',
    internalNote: effect.internalNote ?? '',
    visibility: TRANSITIONS[input.action].visibility,
    details: effect.details ?? {},
    createdAt: at,
  });
  await insertAttachments(
    tx,
    (input.attachments ?? []).map((a) => ({
      ...a,
      complaintId: before.id,
      eventId,
      visibility: TRANSITIONS[input.action].visibility,
      uploadedBy: caller.kind === 'citizen' ? ('citizen' as const) : ('staff' as const),
      createdAt: at,
    })),
  );
  if (caller.kind === 'staff') {
    await recordAudit(tx, {
      actorId,
      agencyId,
      action: `complaint.${input.action}`,
      subjectType: 'complaint',
      subjectId: before.id,
      details: { from: before.status, to: after.status, ...(effect.details ?? {}) },
    });
  }
}

/** Mail for the citizen on every public step, and for the OPD's officers when it reaches them. */
async function announce(
  tx: Tx,
  complaint: Complaint,
  action: ComplaintAction,
  effect: StepEffect,
  clocks: Clocks,
  baseUrl: string,
) {
  const citizenAction = TRANSITIONS[action].by.includes('citizen');
  if (TRANSITIONS[action].visibility === 'public' && !citizenAction && complaint.reporterEmail) {
    await enqueueMail(tx, {
      to: complaint.reporterEmail,
      subject: mail.updateSubject(complaint.trackingCode, labels.status[complaint.status]),
      text: mail.updateBody(
        complaint.trackingCode,
        labels.action[action],
        effect.message ?? '',
        trackingLink(baseUrl, complaint.trackingCode),
      ),
    });
  }
  if (action === 'assign' && effect.assignees?.lead) {
    const to = await handlerEmailsOf(tx, [effect.assignees.lead, ...effect.assignees.co]);
    for (const address of to) {
      await enqueueMail(tx, {
        to: address,
        subject: mail.assignedSubject(complaint.trackingCode),
        text: mail.assignedBody(
          complaint.trackingCode,
          complaint.title,
          formatDateTime(complaint.deadlineAt!, clocks.timeZone),
          `${baseUrl}/admin/aduan/${complaint.trackingCode}`,
        ),
      });
    }
  }
}
