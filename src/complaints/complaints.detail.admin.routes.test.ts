import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn } from '../test/client.js';
import { fieldValue } from '../test/hostile.js';
import { coordinator, makeComplaint, makeMember } from '../test/factories.js';
import { actOnComplaint } from './complaints.actions.js';

const COORDINATOR = 'aduan@pontianak.go.id';
const REPORTER = ['Siti Aminah', 'siti@example.com', '081234567890'];

async function assignTo(app: FastifyInstance, code: string, agency: string) {
  await actOnComplaint(
    app.db,
    { kind: 'staff', actor: await coordinator(app) },
    code,
    { action: 'assign', agency },
    {
      baseUrl: app.config.baseUrl,
    },
  );
}

async function reporterViews(app: FastifyInstance, complaintId: string, actorId: string) {
  const rows = await app.db
    .selectFrom('auditEvents')
    .select('id')
    .where('action', '=', 'complaint.reporter_viewed')
    .where('subjectId', '=', complaintId)
    .where('actorId', '=', actorId)
    .execute();
  return rows.length;
}

for (const dialect of dialects()) {
  describe(`one complaint in the admin area (${dialect})`, () => {
    it('shows the reporter to the assigned OPD for a normal complaint but not an anonim one, to the coordinator for both, and audits each view', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const pupr = await makeMember(app, 'pupr', 'complaint_officer');
      const normal = (await makeComplaint(app)).complaint;
      const anonim = (await makeComplaint(app, { anonymous: true })).complaint;
      await assignTo(app, normal.trackingCode, 'pupr');
      await assignTo(app, anonim.trackingCode, 'pupr');
      const coordinatorId = (await coordinator(app)).userId;

      const opd = await signedIn(app, pupr.email, pupr.password);
      const seen = await opd.get(`/admin/aduan/${normal.trackingCode}`);
      assert.equal(seen.statusCode, 200);
      for (const value of REPORTER) assert.ok(seen.body.includes(value), `the OPD sees ${value}`);
      assert.equal(await reporterViews(app, normal.id, pupr.user.id), 1, 'the view is audited');

      const hidden = await opd.get(`/admin/aduan/${anonim.trackingCode}`);
      assert.equal(hidden.statusCode, 200);
      for (const value of REPORTER) assert.ok(!hidden.body.includes(value), `the OPD never sees ${value}`);
      assert.match(hidden.body, /Pelapor anonim: identitas hanya terlihat oleh koordinator/);
      assert.equal(await reporterViews(app, anonim.id, pupr.user.id), 0, 'nothing shown, nothing audited');

      const coord = await signedIn(app, COORDINATOR);
      for (const complaint of [normal, anonim]) {
        const page = await coord.get(`/admin/aduan/${complaint.trackingCode}`);
        for (const value of REPORTER) assert.ok(page.body.includes(value), `the coordinator sees ${value}`);
        assert.equal(await reporterViews(app, complaint.id, coordinatorId), 1);
      }
      assert.match(
        (await coord.get(`/admin/aduan/${anonim.trackingCode}`)).body,
        /Jangan teruskan kepada OPD/,
      );
    });

    it('keeps the typed text when an answer is refused (422), and answers with a proof photo', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const pupr = await makeMember(app, 'pupr', 'admin', { email: 'kabid.pupr@example.go.id' });
      const { complaint } = await makeComplaint(app);
      const code = complaint.trackingCode;
      await assignTo(app, code, 'pupr');
      const opd = await signedIn(app, pupr.email, pupr.password);
      await opd.get(`/admin/aduan/${code}`);
      assert.equal(
        (await opd.post(`/admin/aduan/${code}/tindakan`, { action: 'acknowledge' })).statusCode,
        303,
      );

      const refused = await opd.post(`/admin/aduan/${code}/tindakan`, {
        action: 'answer',
        message: '   ',
        internal_note: 'Tim lapangan berangkat Senin pagi.',
      });
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /Ada masalah/);
      assert.match(refused.body, /href="#f-answer-message"/, 'the summary links to the answer field');
      assert.match(refused.body, /Tuliskan tanggapan untuk pelapor\./);
      assert.equal(fieldValue(refused.body, 'internal_note'), 'Tim lapangan berangkat Senin pagi.');
      assert.match(refused.body, /<details class="complaint-action" open>/, 'the refused form is open');

      const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } })
        .jpeg()
        .toBuffer();
      const answered = await opd.postMultipart(
        `/admin/aduan/${code}/tindakan`,
        { action: 'answer', message: 'Lubang sudah ditambal hari ini.', internal_note: 'Aspal 2 karung.' },
        [{ field: 'proof', filename: 'bukti.jpg', data: photo }],
      );
      assert.equal(answered.statusCode, 303, answered.body.slice(0, 300));
      const files = await app.db
        .selectFrom('complaintAttachments')
        .selectAll()
        .where('complaintId', '=', complaint.id)
        .execute();
      assert.equal(files.length, 1);
      assert.equal(files[0]!.uploadedBy, 'staff');
      assert.equal(files[0]!.visibility, 'public', 'the proof photo goes with the public answer');
      const page = await opd.get(`/admin/aduan/${code}`);
      assert.match(page.body, new RegExp(`href="/aduan/lampiran/${files[0]!.id}"`));
      assert.match(page.body, /Sudah ditanggapi/);
    });

    it('answers 409 with an Indonesian message for a step the status no longer allows', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { complaint } = await makeComplaint(app);
      const coord = await signedIn(app, COORDINATOR);
      await coord.get(`/admin/aduan/${complaint.trackingCode}`);
      assert.equal(
        (await coord.post(`/admin/aduan/${complaint.trackingCode}/tindakan`, { action: 'verify' }))
          .statusCode,
        303,
      );
      // A second tab still shows "Verifikasi": the complaint moved on meanwhile.
      const stale = await coord.post(`/admin/aduan/${complaint.trackingCode}/tindakan`, { action: 'verify' });
      assert.equal(stale.statusCode, 409);
      assert.match(stale.body, /tidak bisa dilakukan pada status aduan sekarang/);
    });

    it('lets the coordinator hold, reclassify and archive; an OPD returning a complaint loses it', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const dlh = await makeMember(app, 'dlh', 'complaint_officer');
      const first = (await makeComplaint(app)).complaint;
      const second = (await makeComplaint(app)).complaint;
      const coord = await signedIn(app, COORDINATOR);
      await coord.get(`/admin/aduan/${first.trackingCode}`);
      const post = (code: string, fields: Record<string, string>) =>
        coord.post(`/admin/aduan/${code}/tindakan`, fields);
      assert.equal(
        (await post(first.trackingCode, { action: 'hold', message: 'Ruas jalan mana?' })).statusCode,
        303,
      );
      const reclassified = await post(first.trackingCode, {
        action: 'reclassify',
        category: 'drainase-banjir',
        anonymous: 'ya',
      });
      assert.equal(reclassified.statusCode, 303);
      const row = await app.db
        .selectFrom('complaints')
        .select(['status', 'anonymous', 'confidential'])
        .where('id', '=', first.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'on_hold', anonymous: 1, confidential: 0 });
      const noReason = await post(first.trackingCode, { action: 'archive' });
      assert.equal(noReason.statusCode, 422);
      assert.match(noReason.body, /href="#f-archive-archive_reason"/);
      assert.equal(
        (await post(first.trackingCode, { action: 'archive', archive_reason: 'spam' })).statusCode,
        303,
      );
      assert.equal((await post(first.trackingCode, { action: 'fly' })).statusCode, 422, 'an unknown step');

      await assignTo(app, second.trackingCode, 'dlh');
      const opd = await signedIn(app, dlh.email, dlh.password);
      await opd.get(`/admin/aduan/${second.trackingCode}`);
      const back = await opd.post(`/admin/aduan/${second.trackingCode}/tindakan`, {
        action: 'return',
        reason: 'Jalan kota wewenang PUPR.',
      });
      assert.equal(back.statusCode, 303);
      assert.equal(back.headers.location, '/admin/aduan');
      assert.equal((await opd.get(`/admin/aduan/${second.trackingCode}`)).statusCode, 404);
      assert.equal((await opd.get('/admin/aduan/bukan-kode')).statusCode, 404);
    });
  });
}
