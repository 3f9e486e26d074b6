import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { coordinator, makeComplaint, makeMember } from '../test/factories.js';
import { actOnComplaint, type Caller } from './complaints.actions.js';
import { sendDailyDigest } from './digest.js';

const context = (app: FastifyInstance) => ({ baseUrl: app.config.baseUrl });
const shift = (at: string, minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();
/** Tuesday 1 December 2026, 08.30 WIB (Asia/Pontianak, UTC+7): a working day, after 07.00. */
const TUESDAY = '2026-12-01T01:30:00.000Z';

const digests = (app: FastifyInstance) =>
  app.db
    .selectFrom('mailOutbox')
    .select(['recipient', 'subject', 'body'])
    .where('subject', 'like', 'Ringkasan harian%')
    .orderBy('recipient')
    .execute();

for (const dialect of dialects()) {
  describe(`the daily digest (${dialect})`, () => {
    it("mails each coordinator the city's queue and each busy OPD's officers theirs, once a day", async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
      const officer = await makeMember(app, 'pupr', 'complaint_officer');
      const late = await makeComplaint(app, { title: 'Lampu jalan padam' });
      const routed = await makeComplaint(app, { title: 'Drainase tersumbat' });
      const held = await makeComplaint(app, { title: 'Trotoar rusak' });
      await actOnComplaint(
        app.db,
        coord,
        routed.complaint.trackingCode,
        { action: 'assign', agency: 'pupr' },
        context(app),
      );
      await actOnComplaint(
        app.db,
        coord,
        held.complaint.trackingCode,
        { action: 'hold', message: 'Di mana tepatnya?' },
        context(app),
      );
      const setDeadline = (id: string, deadlineAt: string) =>
        app.db.updateTable('complaints').set({ deadlineAt }).where('id', '=', id).execute();
      await setDeadline(late.complaint.id, shift(TUESDAY, -60));
      await setDeadline(routed.complaint.id, shift(TUESDAY, 60));

      const runs = await Promise.all([1, 2, 3].map(() => sendDailyDigest(app.db, context(app), TUESDAY)));
      const mails = await digests(app);
      assert.equal(
        runs.reduce((a, b) => a + b, 0),
        mails.length,
      );
      assert.deepEqual(
        mails.map((m) => m.recipient),
        [
          'admin1@pupr.pontianak.go.id',
          'admin2@pupr.pontianak.go.id',
          'aduan@pontianak.go.id',
          officer.email,
        ].sort(),
        'the coordinator, and only the OPD with open complaints, once each',
      );
      const city = mails.find((m) => m.recipient === 'aduan@pontianak.go.id')!;
      assert.equal(city.subject, 'Ringkasan harian Pusat Aduan, Selasa, 1 Desember 2026');
      assert.match(city.body, /Baru, belum diverifikasi: 1\n/);
      assert.match(city.body, /Segera jatuh tempo \(dalam 1 hari kerja\): 1\n/);
      assert.match(city.body, /Terlambat: 1\n/);
      assert.match(city.body, /Ditunda, menunggu informasi pelapor: 1\n/);
      assert.ok(city.body.includes(`- ${late.complaint.trackingCode}: Lampu jalan padam (belum ada OPD)`));
      assert.ok(!city.body.includes('Siti'), 'no reporter identity');
      const opd = mails.find((m) => m.recipient === officer.email)!;
      assert.match(opd.subject, /^Ringkasan harian aduan Dinas Pekerjaan Umum/);
      assert.match(opd.body, /Aduan berjalan: 1\n/);
      assert.match(opd.body, /Segera jatuh tempo \(dalam 1 hari kerja\): 1\n/);
      assert.match(opd.body, /Tidak ada aduan yang terlambat\./);
      assert.ok(!opd.body.includes(late.complaint.trackingCode), "another queue's complaint is not listed");

      assert.equal(await sendDailyDigest(app.db, context(app), shift(TUESDAY, 300)), 0, 'once a day');
      const wednesdayEarly = '2026-12-01T23:30:00.000Z'; // 06.30 WIB
      assert.equal(await sendDailyDigest(app.db, context(app), wednesdayEarly), 0, 'not before 07.00');
      assert.equal(await sendDailyDigest(app.db, context(app), shift(wednesdayEarly, 35)), 4);
    });

    it('sends none on a weekend or a holiday', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const saturday = '2026-12-05T02:00:00.000Z';
      const christmas = '2026-12-25T02:00:00.000Z';
      assert.equal(await sendDailyDigest(app.db, context(app), saturday), 0);
      assert.equal(await sendDailyDigest(app.db, context(app), christmas), 0);
      assert.deepEqual(await digests(app), []);
      assert.equal(await sendDailyDigest(app.db, context(app), TUESDAY), 1, 'the coordinator alone');
    });
  });
}
