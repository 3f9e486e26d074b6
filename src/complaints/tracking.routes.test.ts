import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { TestClient } from '../test/client.js';
import { coordinator, makeComplaint, makeMember } from '../test/factories.js';
import { decodeEntities } from '../test/hostile.js';
import { formatDate } from '../time/format.js';
import { actOnComplaint, type Caller, type StepInput } from './complaints.actions.js';
import { findComplaintByCode } from './complaints.repository.js';
import { errors as e } from './messages.js';
import { trackingMessages as m } from './views/tracking.js';

const act = (app: FastifyInstance, caller: Caller, code: string, input: StepInput) =>
  actOnComplaint(app.db, caller, code, input, { baseUrl: app.config.baseUrl });

const REPORTER = ['Siti Aminah', 'siti@example.com', '081234567890'];
const text = (res: LightMyRequestResponse) => decodeEntities(res.body);
const lacak = (code: string, key?: string) =>
  `/aduan/lacak?kode=${encodeURIComponent(code)}${key ? `&kunci=${encodeURIComponent(key)}` : ''}`;

/** Opens the private link like a browser: the redirect that drops the key, then the page. */
async function openPrivateLink(client: TestClient, code: string, key: string) {
  const arrival = await client.get(lacak(code, key));
  assert.equal(arrival.statusCode, 303, 'the private link redirects');
  assert.equal(arrival.headers.location, lacak(code), 'to the address without the key');
  return client.get(arrival.headers.location);
}

for (const dialect of dialects()) {
  const boot = (t: Parameters<typeof buildTestApp>[0]) =>
    buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: 'off' });

  describe(`GET /aduan/lacak by code (${dialect})`, () => {
    it('shows the status, the OPD and the deadline in Indonesian, and never the reporter', async (t) => {
      const { app } = await boot(t);
      const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
      const pupr = await makeMember(app, 'pupr', 'complaint_officer');
      const named = await makeComplaint(app);
      const anonim = await makeComplaint(app, { anonymous: true, title: 'Lampu jalan padam di Siantan' });
      const client = new TestClient(app);
      for (const { complaint } of [named, anonim]) {
        const assigned = await act(app, coord, complaint.trackingCode, { action: 'assign', agency: 'pupr' });
        const res = await client.get(lacak(complaint.trackingCode));
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['referrer-policy'], 'no-referrer');
        const html = text(res);
        assert.ok(html.includes(complaint.title));
        assert.ok(html.includes(complaint.trackingCode));
        assert.ok(html.includes('Diteruskan ke OPD'), 'the status label');
        assert.ok(html.includes(pupr.agency.name), 'the OPD handling it');
        const deadline = `Batas tindak lanjut: ${formatDate(assigned.deadlineAt!, 'Asia/Pontianak')}`;
        assert.match(deadline, /^Batas tindak lanjut: [A-Z][a-z]+, \d{1,2} [A-Z][a-z]+ 20\d\d$/);
        assert.ok(html.includes(deadline), `shows "${deadline}"`);
        for (const secret of [...REPORTER, complaint.description])
          assert.ok(!html.includes(secret), `the public view hides ${secret}`);
        assert.doesNotMatch(html, /name="kunci"/, 'no citizen forms on the public view');
      }
    });

    it('shows the answer prominently, and leaves the citizen’s own words off the public timeline', async (t) => {
      const { app } = await boot(t);
      const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
      const pupr = await makeMember(app, 'pupr', 'complaint_officer');
      const { complaint, accessKey } = await makeComplaint(app);
      const code = complaint.trackingCode;
      await act(app, coord, code, { action: 'hold', message: 'Di ruas jalan mana tepatnya?' });
      await act(app, { kind: 'citizen', accessKey }, code, {
        action: 'add_info',
        message: 'Depan rumah saya, Siti, di Gang Mawar 5.',
      });
      await act(app, coord, code, { action: 'assign', agency: 'pupr' });
      await act(app, { kind: 'staff', actor: pupr.actor }, code, {
        action: 'answer',
        message: 'Lubang sudah ditambal hari ini.',
        internal_note: 'Tim B, aspal dingin.',
      });
      const html = text(await new TestClient(app).get(lacak(code)));
      assert.ok(html.includes('Di ruas jalan mana tepatnya?'), 'the question to the citizen is public');
      assert.ok(html.includes('Pelapor menambahkan informasi'), 'the step shows');
      assert.ok(!html.includes('Gang Mawar'), 'what the citizen wrote does not');
      assert.ok(!html.includes('Tim B'), 'internal notes never show');
      assert.match(html, /<h2 id="tanggapan-opd">Tanggapan<\/h2>[\s\S]*Lubang sudah ditambal hari ini\./);
      assert.ok(html.includes('Batas tindak lanjut') === false, 'an answered complaint runs the auto-close');
      assert.ok(html.includes('Ditutup otomatis pada'));
    });

    it('accepts a sloppy code and explains one it cannot read, keeping what was typed', async (t) => {
      const { app } = await boot(t);
      const { complaint } = await makeComplaint(app);
      const client = new TestClient(app);
      const sloppy = ` ${complaint.trackingCode.toLowerCase().replace('-', ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `;
      const res = await client.get(lacak(sloppy));
      assert.equal(res.statusCode, 200);
      assert.ok(text(res).includes(complaint.title));
      const bad = await client.get(lacak('<b>ABC</b>'));
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Ada masalah/);
      assert.match(bad.body, /href="#f-kode"/);
      assert.ok(
        bad.body.includes('value="&lt;b>ABC&lt;/b>"') || bad.body.includes('value="&lt;b&gt;ABC&lt;/b&gt;"'),
      );
      const empty = await client.get('/aduan/lacak?kode=');
      assert.equal(empty.statusCode, 422);
      assert.ok(text(empty).includes(m.codeMissing));
      const blank = await client.get('/aduan/lacak');
      assert.equal(blank.statusCode, 200);
      assert.doesNotMatch(blank.body, /Ada masalah/);
    });

    it('hides a rahasia complaint from the code alone and shows it with the private link', async (t) => {
      const { app } = await boot(t);
      const { complaint, accessKey } = await makeComplaint(app, { confidential: true });
      const stranger = new TestClient(app);
      const byCode = await stranger.get(lacak(complaint.trackingCode));
      assert.equal(byCode.statusCode, 404);
      assert.ok(text(byCode).includes(m.notFoundOrPrivate));
      assert.ok(!text(byCode).includes(complaint.title));

      const citizen = new TestClient(app);
      const page = await openPrivateLink(citizen, complaint.trackingCode, accessKey);
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['referrer-policy'], 'no-referrer');
      const html = text(page);
      assert.ok(html.includes(complaint.title));
      for (const own of [...REPORTER, complaint.description]) assert.ok(html.includes(own), `shows ${own}`);
      assert.ok(html.includes('Tambahkan informasi'), 'offers the steps allowed now');
      assert.ok(!html.includes('Terima tanggapan'), 'but not those that are not');
      assert.equal((await stranger.get(lacak(complaint.trackingCode))).statusCode, 404, 'still hidden');
    });

    it('shows the not-found message for a wrong key, by link and by form', async (t) => {
      const { app } = await boot(t);
      const { complaint } = await makeComplaint(app);
      const client = new TestClient(app);
      const res = await client.get(lacak(complaint.trackingCode, 'kunci-yang-salah-sekali'));
      assert.equal(res.statusCode, 404);
      assert.ok(text(res).includes(m.keyMismatch));
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      assert.equal(res.headers['set-cookie'], undefined, 'nothing is remembered');
      const post = await client.post('/aduan/lacak/tindakan', {
        kode: complaint.trackingCode,
        kunci: 'kunci-yang-salah-sekali',
        action: 'add_info',
        message: 'Informasi palsu',
      });
      assert.equal(post.statusCode, 404);
      assert.ok(text(post).includes(m.keyMismatch));
      const events = await app.db.selectFrom('complaintEvents').select('action').execute();
      assert.deepEqual(
        events.map((x) => x.action),
        ['file'],
      );
    });

    it('limits lookups per address when rate limits are on', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = new TestClient(app);
      const statuses: number[] = [];
      for (let i = 0; i < 32; i++) statuses.push((await client.get(lacak('PTK-7Q4M2X'))).statusCode);
      assert.equal(statuses[0], 404);
      assert.equal(statuses.at(-1), 429);
    });
  });

  describe(`POST /aduan/lacak/tindakan (${dialect})`, () => {
    it('lets the citizen add information (resuming a hold), reopen with a reason, accept and rate', async (t) => {
      const { app } = await boot(t);
      const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
      const opd: Caller = {
        kind: 'staff',
        actor: (await makeMember(app, 'pupr', 'complaint_officer')).actor,
      };
      const { complaint, accessKey } = await makeComplaint(app);
      const code = complaint.trackingCode;
      const client = new TestClient(app);
      const post = (fields: Record<string, string>) =>
        client.post('/aduan/lacak/tindakan', { kode: code, kunci: accessKey, ...fields });
      const status = async () => (await findComplaintByCode(app.db, code))!.status;

      await act(app, coord, code, { action: 'hold', message: 'Di ruas jalan mana tepatnya?' });
      await openPrivateLink(client, code, accessKey);
      const empty = await post({ action: 'add_info', message: '  ' });
      assert.equal(empty.statusCode, 422);
      assert.match(empty.body, /Ada masalah/);
      assert.ok(text(empty).includes(e.infoMissing));
      const added = await post({ action: 'add_info', message: 'Di depan Pasar Flamboyan.' });
      assert.equal(added.statusCode, 303);
      assert.equal(added.headers.location, lacak(code));
      assert.equal(await status(), 'received', 'the hold ends and the clock runs again');
      const after = await client.get(lacak(code));
      assert.ok(text(after).includes(m.done.add_info), 'a message says it arrived');
      assert.ok(text(after).includes('Di depan Pasar Flamboyan.'), 'the citizen sees their own words');

      await act(app, coord, code, { action: 'assign', agency: 'pupr' });
      await act(app, opd, code, { action: 'answer', message: 'Sudah ditambal.' });
      const page = text(await client.get(lacak(code)));
      assert.ok(page.includes('Terima tanggapan dan tutup laporan'));
      assert.ok(page.includes('Buka kembali laporan'));
      const noReason = await post({ action: 'reopen', reason: '', comment: 'ketikan' });
      assert.equal(noReason.statusCode, 422);
      assert.match(noReason.body, /href="#f-reason"/);
      assert.ok(text(noReason).includes(e.reasonMissing));
      const reopened = await post({ action: 'reopen', reason: 'Lubangnya masih ada.' });
      assert.equal(reopened.statusCode, 303);
      assert.equal(await status(), 'in_progress');

      await act(app, opd, code, { action: 'answer', message: 'Ditambal ulang dengan aspal panas.' });
      const accepted = await post({ action: 'accept' });
      assert.equal(accepted.statusCode, 303);
      assert.equal(await status(), 'closed');
      const twice = await post({ action: 'accept' });
      assert.equal(twice.statusCode, 409, 'a step the status no longer allows');
      assert.match(twice.body, /Ada masalah/);
      assert.ok(text(twice).includes(e.notAllowed));

      const noStars = await post({ action: 'rate', comment: 'Cepat sekali, terima kasih.' });
      assert.equal(noStars.statusCode, 422);
      assert.match(noStars.body, /href="#f-stars"/);
      assert.ok(text(noStars).includes('Cepat sekali, terima kasih.'), 'the comment is kept');
      const rated = await post({ action: 'rate', stars: '4', comment: 'Cepat sekali, terima kasih.' });
      assert.equal(rated.statusCode, 303);
      const stored = await findComplaintByCode(app.db, code);
      assert.equal(stored!.rating, 4);
      assert.equal(stored!.reopened, 1);
      const publicView = text(await new TestClient(app).get(lacak(code)));
      assert.ok(publicView.includes('Nilai 4 dari 5'));
      assert.ok(!publicView.includes('Cepat sekali'), 'the comment is the citizen’s own words');
    });

    it('refuses a form without its CSRF token', async (t) => {
      const { app } = await boot(t);
      const { complaint, accessKey } = await makeComplaint(app);
      const client = new TestClient(app);
      const res = await client.post(
        '/aduan/lacak/tindakan',
        { kode: complaint.trackingCode, kunci: accessKey, action: 'add_info', message: 'x' },
        { csrf: false },
      );
      assert.equal(res.statusCode, 403);
    });
  });
}
