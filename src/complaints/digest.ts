import type { Db, Tx } from '../db/database.js';
import { claimRun, hasRun, localClock } from '../jobs/job-runs.js';
import { enqueueMail } from '../mail/outbox.js';
import { now } from '../time/clock.js';
import { formatDate, formatDateTime } from '../time/format.js';
import { isWorkingDay } from '../time/working-days.js';
import { dueSoonBefore, loadClocks, type Clocks } from './complaints.deadlines.js';
import type { JobContext } from './complaints.jobs.js';
import { listQueue, OPEN_STATUSES, queueCounts, type QueueRow } from './complaints.queries.js';
import { coordinatorEmails, handlerEmailsOf } from './complaints.repository.js';
import type { DeadlineKind } from './complaints.table.js';
import { labels } from './messages.js';

/*
 * The daily digest: once a working day, from 07.00 local time, one mail to each coordinator (the
 * whole city's queue) and one to each officer of every OPD with open complaints (its own queue).
 * Checked on every tick of the scheduler; exactly once a day across app processes because the day's
 * job_runs row is claimed in the same transaction that writes the mail. A weekend or holiday has no
 * digest: nobody is at work to act on it, and Monday's digest covers it.
 */

export const DIGEST_JOB = 'complaint-digest';
/** Minutes after local midnight from which the day's digest goes out: 07.00. */
export const DIGEST_FROM = 7 * 60;
/** Overdue complaints listed by name in one digest; the rest are counted. */
const LISTED = 30;

interface Section {
  lines: [string, number][];
  overdue: QueueRow[];
  overdueCount: number;
}

function overdueLines(section: Section, clocks: Clocks, withAgency: boolean): string[] {
  if (section.overdueCount === 0) return ['Tidak ada aduan yang terlambat.'];
  const rows = section.overdue.map((r) => {
    const deadline = r.deadlineAt ? formatDateTime(r.deadlineAt, clocks.timeZone) : '';
    const kind = labels.deadline[(r.deadlineKind ?? 'verify') as DeadlineKind];
    const agency = withAgency ? ` (${r.agencyName ?? 'belum ada OPD'})` : '';
    return `- ${r.trackingCode}: ${r.title}${agency}. ${kind}: ${deadline}`;
  });
  const more = section.overdueCount - section.overdue.length;
  return ['Aduan yang terlambat:', ...rows, ...(more > 0 ? [`… dan ${more} aduan lainnya.`] : [])];
}

export const digestMail = {
  subject: (who: string, date: string) => `Ringkasan harian ${who}, ${date}`,
  body(opening: string, section: Section, clocks: Clocks, withAgency: boolean, link: string): string {
    return [
      opening,
      '',
      ...section.lines.map(([label, n]) => `${label}: ${n}`),
      '',
      ...overdueLines(section, clocks, withAgency),
      '',
      'Buka antrean aduan:',
      link,
    ].join('\n');
  },
};

async function sectionFor(
  tx: Tx,
  scope: 'all' | string[],
  at: string,
  horizon: string,
  open?: number,
): Promise<Section> {
  const counts = await queueCounts(tx, scope, at, horizon);
  const overdue = await listQueue(tx, scope, { tab: 'overdue', at, dueSoonBefore: horizon, perPage: LISTED });
  const lines: [string, number][] =
    scope === 'all'
      ? [
          ['Baru, belum diverifikasi', counts.new],
          ['Segera jatuh tempo (dalam 1 hari kerja)', counts.due_soon],
          ['Terlambat', counts.overdue],
          ['Ditunda, menunggu informasi pelapor', counts.on_hold],
        ]
      : [
          ['Aduan berjalan', open ?? 0],
          ['Segera jatuh tempo (dalam 1 hari kerja)', counts.due_soon],
          ['Terlambat', counts.overdue],
        ];
  return { lines, overdue: overdue.rows, overdueCount: counts.overdue };
}

/** Open complaints per OPD, lead or co-assignee: which OPDs get a digest at all. */
async function openPerAgency(tx: Tx) {
  const rows = await tx
    .selectFrom('complaintAssignees as ca')
    .innerJoin('complaints as c', 'c.id', 'ca.complaintId')
    .innerJoin('agencies as a', 'a.id', 'ca.agencyId')
    .select(['a.id', 'a.name', (eb) => eb.fn.countAll<number>().as('open')])
    .where('c.status', 'in', [...OPEN_STATUSES])
    .groupBy(['a.id', 'a.name'])
    .orderBy('a.name')
    .execute();
  return rows.map((r) => ({ ...r, open: Number(r.open) }));
}

/**
 * Writes the day's digest mail if it is due (a working day, 07.00 local or later) and no process
 * has written it yet. Returns how many mails it wrote; 0 when it was not due or already done.
 */
export async function sendDailyDigest(db: Db, context: JobContext, at = now()): Promise<number> {
  const clocks = await loadClocks(db);
  const local = localClock(clocks.timeZone, at);
  if (local.minutes < DIGEST_FROM || !isWorkingDay(clocks.city, local.date)) return 0;
  if (await hasRun(db, DIGEST_JOB, local.date)) return 0;
  return db.transaction().execute(async (tx) => {
    if (!(await claimRun(tx, DIGEST_JOB, local.date, at))) return 0;
    const horizon = dueSoonBefore(clocks, at);
    const day = formatDate(at, clocks.timeZone);
    const link = `${context.baseUrl}/admin/aduan`;
    const opening = `Keadaan aduan per ${formatDateTime(at, clocks.timeZone)}.`;
    let written = 0;
    const coordinators = await coordinatorEmails(tx);
    if (coordinators.length) {
      const section = await sectionFor(tx, 'all', at, horizon);
      for (const to of coordinators) {
        await enqueueMail(tx, {
          to,
          subject: digestMail.subject('Pusat Aduan', day),
          text: digestMail.body(opening, section, clocks, true, link),
        });
        written++;
      }
    }
    for (const agency of await openPerAgency(tx)) {
      const officers = await handlerEmailsOf(tx, [agency.id]);
      if (!officers.length) continue;
      const section = await sectionFor(tx, [agency.id], at, horizon, agency.open);
      for (const to of officers) {
        await enqueueMail(tx, {
          to,
          subject: digestMail.subject(`aduan ${agency.name}`, day),
          text: digestMail.body(opening, section, clocks, false, link),
        });
        written++;
      }
    }
    return written;
  });
}
