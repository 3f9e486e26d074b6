// Fills a data folder (SQLite) with the demo city and N complaints, for the coordinator's queue bench.
//   npx tsx bench/seed-complaints.ts --data DIR [--complaints 1000000]
// Received times spread over the last three years; everything older than 70 days is closed (closed,
// archived, not our authority), the rest spread over the open states with deadlines around now, so
// the queue's tabs are realistic: a few thousand open among a million. Rows go in by batched inserts,
// not through fileComplaint: a million complaints in a minute instead of an hour. What fileComplaint
// adds beyond the row (the timeline, the receipt mail) the queue does not read.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/seed/seed.js';
import type { Complaint, ComplaintStatus } from '../src/complaints/complaints.table.js';
import { newTrackingCode } from '../src/complaints/tracking-code.js';
import { mulberry32, pick } from './content/text.js';

const { values } = parseArgs({
  options: { data: { type: 'string' }, complaints: { type: 'string', default: '1000000' } },
});
if (!values.data) throw new Error('usage: seed-complaints.ts --data DIR [--complaints N]');
const total = Number(values.complaints);
const DAY = 86_400_000;
const BATCH = 500;
const OPEN: ComplaintStatus[] = ['received', 'verified', 'on_hold', 'assigned', 'in_progress', 'answered'];
const FINAL: ComplaintStatus[] = ['closed', 'closed', 'closed', 'closed', 'archived', 'not_authority'];
const TITLES = [
  'Jalan berlubang',
  'Lampu jalan padam',
  'Sampah belum diangkut',
  'Parit tersumbat',
  'Antrean KTP-el lama',
];

if (existsSync(path.join(values.data, 'balairung.sqlite')))
  throw new Error(`${values.data} already holds a database`);
const handle = createDatabase({ dataDir: values.data });
const { db } = handle;
await migrateToLatest(handle);
await seedDemo(db, process.env.BALAIRUNG_DEMO_PASSWORD ?? 'demo-password-123');
const agencies = await db.selectFrom('agencies').select('id').execute();
const categories = await db.selectFrom('complaintCategories').select('id').execute();
const random = mulberry32(42);
const now = Date.now();
const codes = new Set<string>();

function complaint(i: number): Complaint {
  const received = now - Math.floor(random() * 3 * 365 * DAY);
  const age = now - received;
  const status = age > 70 * DAY ? pick(random, FINAL) : pick(random, OPEN);
  const withOpd = ['assigned', 'in_progress', 'answered', 'closed'].includes(status);
  const agencyId = withOpd ? pick(random, agencies).id : null;
  const final = !OPEN.includes(status);
  const deadline =
    final || status === 'on_hold' ? null : new Date(now + (random() * 12 - 4) * DAY).toISOString();
  let code = newTrackingCode('PTK');
  while (codes.has(code)) code = newTrackingCode('PTK');
  codes.add(code);
  const at = new Date(received).toISOString();
  // The steady state of the retention job: reporters of complaints closed over 24 months ago are gone.
  const closedAt = final ? received + 20 * DAY : null;
  const expired = closedAt !== null && closedAt < now - 730 * DAY;
  return {
    id: randomUUID(),
    trackingCode: code,
    accessKeyHash: 'x',
    submissionKey: null,
    class: 'pengaduan',
    channel: 'web',
    laporNumber: '',
    title: `${pick(random, TITLES)} nomor ${i}`,
    description: 'Keterangan laporan untuk uji beban.',
    categoryId: pick(random, categories).id,
    regionId: null,
    address: '',
    lat: null,
    lng: null,
    occurredOn: null,
    status,
    heldFrom: status === 'on_hold' ? 'received' : null,
    agencyId,
    anonymous: i % 5 === 0 ? 1 : 0,
    confidential: i % 20 === 0 ? 1 : 0,
    reporterName: expired ? '' : `Warga ${i}`,
    reporterEmail: expired ? '' : `warga${i}@example.com`,
    reporterPhone: '',
    reporterNik: '',
    consentAt: at,
    personalDataRemovedAt: expired ? new Date(now).toISOString() : null,
    deadlineAt: deadline,
    deadlineKind: deadline
      ? withOpd
        ? status === 'answered'
          ? 'auto_close'
          : 'follow_up'
        : 'verify'
      : null,
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

const started = Date.now();
for (let done = 0; done < total;) {
  const n = Math.min(BATCH, total - done);
  const rows = Array.from({ length: n }, (_, k) => complaint(done + k));
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('complaints').values(rows).execute();
    const assigned = rows.filter((r) => r.agencyId);
    if (assigned.length) {
      await tx
        .insertInto('complaintAssignees')
        .values(
          assigned.map((r) => ({
            complaintId: r.id,
            agencyId: r.agencyId!,
            role: 'lead' as const,
            createdAt: r.createdAt,
          })),
        )
        .execute();
    }
  });
  done += n;
  if (done % 100_000 === 0)
    console.error(`[seed-complaints] ${done} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
await handle.close();
console.error(`[seed-complaints] ${total} complaints in ${((Date.now() - started) / 1000).toFixed(1)} s`);
