import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { coordinator, makeComplaint, makeMember, type Member } from '../test/factories.js';
import { now } from '../time/clock.js';
import { actOnComplaint, type Caller } from './complaints.actions.js';
import { monthsBefore, removeExpiredPersonalData, runDailyRetention } from './retention.js';

const context = (app: FastifyInstance) => ({ baseUrl: app.config.baseUrl });
const photo = (storageKey: string) => ({
  kind: 'photo' as const,
  mime: 'image/jpeg',
  bytes: 4,
  originalName: 'foto.jpg',
  storageKey,
});
const reporter = {
  name: 'Siti Aminah',
  email: 'siti@example.com',
  phone: '081234567890',
  nik: '6171010101010001',
};

/**
 * A complaint filed with a citizen's photo (by the citizen, or by staff for a walk-in), answered
 * with the OPD's proof photo, accepted, and closed `monthsAgo` months and a day ago.
 */
async function closedComplaint(
  app: FastifyInstance,
  officer: Member,
  key: string,
  monthsAgo: number,
  walkIn = false,
  texts: { description?: string; answer?: string } = {},
) {
  const coord = await coordinator(app);
  for (const name of ['warga', 'bukti'])
    await app.complaintFiles.put(`${key}/${name}.jpg`, Buffer.from('foto'), 'image/jpeg');
  const { complaint, accessKey } = await makeComplaint(
    app,
    {
      reporter,
      address: 'Jl. Tanjungpura depan pasar',
      lat: -0.03,
      lng: 109.33,
      ...(texts.description ? { description: texts.description } : {}),
    },
    {
      attachments: [photo(`${key}/warga.jpg`)],
      ...(walkIn ? { channel: 'walk_in' as const, staff: coord } : {}),
    },
  );
  const code = complaint.trackingCode;
  const staff: Caller = { kind: 'staff', actor: coord };
  await actOnComplaint(app.db, staff, code, { action: 'assign', agency: 'pupr' }, context(app));
  await actOnComplaint(
    app.db,
    { kind: 'staff', actor: officer.actor },
    code,
    {
      action: 'answer',
      message: texts.answer ?? 'Sudah ditambal.',
      attachments: [photo(`${key}/bukti.jpg`)],
    },
    context(app),
  );
  await actOnComplaint(app.db, { kind: 'citizen', accessKey }, code, { action: 'accept' }, context(app));
  const closedAt = new Date(Date.parse(monthsBefore(now(), monthsAgo)) - 86_400_000).toISOString();
  await app.db.updateTable('complaints').set({ closedAt }).where('id', '=', complaint.id).execute();
  return complaint;
}

const row = (app: FastifyInstance, id: string) =>
  app.db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const files = (app: FastifyInstance, id: string) =>
  app.db
    .selectFrom('complaintAttachments')
    .select(['storageKey', 'uploadedBy'])
    .where('complaintId', '=', id)
    .execute();
const removals = (app: FastifyInstance) =>
  app.db
    .selectFrom('auditEvents')
    .select('details')
    .where('action', '=', 'complaint.personal_data_removed')
    .execute();

for (const dialect of dialects()) {
  describe(`retention of personal data (${dialect})`, () => {
    it('blanks the reporter of a complaint closed over 24 months ago, keeps the record, deletes the citizen files', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const officer = await makeMember(app, 'pupr', 'complaint_officer');
      const old = await closedComplaint(app, officer, 'uji/lama', 24);
      const walkIn = await closedComplaint(app, officer, 'uji/loket', 24, true);
      const recent = await closedComplaint(app, officer, 'uji/baru', 23);
      const open = await makeComplaint(app, { reporter });

      const runs = await Promise.all([1, 2].map(() => removeExpiredPersonalData(app.db, app.complaintFiles)));
      assert.equal(runs[0]!.complaints + runs[1]!.complaints, 2, 'each complaint once, however runs race');

      for (const c of [old, walkIn]) {
        const after = await row(app, c.id);
        assert.deepEqual(
          [after.reporterName, after.reporterEmail, after.reporterPhone, after.reporterNik],
          ['', '', '', ''],
        );
        assert.ok(after.personalDataRemovedAt);
        assert.equal(after.status, 'closed');
        assert.equal(after.title, c.title, 'the record stays');
        assert.equal(after.address, 'Jl. Tanjungpura depan pasar', 'the place is about the problem');
        assert.equal(after.lat, -0.03);
        assert.deepEqual(
          await files(app, c.id),
          [{ storageKey: `${c.id === old.id ? 'uji/lama' : 'uji/loket'}/bukti.jpg`, uploadedBy: 'staff' }],
          'the OPD proof photo stays',
        );
      }
      assert.equal(
        await app.complaintFiles.get('uji/lama/warga.jpg'),
        undefined,
        'the citizen photo is gone',
      );
      assert.equal(
        await app.complaintFiles.get('uji/loket/warga.jpg'),
        undefined,
        'also when staff typed it in',
      );
      assert.ok(await app.complaintFiles.get('uji/lama/bukti.jpg'));
      for (const id of [recent.id, open.complaint.id]) {
        const kept = await row(app, id);
        assert.equal(kept.reporterName, 'Siti Aminah');
        assert.equal(kept.personalDataRemovedAt, null);
      }
      assert.ok(await app.complaintFiles.get('uji/baru/warga.jpg'));

      const audit = await removals(app);
      const codes = audit
        .flatMap((a) => (JSON.parse(a.details) as { trackingCodes: string[] }).trackingCodes)
        .sort();
      assert.deepEqual(codes, [old.trackingCode, walkIn.trackingCode].sort(), 'audited once each');
      assert.ok(!audit.some((a) => a.details.includes('Siti')));
      assert.deepEqual(await removeExpiredPersonalData(app.db, app.complaintFiles), {
        complaints: 0,
        files: 0,
        mails: 0,
      });
      assert.equal((await removals(app)).length, audit.length, 'nothing to remove, nothing audited');
    });

    it('takes the reporter out of what was written too, and leaves what was reported', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const officer = await makeMember(app, 'pupr', 'complaint_officer');
      const c = await closedComplaint(app, officer, 'uji/teks', 24, false, {
        description:
          'Saya Siti Aminah (WA 0812-3456-7890, siti@example.com, NIK 6171010101010001): jalan berlubang di depan pasar.',
        answer: 'Sudah ditambal, Ibu Siti Aminah. Pertanyaan lain ke pupr@pontianak.go.id.',
      });
      await removeExpiredPersonalData(app.db, app.complaintFiles);
      const after = await row(app, c.id);
      assert.equal(
        after.description,
        'Saya [dihapus] (WA [dihapus], [dihapus], NIK [dihapus]): jalan berlubang di depan pasar.',
      );
      const answer = await app.db
        .selectFrom('complaintEvents')
        .select('message')
        .where('complaintId', '=', c.id)
        .where('action', '=', 'answer')
        .executeTakeFirstOrThrow();
      assert.equal(answer.message, 'Sudah ditambal, Ibu [dihapus]. Pertanyaan lain ke pupr@pontianak.go.id.');
      const page = await app.inject({ url: `/aduan/lacak?kode=${c.trackingCode}` });
      assert.doesNotMatch(page.body, /Siti|0812|6171010101010001/, 'nor on the public page');
    });

    it('follows the retention months set for the installation, once a day from the scheduler', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const officer = await makeMember(app, 'pupr', 'complaint_officer');
      const recent = await closedComplaint(app, officer, 'uji/baru', 12);
      const installation = await app.db
        .selectFrom('installation')
        .select('settings')
        .executeTakeFirstOrThrow();
      await app.db
        .updateTable('installation')
        .set({
          settings: JSON.stringify({ ...JSON.parse(installation.settings), complaintRetentionMonths: 12 }),
        })
        .execute();
      const first = await runDailyRetention(app.db, app.complaintFiles);
      assert.equal(first?.complaints, 1);
      assert.equal((await row(app, recent.id)).reporterEmail, '');
      assert.equal(await runDailyRetention(app.db, app.complaintFiles), null, 'done for today');
    });
  });
}
