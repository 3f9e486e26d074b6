import { Type } from '@sinclair/typebox';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db, DbOrTx } from '../db/database.js';
import { ValidationError } from '../errors.js';
import { Text } from '../http/schema.js';
import type { Storage } from '../storage/storage.js';
import { now } from '../time/clock.js';
import type { Complaint } from './complaints.table.js';
import { blankReporters } from './retention.js';
import { accessKeyMatches, normalizeTrackingCode } from './tracking-code.js';
import { normalizePhone } from './complaints.service.js';

/*
 * Data-subject requests (UU 27/2022 Pasal 7–9 and 15–16): a citizen asks the coordinator what the
 * complaint centre holds about them, or asks for it to be erased. Staff identify the person offline
 * (a KTP at the counter, a reply from the address) and then find their complaints by the email or
 * WhatsApp number they gave, or by a tracking code with its access key.
 *
 * The export is what the citizen could see of their own reports plus what we hold about them: the
 * reporter fields, the timeline's public steps, the list of files. Erasure is retention's removal
 * (retention.ts blankReporters) applied now, plus mail in the outbox addressed to them. The record of
 * the complaint stays, as retention keeps it. Both are audited without the personal data itself.
 */

export const DataRequestInput = Type.Object({
  email: Text('Email', 200, { required: false }),
  phone: Text('Nomor WhatsApp atau telepon', 40, { required: false }),
  tracking_code: Text('Kode lacak', 40, { required: false }),
  access_key: Text('Kunci akses', 100, { required: false }),
});
export type DataRequestInput = typeof DataRequestInput.static;

export interface Subject {
  email: string;
  phone: string;
  trackingCode: string;
  accessKey: string;
}

const e = {
  nothing: 'Isi email, nomor WhatsApp, atau kode lacak beserta kunci aksesnya.',
  email: 'Tulis alamat email yang benar, misalnya nama@contoh.id.',
  phone: 'Tulis nomor dengan 8 sampai 15 angka, misalnya 0812 3456 7890.',
  code: 'Kode lacak tidak dikenali. Contohnya PNK-7K3M9Q.',
  key: 'Isi kunci akses dari tanda terima laporan bersama kode lacaknya.',
};

/** The person asked about, from the form; a ValidationError naming the field when it cannot be. */
export function subjectOf(input: Partial<DataRequestInput>): Subject {
  const email = (input.email ?? '').trim().toLowerCase();
  const phone = normalizePhone((input.phone ?? '').trim());
  const rawCode = (input.tracking_code ?? '').trim();
  const accessKey = (input.access_key ?? '').trim();
  const errors: Record<string, string> = {};
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) errors.email = e.email;
  if ((input.phone ?? '').trim() && !/^\+?\d{8,16}$/.test(phone)) errors.phone = e.phone;
  const trackingCode = rawCode ? (normalizeTrackingCode(rawCode) ?? '') : '';
  if (rawCode && !trackingCode) errors.tracking_code = e.code;
  if ((rawCode && !accessKey) || (!rawCode && accessKey))
    errors[rawCode ? 'access_key' : 'tracking_code'] = e.key;
  if (!email && !phone && !rawCode && !accessKey) errors.email = e.nothing;
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { email, phone, trackingCode, accessKey };
}

/** Every complaint whose reporter is the subject: by contact, or the one the code and key open. */
export async function findSubjectComplaints(db: DbOrTx, subject: Subject): Promise<Complaint[]> {
  const byContact =
    subject.email || subject.phone
      ? await db
          .selectFrom('complaints')
          .selectAll()
          .where('personalDataRemovedAt', 'is', null)
          .where((eb) =>
            eb.or([
              ...(subject.email ? [eb(eb.fn('lower', ['reporterEmail']), '=', subject.email)] : []),
              ...(subject.phone ? [eb('reporterPhone', '=', subject.phone)] : []),
            ]),
          )
          .orderBy('receivedAt')
          .limit(1000)
          .execute()
      : [];
  const byCode = subject.trackingCode
    ? await db.selectFrom('complaints').selectAll().where('trackingCode', '=', subject.trackingCode).execute()
    : [];
  // A wrong key finds nothing, exactly like an unknown code: the page confirms no complaint.
  const opened = byCode.filter((c) => accessKeyMatches(subject.accessKey, c.accessKeyHash));
  const seen = new Set(byContact.map((c) => c.id));
  return [...byContact, ...opened.filter((c) => !seen.has(c.id))];
}

export interface SubjectExport {
  generated_at: string;
  complaints: {
    tracking_code: string;
    class: string;
    channel: string;
    status: string;
    title: string;
    description: string;
    address: string;
    lat: number | null;
    lng: number | null;
    occurred_on: string | null;
    received_at: string;
    closed_at: string | null;
    anonymous: boolean;
    confidential: boolean;
    consent_at: string | null;
    reporter: { name: string; email: string; phone: string; nik: string };
    rating: number | null;
    rating_comment: string;
    events: { at: string; action: string; status: string; message: string }[];
    attachments: {
      name: string;
      kind: string;
      mime: string;
      bytes: number;
      uploaded_by: string;
      at: string;
    }[];
  }[];
}

/** What the subject may take away: their reports, what they told us, what they were shown. */
export async function exportSubject(db: DbOrTx, complaints: Complaint[]): Promise<SubjectExport> {
  const ids = complaints.map((c) => c.id);
  const [events, files] = ids.length
    ? await Promise.all([
        db
          .selectFrom('complaintEvents')
          .select(['complaintId', 'createdAt', 'action', 'toStatus', 'message'])
          .where('complaintId', 'in', ids)
          .where('visibility', '=', 'public')
          .orderBy('createdAt')
          .execute(),
        db
          .selectFrom('complaintAttachments')
          .selectAll()
          .where('complaintId', 'in', ids)
          .where((eb) => eb.or([eb('visibility', '=', 'public'), eb('uploadedBy', '=', 'citizen')]))
          .orderBy('createdAt')
          .execute(),
      ])
    : [[], []];
  return {
    generated_at: now(),
    complaints: complaints.map((c) => ({
      tracking_code: c.trackingCode,
      class: c.class,
      channel: c.channel,
      status: c.status,
      title: c.title,
      description: c.description,
      address: c.address,
      lat: c.lat,
      lng: c.lng,
      occurred_on: c.occurredOn,
      received_at: c.receivedAt,
      closed_at: c.closedAt,
      anonymous: c.anonymous === 1,
      confidential: c.confidential === 1,
      consent_at: c.consentAt,
      reporter: { name: c.reporterName, email: c.reporterEmail, phone: c.reporterPhone, nik: c.reporterNik },
      rating: c.rating,
      rating_comment: c.ratingComment,
      events: events
        .filter((v) => v.complaintId === c.id)
        .map((v) => ({ at: v.createdAt, action: v.action, status: v.toStatus, message: v.message })),
      attachments: files
        .filter((f) => f.complaintId === c.id)
        .map((f) => ({
          name: f.originalName,
          kind: f.kind,
          mime: f.mime,
          bytes: f.bytes,
          uploaded_by: f.uploadedBy,
          at: f.createdAt,
        })),
    })),
  };
}

/** Records that staff looked up or downloaded a subject's data (which complaints, not who). */
export async function auditExport(db: DbOrTx, complaints: Complaint[], download: boolean): Promise<void> {
  await recordAudit(db, {
    action: 'complaint.personal_data_exported',
    subjectType: 'complaint',
    subjectId: 'data-request',
    details: { download, trackingCodes: complaints.map((c) => c.trackingCode) },
  });
}

export interface ErasureResult {
  complaints: number;
  files: number;
  mails: number;
}

/** Erases the subject's personal data now, as retention would later; records kept, one audit row. */
export async function eraseSubject(db: Db, files: Storage, subject: Subject): Promise<ErasureResult> {
  const complaints = await findSubjectComplaints(db, subject);
  // The addresses they gave, with the one typed in: mail queued or kept for them goes too.
  const emails = [
    ...new Set([subject.email, ...complaints.map((c) => c.reporterEmail.toLowerCase())]),
  ].filter(Boolean);
  return db.transaction().execute(async (tx) => {
    const at = now();
    const mails = emails.length
      ? Number(
          (
            await tx
              .deleteFrom('mailOutbox')
              .where((eb) => eb(eb.fn('lower', ['recipient']), 'in', emails))
              .executeTakeFirst()
          ).numDeletedRows,
        )
      : 0;
    const { removed, storageKeys } = await blankReporters(
      tx,
      complaints.map((c) => c.id),
      at,
    );
    await recordAudit(tx, {
      action: 'complaint.personal_data_erased',
      subjectType: 'complaint',
      subjectId: 'data-request',
      details: { trackingCodes: removed.map((r) => r.trackingCode), files: storageKeys.length, mails },
    });
    for (const key of storageKeys) await files.remove(key);
    return { complaints: removed.length, files: storageKeys.length, mails };
  });
}
