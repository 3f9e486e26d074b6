import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { deliverDueMail } from '../mail/outbox.js';
import { buildTestApp, dialects } from '../test/app.js';
import { withDemoActivity } from './monitoring.fixtures.js';
import { makeMember } from '../test/factories.js';
import { mailText, startMailServer } from '../test/mail.js';
import { isoWeek, runMonitoringAlerts, sendWeeklyDigest } from './monitoring.jobs.js';

const context = (app: FastifyInstance) => ({ baseUrl: app.config.baseUrl });
/** Monday 30 November 2026, 07.30 WIB (Asia/Pontianak, UTC+7). */
const MONDAY = '2026-11-30T00:30:00.000Z';
const shift = (at: string, days: number) => new Date(Date.parse(at) + days * 86_400_000).toISOString();
const PERPUS_ADMIN = 'admin1@disperpusip.pontianak.go.id';
const SUPER = 'admin@pontianak.go.id';

const outbox = (app: FastifyInstance, subject: string) =>
  app.db
    .selectFrom('mailOutbox')
    .select(['recipient', 'subject', 'body'])
    .where('subject', 'like', `${subject}%`)
    .orderBy('recipient')
    .execute();

describe('isoWeek', () => {
  it('names the ISO week, the year of its Thursday', () => {
    assert.equal(isoWeek('2026-11-30'), '2026-W49');
    assert.equal(isoWeek('2026-12-06'), '2026-W49');
    assert.equal(isoWeek('2026-12-07'), '2026-W50');
    assert.equal(isoWeek('2027-01-01'), '2026-W53');
    assert.equal(isoWeek('2024-12-30'), '2025-W01');
  });
});

for (const dialect of dialects()) {
  describe(`monitoring reminders (${dialect})`, () => {
    it("mails each OPD's admins a weekly digest once a week from Monday 07.00, over real SMTP", async (t) => {
      const mail = await startMailServer(t);
      const { app } = await buildTestApp(t, dialect, { SMTP_URL: mail.url });
      await withDemoActivity(app);
      assert.equal(
        await sendWeeklyDigest(app.db, context(app), shift(MONDAY, -1 / 24)),
        0,
        'not before 07.00',
      );
      const admins = await app.db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow();
      const written = await sendWeeklyDigest(app.db, context(app), MONDAY);
      assert.equal(written, Number(admins.n), 'one mail per OPD admin');
      assert.equal(await sendWeeklyDigest(app.db, context(app), shift(MONDAY, 2)), 0, 'once a week');
      const both = await Promise.all([
        sendWeeklyDigest(app.db, context(app), shift(MONDAY, 7)),
        sendWeeklyDigest(app.db, context(app), shift(MONDAY, 7)),
      ]);
      assert.equal(Math.min(...both), 0, 'two processes racing for the next week: one writes it');
      assert.equal(Math.max(...both), written);

      const perpus = (await outbox(app, 'Ringkasan mingguan')).filter((m) => m.recipient === PERPUS_ADMIN);
      assert.equal(perpus.length, 2);
      assert.match(perpus[0]!.body, /zona merah/);
      assert.match(perpus[0]!.body, /Admin aktif: 1 dari 1 admin/);
      assert.match(perpus[0]!.body, /Lewat batas waktu: 0/);
      assert.match(perpus[0]!.body, /\/admin\/monitoring\/disperpusip/);

      await app.db.deleteFrom('mailOutbox').where('recipient', '!=', PERPUS_ADMIN).execute();
      await deliverDueMail(app.db, app.mailer, shift(MONDAY, 8));
      const received = mail.inbox.filter((m) => m.to.includes(PERPUS_ADMIN));
      assert.equal(received.length, 2);
      assert.match(mailText(received[0]!), /Standar pelayanan/);
    });

    it('alerts the super admin once when an OPD falls, and again only after it recovered and fell again', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await withDemoActivity(app);
      const first = await Promise.all([
        runMonitoringAlerts(app.db, context(app), MONDAY),
        runMonitoringAlerts(app.db, context(app), MONDAY),
      ]);
      assert.equal(
        first[0].alerts + first[1].alerts,
        2,
        'disperpusip: one admin, and stale; once across processes',
      );
      const alerts = await outbox(app, 'Peringatan');
      assert.deepEqual(
        alerts.map((m) => [m.recipient, m.subject]),
        [
          [SUPER, 'Peringatan: admin aktif Dinas Perpustakaan dan Kearsipan kurang'],
          [SUPER, 'Peringatan: situs Dinas Perpustakaan dan Kearsipan tidak diperbarui'],
        ].sort((a, b) => a[1]!.localeCompare(b[1]!)),
      );
      const [again, racing] = await Promise.all([
        runMonitoringAlerts(app.db, context(app), shift(MONDAY, 0.01)),
        runMonitoringAlerts(app.db, context(app), shift(MONDAY, 0.01)),
      ]);
      assert.equal(again.alerts + racing.alerts, 0, 'no second mail for the same fall');

      const second = await makeMember(app, 'disperpusip', 'admin');
      await app.db
        .updateTable('users')
        .set({ lastLoginAt: MONDAY })
        .where('id', '=', second.user.id)
        .execute();
      const recovered = await runMonitoringAlerts(app.db, context(app), shift(MONDAY, 0.02));
      assert.equal(recovered.cleared, 1);
      assert.equal(recovered.alerts, 0);
      await app.db
        .updateTable('users')
        .set({ disabledAt: MONDAY })
        .where('id', '=', second.user.id)
        .execute();
      const fellAgain = await runMonitoringAlerts(app.db, context(app), shift(MONDAY, 0.03));
      assert.equal(fellAgain.alerts, 1);
      assert.equal((await outbox(app, 'Peringatan: admin aktif')).length, 2);
    });
  });
}
