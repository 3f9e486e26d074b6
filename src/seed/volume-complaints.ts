// N complaints for the volume seed (`seed-volume --complaints`), batched inserts into `complaints`.
// Received times spread evenly over the last three years; everything older than 70 days is closed (closed,
// archived, not our authority), the rest spread over the open states with deadlines around now, so
// the queue's tabs are realistic: a few thousand open among a million. Not through fileComplaint: a
// million complaints in minutes instead of hours; what fileComplaint adds beyond the row (the
// timeline, the receipt mail) the queue does not read.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { Complaint, ComplaintStatus } from '../complaints/complaints.table.js';
import { newTrackingCode } from '../complaints/tracking-code.js';
import { mulberry32, pick } from './volume-text.js';

/** Every complaint of the volume seed says this: how a second run recognises the first. */
export const VOLUME_COMPLAINT_DESCRIPTION = 'Keterangan laporan untuk uji beban.';
// ~50 columns × 500 rows: below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
const BATCH = 500;
/** Batches per transaction: fewer commits (each an fsync on SQLite), no huge transaction either. */
const BATCHES_PER_TX = 10;
const DAY = 86_400_000;
const SPAN = 3 * 365 * DAY;
const OPEN: ComplaintStatus[] = ['received', 'verified', 'on_hold', 'assigned', 'in_progress', 'answered'];
const FINAL: ComplaintStatus[] = ['closed', 'closed', 'closed', 'closed', 'archived', 'not_authority'];
const WITH_OPD: ComplaintStatus[] = ['assigned', 'in_progress', 'answered', 'closed'];
const TITLES = [
  'Jalan berlubang',
  'Lampu jalan padam',
  'Sampah belum diangkut',
  'Parit tersumbat',
  'Antrean KTP-el lama',
];

export interface ComplaintContext {
  db: Db;
  agencyIds: string[];
  categoryIds: string[];
  codePrefix: string;
  total: number;
  progress: (line: string) => void;
}

interface Maker {
  random: () => number;
  now: number;
  codes: Set<string>;
}

function deadlineKind(status: ComplaintStatus, withOpd: boolean): Complaint['deadlineKind'] {
  if (!withOpd) return 'verify';
  return status === 'answered' ? 'auto_close' : 'follow_up';
}

/**
 * A version 7 UUID (RFC 9562) for the time given: ids in the order of their received time, so that,
 * with the rows made oldest first, the primary key and the indexes that lead with the received time
 * are appended to instead of written all over (with random ids and times, 200,000 complaints took
 * 2.2 times the CPU time, and each 100,000 longer than the one before).
 */
function timeOrderedId(ms: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  const random = randomUUID();
  return `${hex.slice(0, 8)}-${hex.slice(8)}-7${random.slice(15)}`;
}

function makeComplaint(ctx: ComplaintContext, m: Maker, i: number): Complaint {
  const { random, now } = m;
  // Complaint i in its own slot of the three years, oldest first.
  const received = now - SPAN + Math.floor(((i + random()) * SPAN) / ctx.total);
  const status = now - received > 70 * DAY ? pick(random, FINAL) : pick(random, OPEN);
  const withOpd = WITH_OPD.includes(status);
  const final = !OPEN.includes(status);
  const deadline =
    final || status === 'on_hold' ? null : new Date(now + (random() * 12 - 4) * DAY).toISOString();
  let code = newTrackingCode(ctx.codePrefix);
  while (m.codes.has(code)) code = newTrackingCode(ctx.codePrefix);
  m.codes.add(code);
  const at = new Date(received).toISOString();
  // The steady state of the retention job: reporters of complaints closed over 24 months ago are gone.
  const closedAt = final ? received + 20 * DAY : null;
  const expired = closedAt !== null && closedAt < now - 730 * DAY;
  return {
    id: timeOrderedId(received),
    trackingCode: code,
    accessKeyHash: 'x',
    submissionKey: null,
    class: 'pengaduan',
    channel: 'web',
    laporNumber: '',
    title: `${pick(random, TITLES)} nomor ${i}`,
    description: VOLUME_COMPLAINT_DESCRIPTION,
    categoryId: pick(random, ctx.categoryIds),
    regionId: null,
    address: '',
    lat: null,
    lng: null,
    occurredOn: null,
    status,
    heldFrom: status === 'on_hold' ? 'received' : null,
    agencyId: withOpd ? pick(random, ctx.agencyIds) : null,
    anonymous: i % 5 === 0 ? 1 : 0,
    confidential: i % 20 === 0 ? 1 : 0,
    reporterName: expired ? '' : `Warga ${i}`,
    reporterEmail: expired ? '' : `warga${String(i).padStart(7, '0')}@example.com`,
    reporterPhone: '',
    reporterNik: '',
    consentAt: at,
    personalDataRemovedAt: expired ? new Date(now).toISOString() : null,
    deadlineAt: deadline,
    deadlineKind: deadline ? deadlineKind(status, withOpd) : null,
    resolutionDueAt: new Date(received + 60 * DAY).toISOString(),
    receivedAt: at,
    verifiedAt: withOpd ? at : null,
    assignedAt: withOpd ? at : null,
    firstAnswerDueAt: withOpd ? new Date(received + 7 * DAY).toISOString() : null,
    answeredAt: null,
    firstAnsweredAt: null,
    closedAt: closedAt === null ? null : new Date(closedAt).toISOString(),
    handoffs: 0,
    reopened: 0,
    rating: null,
    ratingComment: '',
    mergedIntoId: null,
    createdBy: null,
    createdAt: at,
    updatedAt: at,
  };
}

async function insertRows(db: Db, batches: Complaint[][]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const rows of batches) {
      await tx.insertInto('complaints').values(rows).execute();
      const assignees = rows.flatMap((r) =>
        r.agencyId
          ? [{ complaintId: r.id, agencyId: r.agencyId, role: 'lead' as const, createdAt: r.createdAt }]
          : [],
      );
      if (assignees.length) await tx.insertInto('complaintAssignees').values(assignees).execute();
    }
  });
}

export async function seedComplaints(ctx: ComplaintContext): Promise<void> {
  if (!ctx.total) return;
  if (!ctx.categoryIds.length || !ctx.agencyIds.length)
    throw new Error('seed-volume needs complaint categories and agencies');
  const existing = await ctx.db.selectFrom('complaints').select('trackingCode').execute();
  const maker: Maker = {
    random: mulberry32(42),
    now: Date.now(),
    codes: new Set(existing.map((c) => c.trackingCode)),
  };
  const started = performance.now();
  let done = 0;
  let reported = 0;
  while (done < ctx.total) {
    const batches: Complaint[][] = [];
    for (let b = 0; b < BATCHES_PER_TX && done < ctx.total; b++) {
      const n = Math.min(BATCH, ctx.total - done);
      batches.push(Array.from({ length: n }, (_, k) => makeComplaint(ctx, maker, done + k)));
      done += n;
    }
    await insertRows(ctx.db, batches);
    if (done - reported >= 100_000 || done === ctx.total) {
      reported = done;
      const s = ((performance.now() - started) / 1000).toFixed(1);
      ctx.progress(`  ${done}/${ctx.total} aduan (${s} dtk)`);
    }
  }
}
