import { getInstallation } from '../agencies/agencies.repository.js';
import { complaintSettingsOf } from '../agencies/settings.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db, DbOrTx } from '../db/database.js';
import { claimRun, hasRun, localClock } from '../jobs/job-runs.js';
import { purgeOldMail } from '../mail/outbox.js';
import type { Storage } from '../storage/storage.js';
import { now } from '../time/clock.js';
import { FINAL_STATUSES } from './complaints.table.js';
import { redactPersonalData, type Reporter } from './redact.js';

/*
 * Retention (UU 27/2022 on personal data): `retentionMonths` (24) after a complaint was closed —
 * closed, not our authority, or archived — what identifies the reporter is removed and the record
 * kept, anonymised, for the figures and the Ombudsman.
 *
 * What goes
 * - reporter_name, reporter_email, reporter_phone, reporter_nik: blanked, personal_data_removed_at set.
 * - The files that came with the report (the filing and the citizen's later additions), whoever
 *   typed them in: photos show faces, houses and number plates, and a PDF may be a KTP scan. Their
 *   stored files and their rows are deleted.
 * - Mail in the outbox older than 30 days (src/mail/outbox.ts purgeOldMail): it holds the
 *   reporter's address and private link, and must not outlive the complaint's own data.
 * What stays
 * - The place (kelurahan, address, map pin): it locates the problem, not the person.
 * - Title, description, the rating comment and the timeline's messages: they are the record of what
 *   was reported and answered. What in them identifies someone goes (redact.ts): the reporter's name,
 *   e-mail, number and NIK as they gave them, and any mobile number, NIK or e-mail address not on
 *   go.id, replaced by "[dihapus]".
 * - Staff files (an OPD's proof photo of the repair): the agency's record of its own work.
 *
 * Each batch is one transaction with its audit row (the tracking codes, no personal data). The
 * conditional UPDATE on personal_data_removed_at makes two processes remove each complaint once;
 * files are deleted after the rows, inside the transaction, so a failed commit leaves the complaint
 * pending and the next run deletes again (deleting a missing file is no error).
 */

export const RETENTION_JOB = 'complaint-retention';
const BATCH = 100;
/** Batches per run: a backlog (the first run on old data) is worked off over a few days' runs. */
const MAX_BATCHES = 200;

export interface RetentionResult {
  complaints: number;
  files: number;
  mails: number;
}

/** The instant `months` calendar months before `at`. */
export function monthsBefore(at: string, months: number): string {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

/** Only the columns that changed; undefined when none did. */
function changed<T extends Record<string, string>>(before: T, after: T): Partial<T> | undefined {
  const diff = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v)) as Partial<T>;
  return Object.keys(diff).length ? diff : undefined;
}

/** The reporter's identity and contact details out of what was written (redact.ts), before they are blanked. */
async function redactTexts(tx: DbOrTx, ids: readonly string[]): Promise<void> {
  const complaints = await tx
    .selectFrom('complaints')
    .select([
      'id',
      'title',
      'description',
      'ratingComment',
      'reporterName',
      'reporterEmail',
      'reporterPhone',
      'reporterNik',
    ])
    .where('id', 'in', [...ids])
    .where('personalDataRemovedAt', 'is', null)
    .execute();
  if (!complaints.length) return;
  const reporters = new Map<string, Reporter>();
  for (const c of complaints) {
    const who = { name: c.reporterName, email: c.reporterEmail, phone: c.reporterPhone, nik: c.reporterNik };
    reporters.set(c.id, who);
    const texts = { title: c.title, description: c.description, ratingComment: c.ratingComment };
    const set = changed(texts, {
      title: redactPersonalData(c.title, who),
      description: redactPersonalData(c.description, who),
      ratingComment: redactPersonalData(c.ratingComment, who),
    });
    if (set) await tx.updateTable('complaints').set(set).where('id', '=', c.id).execute();
  }
  const events = await tx
    .selectFrom('complaintEvents')
    .select(['id', 'complaintId', 'message', 'internalNote'])
    .where('complaintId', 'in', [...reporters.keys()])
    .execute();
  for (const e of events) {
    const who = reporters.get(e.complaintId)!;
    const texts = { message: e.message, internalNote: e.internalNote };
    const set = changed(texts, {
      message: redactPersonalData(e.message, who),
      internalNote: redactPersonalData(e.internalNote, who),
    });
    if (set) await tx.updateTable('complaintEvents').set(set).where('id', '=', e.id).execute();
  }
}

/**
 * The removal itself, shared by retention and a citizen's erasure request
 * (src/complaints/data-requests.ts): blanks the reporter of these complaints — each once, those
 * already blanked are skipped — and deletes the rows of the files the citizen gave. Run it in the
 * caller's transaction with its audit row; delete the returned storage keys after, inside it.
 */
export async function blankReporters(
  tx: DbOrTx,
  ids: readonly string[],
  at: string,
): Promise<{ removed: { id: string; trackingCode: string }[]; storageKeys: string[] }> {
  if (!ids.length) return { removed: [], storageKeys: [] };
  await redactTexts(tx, ids);
  const removed = await tx
    .updateTable('complaints')
    .set({
      reporterName: '',
      reporterEmail: '',
      reporterPhone: '',
      reporterNik: '',
      personalDataRemovedAt: at,
    })
    .where('id', 'in', [...ids])
    .where('personalDataRemovedAt', 'is', null)
    .returning(['id', 'trackingCode'])
    .execute();
  if (!removed.length) return { removed, storageKeys: [] };
  const done = removed.map((r) => r.id);
  const citizens = await tx
    .selectFrom('complaintAttachments as f')
    .select(['f.id', 'f.storageKey'])
    .where('f.complaintId', 'in', done)
    .where((eb) =>
      eb.or([
        eb('f.uploadedBy', '=', 'citizen'),
        eb(
          'f.eventId',
          'in',
          eb
            .selectFrom('complaintEvents')
            .select('id')
            .where('complaintId', 'in', done)
            .where('action', 'in', ['file', 'add_info']),
        ),
      ]),
    )
    .execute();
  if (citizens.length) {
    await tx
      .deleteFrom('complaintAttachments')
      .where(
        'id',
        'in',
        citizens.map((f) => f.id),
      )
      .execute();
  }
  return { removed, storageKeys: citizens.map((f) => f.storageKey) };
}

/** Removes the personal data of complaints closed longer than the retention period. */
export async function removeExpiredPersonalData(
  db: Db,
  files: Storage,
  at = now(),
): Promise<RetentionResult> {
  const { retentionMonths } = complaintSettingsOf(await getInstallation(db));
  const cutoff = monthsBefore(at, retentionMonths);
  const result: RetentionResult = { complaints: 0, files: 0, mails: 0 };
  for (let round = 0; round < MAX_BATCHES; round++) {
    const due = await db
      .selectFrom('complaints')
      .select('id')
      .where('status', 'in', [...FINAL_STATUSES])
      .where('closedAt', '<', cutoff)
      .where('personalDataRemovedAt', 'is', null)
      .limit(BATCH)
      .execute();
    if (!due.length) break;
    const batch = await db.transaction().execute(async (tx) => {
      const { removed, storageKeys } = await blankReporters(
        tx,
        due.map((d) => d.id),
        at,
      );
      if (!removed.length) return { complaints: 0, files: 0 };
      await recordAudit(tx, {
        actorId: null,
        action: 'complaint.personal_data_removed',
        subjectType: 'complaint',
        subjectId: 'retention',
        details: {
          retentionMonths,
          closedBefore: cutoff,
          trackingCodes: removed.map((r) => r.trackingCode),
          files: storageKeys.length,
        },
      });
      for (const key of storageKeys) await files.remove(key);
      return { complaints: removed.length, files: storageKeys.length };
    });
    result.complaints += batch.complaints;
    result.files += batch.files;
    // A racing process took this whole batch; what it left is found by the next select.
  }
  result.mails = await purgeOldMail(db, at);
  return result;
}

/**
 * Retention once a local day: checked on every tick, done on the first after midnight. Safe when
 * two processes both run it (see above); the day's row only spares the other ticks the scan.
 */
export async function runDailyRetention(db: Db, files: Storage, at = now()): Promise<RetentionResult | null> {
  const { timeZone } = await getInstallation(db);
  const day = localClock(timeZone, at).date;
  if (await hasRun(db, RETENTION_JOB, day)) return null;
  const result = await removeExpiredPersonalData(db, files, at);
  await claimRun(db, RETENTION_JOB, day, at);
  return result;
}
