import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { makeComplaint } from '../test/factories.js';
import { mailText, startMailServer } from '../test/mail.js';
import { now } from '../time/clock.js';
import { createMailer } from './mailer.js';
import { backoffMinutes, deliverDueMail, enqueueMail, KEEP_MAIL_DAYS, purgeOldMail } from './outbox.js';

/** A loopback port nobody listens on: a mail server that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const outbox = (app: FastifyInstance) =>
  app.db.selectFrom('mailOutbox').selectAll().orderBy('createdAt').execute();

for (const dialect of dialects()) {
  describe(`the mail outbox (${dialect})`, () => {
    it('keeps the mail of a complaint filed while the mail server is down, and sends it once the server is up', async (t) => {
      const port = await closedPort();
      const { app } = await buildTestApp(t, dialect, { SMTP_URL: `smtp://127.0.0.1:${port}` });
      const { complaint } = await makeComplaint(app);
      const stored = await app.db
        .selectFrom('complaints')
        .select('status')
        .where('id', '=', complaint.id)
        .execute();
      assert.deepEqual(stored, [{ status: 'received' }], 'the complaint is stored whatever the mail does');

      const tried = now();
      assert.equal(await deliverDueMail(app.db, app.mailer), 0);
      const [failed] = await outbox(app);
      assert.equal(failed!.attempts, 1);
      assert.equal(failed!.sentAt, null);
      assert.notEqual(failed!.lastError, '');
      assert.ok(failed!.nextAttemptAt > tried, 'tried again later, not at once');
      assert.equal(await deliverDueMail(app.db, app.mailer), 0, 'not due again yet');
      assert.equal((await outbox(app))[0]!.attempts, 1);

      const { inbox } = await startMailServer(t, port);
      assert.equal(await deliverDueMail(app.db, app.mailer, failed!.nextAttemptAt), 1);
      assert.equal(inbox.length, 1);
      assert.deepEqual(inbox[0]!.to, ['siti@example.com']);
      assert.ok(mailText(inbox[0]!).includes(complaint.trackingCode));
      const [sent] = await outbox(app);
      assert.equal(sent!.attempts, 2);
      assert.ok(sent!.sentAt);
      assert.equal(sent!.lastError, '');
      const farLater = new Date(Date.now() + 30 * 86_400_000).toISOString();
      assert.equal(await deliverDueMail(app.db, app.mailer, farLater), 0, 'a sent mail is never sent again');
      assert.equal(inbox.length, 1);
    });

    it('sends each mail once when two deliveries run at the same time', async (t) => {
      const { url, inbox } = await startMailServer(t);
      const { app } = await buildTestApp(t, dialect, { SMTP_URL: url });
      const other = createMailer(url, 'Balairung <noreply@example.go.id>', app.log);
      t.after(() => other.close());
      for (let i = 1; i <= 8; i++) {
        await enqueueMail(app.db, { to: `warga${i}@example.com`, subject: `Surat ${i}`, text: `Isi ${i}` });
      }
      const runs = await Promise.all([deliverDueMail(app.db, app.mailer), deliverDueMail(app.db, other)]);
      assert.equal(runs[0]! + runs[1]!, 8, `runs sent ${runs.join(' and ')}`);
      assert.equal(inbox.length, 8);
      assert.equal(new Set(inbox.map((m) => m.to[0])).size, 8, 'no address got two');
      assert.ok((await outbox(app)).every((m) => m.sentAt && m.attempts === 1));
    });

    it('sends nothing without a mail server, and keeps the mail', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await enqueueMail(app.db, { to: 'warga@example.com', subject: 'Uji', text: 'Isi' });
      assert.equal(app.mailer.enabled, false);
      assert.equal(await deliverDueMail(app.db, app.mailer), 0);
      assert.equal((await outbox(app))[0]!.attempts, 0);
    });

    it(`deletes mail written more than ${KEEP_MAIL_DAYS} days ago, sent or not`, async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await enqueueMail(app.db, { to: 'lama@example.com', subject: 'Lama', text: 'Isi' });
      await enqueueMail(app.db, { to: 'baru@example.com', subject: 'Baru', text: 'Isi' });
      const old = new Date(Date.now() - (KEEP_MAIL_DAYS + 1) * 86_400_000).toISOString();
      await app.db
        .updateTable('mailOutbox')
        .set({ createdAt: old })
        .where('recipient', '=', 'lama@example.com')
        .execute();
      assert.equal(await purgeOldMail(app.db), 1);
      assert.deepEqual(
        (await outbox(app)).map((m) => m.recipient),
        ['baru@example.com'],
      );
    });
  });
}

describe('backoffMinutes', () => {
  it('waits 1, 2, 4 … minutes after each failure, never more than six hours', () => {
    assert.deepEqual([1, 2, 3, 4, 9, 10, 20].map(backoffMinutes), [1, 2, 4, 8, 256, 360, 360]);
  });
});
