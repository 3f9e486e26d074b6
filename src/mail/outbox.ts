import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../db/database.js';
import { addMinutes, now } from '../time/clock.js';
import type { MailMessage, Mailer } from './mailer.js';

/*
 * The outbox: a change that announces itself by mail writes the mail in its own transaction
 * (`enqueueMail`), and the job runner sends it (`deliverDueMail`). A mail server that is down
 * delays the mail; it never loses the complaint or the step, and never fails the request.
 * A failed send is tried again after 1, 2, 4 … minutes, at most every 6 hours, for 3 days.
 */

export const MAX_ATTEMPTS = 20;
const MAX_BACKOFF_MINUTES = 360;

export async function enqueueMail(db: DbOrTx, message: MailMessage): Promise<void> {
  if (!message.to) return;
  const at = now();
  await db
    .insertInto('mailOutbox')
    .values({
      id: randomUUID(),
      recipient: message.to,
      subject: message.subject,
      body: message.text,
      attempts: 0,
      nextAttemptAt: at,
      sentAt: null,
      lastError: '',
      createdAt: at,
    })
    .execute();
}

/**
 * Sends the mail that is due, oldest first. Each row is claimed by moving its next attempt into
 * the future with a conditional UPDATE, so two processes never send the same mail twice.
 * Returns how many were sent.
 */
export async function deliverDueMail(db: Db, mailer: Mailer, at = now(), limit = 50): Promise<number> {
  if (!mailer.enabled) return 0;
  const due = await db
    .selectFrom('mailOutbox')
    .selectAll()
    .where('sentAt', 'is', null)
    .where('attempts', '<', MAX_ATTEMPTS)
    .where('nextAttemptAt', '<=', at)
    .orderBy('createdAt')
    .limit(limit)
    .execute();
  let sent = 0;
  for (const mail of due) {
    const backoff = Math.min(2 ** mail.attempts, MAX_BACKOFF_MINUTES);
    const claimed = await db
      .updateTable('mailOutbox')
      .set({ attempts: mail.attempts + 1, nextAttemptAt: addMinutes(at, backoff) })
      .where('id', '=', mail.id)
      .where('attempts', '=', mail.attempts)
      .where('sentAt', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const ok = await mailer.send({ to: mail.recipient, subject: mail.subject, text: mail.body });
    await db
      .updateTable('mailOutbox')
      .set(ok ? { sentAt: now(), lastError: '' } : { lastError: 'SMTP server did not accept the message' })
      .where('id', '=', mail.id)
      .execute();
    if (ok) sent++;
  }
  return sent;
}
