import type { JobContext } from '../complaints/complaints.jobs.js';
import type { Db } from '../db/database.js';
import { enqueueMail } from '../mail/outbox.js';
import { superAdminEmails } from '../monitoring/monitoring.recipients.js';
import { getInstallation } from '../agencies/agencies.repository.js';
import { now } from '../time/clock.js';
import { formatDateTime } from '../time/format.js';
import { ALERT_HOURS } from './breaches.js';
import { m } from './messages.js';

/**
 * Warns the super admins, once per incident, when its notice deadline is less than 24 hours away
 * (or already past) and the notices are not both recorded. Every app process may run it on every
 * tick: the conditional UPDATE on deadline_alerted_at, in the same transaction as the mail, lets
 * exactly one of them claim each incident.
 */
export async function runBreachDeadlineAlerts(
  db: Db,
  context: JobContext,
  at = now(),
): Promise<{ alerts: number }> {
  const horizon = new Date(Date.parse(at) + ALERT_HOURS * 3_600_000).toISOString();
  const due = await db
    .selectFrom('breachIncidents')
    .select(['id', 'title', 'noticeDueAt'])
    .where('deadlineAlertedAt', 'is', null)
    .where('noticeDueAt', '<', horizon)
    .where((eb) => eb.or([eb('authorityNotifiedAt', 'is', null), eb('subjectsNotifiedAt', 'is', null)]))
    .execute();
  if (!due.length) return { alerts: 0 };
  const { timeZone } = await getInstallation(db);
  let alerts = 0;
  for (const incident of due) {
    alerts += await db.transaction().execute(async (tx) => {
      const claimed = await tx
        .updateTable('breachIncidents')
        .set({ deadlineAlertedAt: at })
        .where('id', '=', incident.id)
        .where('deadlineAlertedAt', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return 0;
      const url = `${context.baseUrl}/admin/insiden/${incident.id}`;
      const text = m.alertText(incident.title, formatDateTime(incident.noticeDueAt, timeZone), url);
      for (const to of await superAdminEmails(tx)) {
        await enqueueMail(tx, { to, subject: m.alertSubject(incident.title), text });
      }
      return 1;
    });
  }
  return { alerts };
}
