import { createHmac } from 'node:crypto';
import { newId } from '../db/ids.js';
import type { Actor } from '../accounts/accounts.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db, Tx } from '../db/database.js';
import { TooManyRequestsError, ValidationError } from '../errors.js';
import { inGroupCommit } from '../db/group-commit.js';
import { enqueueMail } from '../mail/outbox.js';
import { now } from '../time/clock.js';
import { formatDateTime } from '../time/format.js';
import { todayIn } from '../time/zone.js';
import { loadClocks, resolutionDue, verifyDue } from './complaints.deadlines.js';
import {
  countRecentFromContact,
  findCategoryByCode,
  findComplaintBySubmissionKey,
  insertAttachments,
  insertComplaintIfCodeFree,
  insertEvent,
} from './complaints.repository.js';
import type { ComplaintInput } from './complaints.schemas.js';
import type { Complaint, ComplaintAttachmentTable, ComplaintChannel } from './complaints.table.js';
import { errors as e, mail } from './messages.js';
import { hashAccessKey, newAccessKey, newTrackingCode } from './tracking-code.js';

/** Complaints one email or phone number may file in 24 hours through the public channels. */
export const CONTACT_LIMIT_PER_DAY = 5;

/** A file already cleaned and stored (complaints.attachments.ts), waiting for its complaint. */
export type StoredAttachment = Pick<
  ComplaintAttachmentTable,
  'kind' | 'mime' | 'bytes' | 'originalName' | 'storageKey'
>;

export interface FilingContext {
  channel: ComplaintChannel;
  /** the staff member recording a complaint that arrived by phone, letter, WhatsApp … */
  staff?: Actor;
  laporNumber?: string;
  /** the form's one-time key: the same key twice files one complaint */
  submissionKey?: string;
  /** the OPD whose site the citizen filed from (/opd/{slug}/aduan): a hint for the coordinator */
  suggestedAgencyId?: string;
  attachments?: readonly StoredAttachment[];
  /** per-contact limit (public channels); staff entries are not limited */
  limitContact: boolean;
  /** the installation's secret and address, for the access key and the links in the mail */
  secret: string;
  baseUrl: string;
}

export interface Filed {
  complaint: Complaint;
  accessKey: string;
  /** true when the submission key had already filed it: nothing new was stored */
  duplicate: boolean;
}

/** The link that opens the citizen's own view; the key travels in the fragment-free query. */
export const trackingLink = (baseUrl: string, code: string, accessKey?: string): string =>
  `${baseUrl}/aduan/lacak?kode=${encodeURIComponent(code)}${accessKey ? `&kunci=${encodeURIComponent(accessKey)}` : ''}`;

/**
 * With a submission key the access key is derived from it, so a double submit can show the same
 * private link again; without one (the API) it is random. Either way only its hash is stored.
 */
function accessKeyFor(secret: string, submissionKey: string | undefined): string {
  if (!submissionKey) return newAccessKey();
  return createHmac('sha256', secret)
    .update(`complaint-access:${submissionKey}`)
    .digest('base64url')
    .slice(0, 22);
}

/** A WhatsApp number as stored: digits, with +62 or 62 written as 0 (0812…). */
export const normalizePhone = (phone: string): string => {
  const digits = phone.replace(/[^0-9+]/g, '');
  if (digits.startsWith('+62')) return `0${digits.slice(3)}`;
  if (digits.startsWith('62')) return `0${digits.slice(2)}`;
  return digits;
};

interface Checked {
  categoryId: string;
  regionId: string | null;
  reporter: { name: string; email: string; phone: string; nik: string };
}

async function check(
  db: Db | Tx,
  input: ComplaintInput,
  context: FilingContext,
  at: string,
  timeZone: string,
): Promise<Checked> {
  const fields: Record<string, string> = {};
  const category = await findCategoryByCode(db, input.category.trim());
  if (!category) fields.category = e.categoryUnknown;
  let regionId: string | null = null;
  if (input.kelurahan?.trim()) {
    const region = await db
      .selectFrom('regions')
      .select('id')
      .where('slug', '=', input.kelurahan.trim())
      .where('kind', '=', 'kelurahan')
      .executeTakeFirst();
    if (region) regionId = region.id;
    else fields.kelurahan = e.kelurahanUnknown;
  }
  const reporter = {
    name: input.reporter.name?.trim() ?? '',
    email: input.reporter.email?.trim().toLowerCase() ?? '',
    phone: normalizePhone(input.reporter.phone?.trim() ?? ''),
    nik: input.reporter.nik?.trim() ?? '',
  };
  if (!reporter.name) fields.reporter_name = e.nameMissing;
  if (!reporter.email && !reporter.phone && !context.staff) fields.reporter_email = e.contactMissing;
  if (!input.consent) fields.consent = e.consentMissing;
  if (input.occurred_on && input.occurred_on > todayIn(timeZone, new Date(at)))
    fields.occurred_on = e.occurredInFuture;
  if ((input.lat === undefined) !== (input.lng === undefined)) fields.lat = e.pinIncomplete;
  if (Object.keys(fields).length) throw new ValidationError(fields);
  return { categoryId: category!.id, regionId, reporter };
}

/**
 * Files a complaint: checks it, stores it with its first deadline and its attachments, and writes
 * the acknowledgement mail, all in one transaction, so the tracking code is shown only for a
 * complaint that is committed.
 */
export async function fileComplaint(db: Db, input: ComplaintInput, context: FilingContext): Promise<Filed> {
  const at = now();
  const accessKey = accessKeyFor(context.secret, context.submissionKey);
  if (context.submissionKey) {
    const earlier = await findComplaintBySubmissionKey(db, context.submissionKey);
    if (earlier) return { complaint: earlier, accessKey, duplicate: true };
  }
  const clocks = await loadClocks(db);
  const checked = await check(db, input, context, at, clocks.timeZone);
  if (context.limitContact) {
    const since = new Date(Date.parse(at) - 86_400_000).toISOString();
    if ((await countRecentFromContact(db, checked.reporter, since)) >= CONTACT_LIMIT_PER_DAY) {
      throw new TooManyRequestsError(e.tooManyFromContact);
    }
  }
  const deadlineAt = verifyDue(clocks, at);
  const complaint: Complaint = {
    id: newId(),
    trackingCode: newTrackingCode(clocks.settings.codePrefix),
    accessKeyHash: hashAccessKey(accessKey),
    submissionKey: context.submissionKey ?? null,
    class: input.class,
    channel: context.channel,
    laporNumber: context.laporNumber?.trim() ?? '',
    title: input.title.trim(),
    description: input.description.trim(),
    categoryId: checked.categoryId,
    regionId: checked.regionId,
    address: input.address?.trim() ?? '',
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    occurredOn: input.occurred_on || null,
    status: 'received',
    heldFrom: null,
    agencyId: null,
    anonymous: input.anonymous ? 1 : 0,
    confidential: input.confidential ? 1 : 0,
    reporterName: checked.reporter.name,
    reporterEmail: checked.reporter.email,
    reporterPhone: checked.reporter.phone,
    reporterNik: checked.reporter.nik,
    consentAt: at,
    personalDataRemovedAt: null,
    deadlineAt,
    deadlineKind: 'verify',
    resolutionDueAt: resolutionDue(clocks, at),
    receivedAt: at,
    verifiedAt: null,
    assignedAt: null,
    firstAnswerDueAt: null,
    answeredAt: null,
    firstAnsweredAt: null,
    closedAt: null,
    handoffs: 0,
    reopened: 0,
    rating: null,
    ratingComment: '',
    mergedIntoId: null,
    createdBy: context.staff?.userId ?? null,
    createdAt: at,
    updatedAt: at,
  };
  return inGroupCommit(db, async (tx) => {
    // Two racing submits with one key: the unique constraint lets one in; the other finds it.
    const earlier = context.submissionKey
      ? await findComplaintBySubmissionKey(tx, context.submissionKey)
      : undefined;
    if (earlier) return { complaint: earlier, accessKey, duplicate: true };
    // A billion codes make a clash rare but not impossible once there are many complaints.
    while (!(await insertComplaintIfCodeFree(tx, complaint))) {
      complaint.trackingCode = newTrackingCode(clocks.settings.codePrefix);
    }
    const eventId = await insertEvent(tx, {
      complaintId: complaint.id,
      action: 'file',
      fromStatus: null,
      toStatus: 'received',
      actorKind: context.staff ? 'staff' : 'citizen',
      actorId: context.staff?.userId ?? null,
      agencyId: null,
      visibility: 'public',
      details: {
        channel: context.channel,
        ...(context.suggestedAgencyId ? { suggestedAgencyId: context.suggestedAgencyId } : {}),
      },
      createdAt: at,
    });
    await insertAttachments(
      tx,
      (context.attachments ?? []).map((a) => ({
        ...a,
        complaintId: complaint.id,
        eventId,
        visibility: 'internal' as const,
        uploadedBy: context.staff ? ('staff' as const) : ('citizen' as const),
        createdAt: at,
      })),
    );
    if (context.staff) {
      await recordAudit(tx, {
        actorId: context.staff.userId,
        action: 'complaint.recorded',
        subjectType: 'complaint',
        subjectId: complaint.id,
        details: { channel: context.channel, trackingCode: complaint.trackingCode },
      });
    }
    await enqueueMail(tx, {
      to: complaint.reporterEmail,
      subject: mail.receivedSubject(complaint.trackingCode),
      text: mail.receivedBody(
        complaint.trackingCode,
        complaint.title,
        trackingLink(context.baseUrl, complaint.trackingCode, accessKey),
        formatDateTime(deadlineAt, clocks.timeZone),
      ),
    });
    return { complaint, accessKey, duplicate: false };
  });
}
