import type { Db, Tx } from '../db/database.js';
import { dueSoonBefore, loadClocks } from '../complaints/complaints.deadlines.js';
import type { JobContext } from '../complaints/complaints.jobs.js';
import { queueCounts } from '../complaints/complaints.queries.js';
import { claimRun, hasRun, localClock } from '../jobs/job-runs.js';
import { enqueueMail } from '../mail/outbox.js';
import { now } from '../time/clock.js';
import { formatDate } from '../time/format.js';
import { adminEmailsOf, superAdminEmails } from './monitoring.recipients.js';
import { loadHealth, type HealthRow } from './monitoring.service.js';
import { ALERT_KINDS, type AlertKind } from './monitoring.table.js';
import { alertMail, digestText, missingStandards, type DigestExtras } from './reminders.js';
import { rulesOf, type MonitoringRules } from './rules.js';
import { getInstallation } from '../agencies/agencies.repository.js';

/*
 * The reminders. Both jobs are checked on scheduler ticks by every app process; exactly-once lives
 * in the SQL, as for the complaint digest:
 * - the weekly digest to each OPD's admins, from Monday 07.00 local, claims the week's job_runs row
 *   in the same transaction that writes the mail;
 * - the alert to the super admins when an OPD falls below the minimum of active admins or goes
 *   stale: a monitoring_alerts row per OPD and kind is inserted when it falls (only the process
 *   whose insert went in writes the mail) and deleted when it recovers, so a fall is told once.
 */

export const DIGEST_JOB = 'monitoring-digest';
/** Minutes after local midnight on Monday from which the week's digest goes out: 07.00. */
export const DIGEST_FROM = 7 * 60;

/** The ISO week of a local date: '2026-W49'. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday + 3);
  // The week's Thursday decides its year; its day of that year, its number.
  const year = d.getUTCFullYear();
  const week = 1 + Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / 604_800_000);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

async function extrasFor(tx: Tx, row: HealthRow, at: string, horizon: string): Promise<DigestExtras> {
  const counts = await queueCounts(tx, [row.agencyId], at, horizon);
  return {
    dueSoon: counts.due_soon,
    overdue: counts.overdue,
    services: await missingStandards(tx, row.agencyId, at),
  };
}

/** Writes the week's digest if it is due and no process has yet; returns how many mails it wrote. */
export async function sendWeeklyDigest(db: Db, context: JobContext, at = now()): Promise<number> {
  const clocks = await loadClocks(db);
  const local = localClock(clocks.timeZone, at);
  const monday = new Date(`${local.date}T00:00:00Z`).getUTCDay() === 1;
  if (monday && local.minutes < DIGEST_FROM) return 0;
  const week = isoWeek(local.date);
  if (await hasRun(db, DIGEST_JOB, week)) return 0;
  return db.transaction().execute(async (tx) => {
    if (!(await claimRun(tx, DIGEST_JOB, week, at))) return 0;
    const horizon = dueSoonBefore(clocks, at);
    const day = formatDate(at, clocks.timeZone);
    let written = 0;
    for (const row of await loadHealth(tx, 'all', at)) {
      const recipients = await adminEmailsOf(tx, row.agencyId);
      if (!recipients.length) continue;
      const text = digestText(row, await extrasFor(tx, row, at, horizon), clocks.timeZone, context.baseUrl);
      for (const to of recipients) {
        await enqueueMail(tx, { to, subject: `Ringkasan mingguan ${row.name}, ${day}`, text });
        written++;
      }
    }
    return written;
  });
}

/** Which alerts an OPD's verdict raises under the rules. */
function fallenOf(row: HealthRow, minAdmins: number, maxDays: number): Set<AlertKind> {
  const fallen = new Set<AlertKind>();
  if (row.activeAdmins < minAdmins) fallen.add('admins');
  if (row.daysSincePost === null || row.daysSincePost > maxDays) fallen.add('stale');
  return fallen;
}

/** Raises the alerts of OPDs that fell, clears those of OPDs that recovered. */
/** Raises the alert of one OPD that fell; 0 when another process (or an earlier tick) already did. */
async function raise(
  db: Db,
  row: HealthRow,
  kind: AlertKind,
  rules: MonitoringRules,
  context: JobContext,
  at: string,
) {
  return db.transaction().execute(async (tx) => {
    const raised = await tx
      .insertInto('monitoringAlerts')
      .values({ agencyId: row.agencyId, kind, raisedAt: at })
      .onConflict((oc) => oc.columns(['agencyId', 'kind']).doNothing())
      .executeTakeFirst();
    if (Number(raised.numInsertedOrUpdatedRows ?? 0) === 0) return 0;
    const mail = alertMail(kind, row, rules, context.baseUrl);
    for (const to of await superAdminEmails(tx)) await enqueueMail(tx, { to, ...mail });
    return 1;
  });
}

/** Raises the alerts of OPDs that fell, clears those of OPDs that recovered. */
export async function runMonitoringAlerts(
  db: Db,
  context: JobContext,
  at = now(),
): Promise<{ alerts: number; cleared: number }> {
  const rules = rulesOf(await getInstallation(db));
  const [rows, open] = await Promise.all([
    loadHealth(db, 'all', at),
    db.selectFrom('monitoringAlerts').select(['agencyId', 'kind']).execute(),
  ]);
  const isOpen = new Set(open.map((a) => `${a.agencyId}|${a.kind}`));
  let alerts = 0;
  let cleared = 0;
  for (const row of rows) {
    const fallen = fallenOf(row, rules.minActiveAdmins, rules.maxDaysWithoutPost);
    for (const kind of ALERT_KINDS) {
      const known = isOpen.has(`${row.agencyId}|${kind}`);
      if (fallen.has(kind) && !known) alerts += await raise(db, row, kind, rules, context, at);
      if (!fallen.has(kind) && known) {
        const gone = await db
          .deleteFrom('monitoringAlerts')
          .where('agencyId', '=', row.agencyId)
          .where('kind', '=', kind)
          .executeTakeFirst();
        cleared += Number(gone.numDeletedRows);
      }
    }
  }
  return { alerts, cleared };
}
