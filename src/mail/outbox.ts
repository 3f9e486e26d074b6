import { newId } from '../db/ids.js';
import type { Db, DbOrTx } from '../db/database.js';
import { insertRow } from '../db/prepared.js';
import { addMinutes, now } from '../time/clock.js';
import type { MailMessage, Mailer } from './mailer.js';

/*
 * The outbox: a change that announces itself by mail writes the mail in its own transaction
 * (`enqueueMail`), and the job runner sends it (`deliverDueMail`). A mail server that is down
 * delays the mail; it never loses the complaint or the step, and never fails the request.
 * A failed send is tried again after 1, 2, 4 … minutes, at most every 6 hours, 20 times (about
 * three days); then it stays in the table, unsent, until `purgeOldMail` removes it.
 */

export const MAX_ATTEMPTS = 20;
const MAX_BACKOFF_MINUTES = 360;
/**
 * How long a claimed mail is left to its sender before another process may try it: longer than
 * nodemailer's slowest timeout on a server that accepts the connection and then hangs, so a slow
 * send is never doubled by a second process; a process that dies mid-send is retried after it.
 */
export const CLAIM_LEASE_MINUTES = 15;
/** Sent or abandoned mail is kept this long for support questions, then deleted: it holds addresses. */
export const KEEP_MAIL_DAYS = 30;

export async function enqueueMail(db: DbOrTx, message: MailMessage): Promise<void> {
  if (!message.to) return;
  const at = now();
  await insertRow(db, 'mailOutbox', {
    id: newId(),
    recipient: message.to,
    subject: message.subject,
    body: message.text,
    attempts: 0,
    nextAttemptAt: at,
    sentAt: null,
    lastError: '',
    createdAt: at,
  });
}

/** Minutes to wait after the n-th failed attempt: 1, 2, 4 … up to 6 hours. */
export const backoffMinutes = (attempts: number): number =>
  Math.min(2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MINUTES);

/**
 * Sends the mail that is due, oldest first, and returns how many were sent. Each row is claimed
 * with a conditional UPDATE on its attempt count (the count goes up, the next attempt moves a lease
 * into the future), so of two processes that picked the same row only one sends it. A failure
 * sets the next attempt by backoff; the mailer logs it and nothing is thrown.
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
    const attempts = mail.attempts + 1;
    const claimed = await db
      .updateTable('mailOutbox')
      .set({ attempts, nextAttemptAt: addMinutes(at, CLAIM_LEASE_MINUTES) })
      .where('id', '=', mail.id)
      .where('attempts', '=', mail.attempts)
      .where('sentAt', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const ok = await mailer.send({ to: mail.recipient, subject: mail.subject, text: mail.body });
    await db
      .updateTable('mailOutbox')
      .set(
        ok
          ? { sentAt: now(), lastError: '' }
          : {
              lastError: 'SMTP server did not accept the message',
              nextAttemptAt: addMinutes(at, backoffMinutes(attempts)),
            },
      )
      .where('id', '=', mail.id)
      .execute();
    if (ok) sent++;
  }
  return sent;
}

/**
 * Deletes mail written more than KEEP_MAIL_DAYS ago, sent or not: the rows hold citizens' addresses
 * and private links, which the complaint's retention period must not outlive. Returns how many.
 */
export async function purgeOldMail(db: DbOrTx, at = now()): Promise<number> {
  const before = new Date(Date.parse(at) - KEEP_MAIL_DAYS * 86_400_000).toISOString();
  const result = await db.deleteFrom('mailOutbox').where('createdAt', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
