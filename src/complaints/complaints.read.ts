import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { NotFoundError } from '../errors.js';
import { partiesOf, type Caller } from './complaints.actions.js';
import { canSeeReporter, isPublic } from './complaints.policy.js';
import { assigneeIdsOf, attachmentsOf, eventsOf, findComplaintByCode } from './complaints.repository.js';
import type { ComplaintAction } from './complaints.schemas.js';
import type { Complaint, ComplaintAttachment, ComplaintEvent } from './complaints.table.js';
import { allowedComplaintActions, type Party } from './complaints.workflow.js';
import { errors as e } from './messages.js';

/** Everyone may read: the public (by code alone), the citizen (with the key), staff (by scope). */
export type Reader = Caller | { kind: 'public' };

/** One complaint as the reader may see it; `reporterVisible` says whether the reporter_* fields may be shown. */
export interface ComplaintView {
  complaint: Complaint;
  /** the lead OPD first */
  assigneeIds: string[];
  /** public steps only, unless the reader is staff */
  events: ComplaintEvent[];
  attachments: ComplaintAttachment[];
  reporterVisible: boolean;
  parties: Party[];
  actions: ComplaintAction[];
}

/** Staff see every file; the citizen their own and the public ones (a proof photo); the public none. */
async function attachmentsFor(db: Db, reader: Reader, complaintId: string): Promise<ComplaintAttachment[]> {
  if (reader.kind === 'public' || reader.kind === 'system') return [];
  const all = await attachmentsOf(db, complaintId, true);
  if (reader.kind === 'staff') return all;
  return all.filter((a) => a.visibility === 'public' || a.uploadedBy === 'citizen');
}

/**
 * Loads a complaint for a reader: 404 for a complaint outside a staff member's reach, for a wrong
 * access key, and for a rahasia complaint read by the public. A staff member shown the reporter's
 * personal data is written to the audit log (UU 27/2022: every view of personal data is recorded).
 */
export async function readComplaint(
  db: Db,
  reader: Reader,
  trackingCode: string,
  ip = '',
): Promise<ComplaintView> {
  const complaint = await findComplaintByCode(db, trackingCode);
  if (!complaint) throw new NotFoundError(reader.kind === 'citizen' ? e.notFound : undefined);
  const assigneeIds = await assigneeIdsOf(db, complaint.id);
  const parties = reader.kind === 'public' ? [] : partiesOf(reader, complaint, assigneeIds);
  if (reader.kind === 'public' ? !isPublic(complaint) : !parties.length) {
    throw new NotFoundError(reader.kind === 'citizen' ? e.notFound : undefined);
  }
  const staff = reader.kind === 'staff';
  const reporterVisible =
    reader.kind === 'citizen' || (staff && canSeeReporter(reader.actor, complaint, assigneeIds));
  const hasPersonalData = Boolean(
    complaint.reporterName || complaint.reporterEmail || complaint.reporterPhone,
  );
  if (staff && reporterVisible && hasPersonalData) {
    await recordAudit(db, {
      actorId: reader.actor.userId,
      // The lead OPD's admins see, in their audit log, who of theirs looked at a reporter.
      agencyId: complaint.agencyId,
      action: 'complaint.reporter_viewed',
      subjectType: 'complaint',
      subjectId: complaint.id,
      details: { trackingCode: complaint.trackingCode },
      ip,
    });
  }
  return {
    complaint,
    assigneeIds,
    events: await eventsOf(db, complaint.id, staff),
    attachments: await attachmentsFor(db, reader, complaint.id),
    reporterVisible,
    parties,
    actions: allowedComplaintActions(parties, complaint.status),
  };
}
