import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { apiToken } from '../test/client.js';
import { coordinator, makeComplaint, makeMember } from '../test/factories.js';
import { assertApiError } from '../test/hostile.js';
import { actOnComplaint } from './complaints.actions.js';
import type { ComplaintJson } from './complaints.json.js';

const BODY = {
  class: 'pengaduan',
  title: 'Lampu jalan padam di Gang Mawar',
  description: 'Sudah seminggu tiga lampu jalan di Gang Mawar padam, gelap sekali pada malam hari.',
  category: 'lampu-lalu-lintas',
  kelurahan: '',
  address: 'Gang Mawar, Jalan Gajah Mada',
  lat: -0.03,
  lng: 109.33,
  reporter: { name: 'Dewi Lestari', email: 'Dewi@Example.com', phone: '', nik: '' },
  anonymous: false,
  confidential: false,
  consent: true,
};

type Json = Record<string, unknown>;
const fieldsOf = (res: LightMyRequestResponse) =>
  (res.json() as { error: { fields?: Record<string, string> } }).error.fields ?? {};

const file = (app: FastifyInstance, body: Json = BODY, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/complaints', payload: body, headers });

const get = (app: FastifyInstance, url: string, token?: string) =>
  app.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} });

const act = (app: FastifyInstance, code: string, body: Json, token?: string) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${code}/actions`,
    payload: body,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

async function people(app: FastifyInstance) {
  const pupr = await makeMember(app, 'pupr', 'complaint_officer');
  const dlh = await makeMember(app, 'dlh', 'admin');
  const author = await makeMember(app, 'pupr', 'author', { email: 'penulis.pupr@example.go.id' });
  return {
    pupr,
    coordinator: await apiToken(app, 'aduan@pontianak.go.id'),
    puprToken: await apiToken(app, pupr.email, pupr.password),
    dlhToken: await apiToken(app, dlh.email, dlh.password),
    authorToken: await apiToken(app, author.email, author.password),
  };
}

const assign = async (app: FastifyInstance, code: string, agency = 'pupr') =>
  actOnComplaint(
    app.db,
    { kind: 'staff', actor: await coordinator(app) },
    code,
    { action: 'assign', agency },
    {
      baseUrl: app.config.baseUrl,
    },
  );

for (const dialect of dialects()) {
  describe(`GET /api/v1/complaint-categories (${dialect})`, () => {
    it('lists every category with its code, name and default OPD slug', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const res = await app.inject('/api/v1/complaint-categories');
      assert.equal(res.statusCode, 200);
      const list = res.json() as { code: string; name: string; agency: string | null }[];
      assert.deepEqual(
        list.find((c) => c.code === 'jalan-jembatan'),
        {
          code: 'jalan-jembatan',
          name: 'Jalan dan jembatan',
          agency: 'pupr',
        },
      );
      assert.equal(list.find((c) => c.code === 'lainnya')?.agency, null);
    });
  });

  describe(`POST /api/v1/complaints (${dialect})`, () => {
    it('files a complaint on the api channel and answers 201 with the code, the access key, status and deadline', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const res = await file(app);
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json() as {
        tracking_code: string;
        access_key: string;
        status: string;
        deadline_at: string;
      };
      assert.deepEqual(Object.keys(body).sort(), ['access_key', 'deadline_at', 'status', 'tracking_code']);
      assert.match(body.tracking_code, /^PTK-[0-9A-Z]{6}$/);
      assert.equal(body.status, 'received');
      const row = await app.db
        .selectFrom('complaints')
        .selectAll()
        .where('trackingCode', '=', body.tracking_code)
        .executeTakeFirstOrThrow();
      assert.equal(row.channel, 'api');
      assert.equal(row.reporterEmail, 'dewi@example.com');
      assert.equal(row.deadlineAt, body.deadline_at);
      assert.notEqual(row.accessKeyHash, body.access_key);
      const mine = await get(app, `/api/v1/complaints/${body.tracking_code}?access_key=${body.access_key}`);
      assert.equal((mine.json() as ComplaintJson).reporter?.name, 'Dewi Lestari');
    });

    it('refuses bad input with 422 and Indonesian messages on each field, storing nothing', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const cases: [Json, string, RegExp][] = [
        [{ ...BODY, consent: false }, 'consent', /Centang persetujuan/],
        [{ ...BODY, consent: undefined }, 'consent', /wajib/],
        [{ ...BODY, category: 'tidak-ada' }, 'category', /Pilih kategori/],
        [{ ...BODY, reporter: { ...BODY.reporter, email: 'dewi@' } }, 'reporter.email', /alamat email/],
        [{ ...BODY, reporter: { name: 'Dewi' } }, 'reporter.email', /email atau nomor WhatsApp/],
        [{ ...BODY, title: 'Ab' }, 'title', /paling sedikit/],
        [{ ...BODY, lng: undefined }, 'lat', /garis lintang dan garis bujur/],
      ];
      for (const [body, field, message] of cases) {
        const res = await file(app, body);
        assert.equal(res.statusCode, 422, `${field}: ${res.body}`);
        assertApiError(res, field);
        assert.match(fieldsOf(res)[field] ?? '', message, `${field}: ${res.body}`);
      }
      assert.equal((await app.db.selectFrom('complaints').select('id').execute()).length, 0);
    });

    it('files once for a retried request with the same Idempotency-Key, and never for a different report', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const headers = { 'idempotency-key': '3f1c2a9e-7b7d-4b8e-9c41-0a2f5e6d7c8b' };
      const first = await file(app, BODY, headers);
      const again = await file(app, BODY, headers);
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(again.statusCode, 201, again.body);
      assert.deepEqual(again.json(), first.json(), 'the same code and access key');
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.equal((await app.db.selectFrom('complaints').select('id').execute()).length, 1);
      const other = await file(app, { ...BODY, title: 'Laporan yang lain sama sekali' }, headers);
      assert.equal(other.statusCode, 409);
      assert.ok(
        !other.body.includes((first.json() as Json).access_key as string),
        'no access key handed out',
      );
      const bad = await file(app, BODY, { 'idempotency-key': 'a b' });
      assert.equal(bad.statusCode, 422);
      assert.match(fieldsOf(bad)['idempotency-key'] ?? '', /Idempotency-Key/);
    });

    it('limits filing per address (429 in Indonesian) unless BALAIRUNG_RATE_LIMIT=off, and per contact', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      for (let i = 0; i < 30; i++) assert.equal((await file(app, {})).statusCode, 422);
      const limited = await file(app);
      assert.equal(limited.statusCode, 429);
      assertApiError(limited, '429');

      const { app: open } = await buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: 'off' });
      for (let i = 0; i < 31; i++) assert.equal((await file(open, {})).statusCode, 422);
      for (let i = 0; i < 5; i++) assert.equal((await file(open)).statusCode, 201);
      const sixth = await file(open);
      assert.equal(sixth.statusCode, 429, 'five a day from one email');
      assert.match((sixth.json() as { error: { message: string } }).error.message, /email atau nomor ini/);
    });
  });

  describe(`GET /api/v1/complaints/{tracking_code} (${dialect})`, () => {
    it('shows the public view without the sender, and 404 for a rahasia complaint or a wrong key', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { complaint, accessKey } = await makeComplaint(app);
      const secret = await makeComplaint(app, { confidential: true });
      const res = await get(app, `/api/v1/complaints/${complaint.trackingCode.toLowerCase()}`);
      assert.equal(res.statusCode, 200, res.body);
      const view = res.json() as ComplaintJson;
      assert.equal(view.view, 'public');
      assert.equal(view.status_label, 'Diterima');
      assert.deepEqual(view.actions, []);
      assert.equal('reporter' in view, false);
      assert.ok(!res.body.includes('Siti') && !res.body.includes('siti@example.com'));
      assert.equal(view.timeline[0]?.action, 'file');
      assert.equal((await get(app, `/api/v1/complaints/${secret.complaint.trackingCode}`)).statusCode, 404);
      const citizen = await get(
        app,
        `/api/v1/complaints/${secret.complaint.trackingCode}?access_key=${secret.accessKey}`,
      );
      assert.equal(
        (citizen.json() as ComplaintJson).view,
        'citizen',
        'the sender still sees their rahasia report',
      );
      const wrong = await get(
        app,
        `/api/v1/complaints/${complaint.trackingCode}?access_key=salah-${accessKey}`,
      );
      assert.equal(wrong.statusCode, 404);
      assertApiError(wrong, 'wrong key');
      assert.equal((await get(app, '/api/v1/complaints/bukan-kode')).statusCode, 404);
      assert.equal(
        (await get(app, `/api/v1/complaints/${complaint.trackingCode}`, 'x'.repeat(40))).statusCode,
        401,
      );
    });

    it('hides the sender of an anonim complaint from the OPD, shows it to the coordinator, and audits that view', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const p = await people(app);
      const anonim = await makeComplaint(app, { anonymous: true });
      const named = await makeComplaint(app);
      const code = anonim.complaint.trackingCode;
      assert.equal(
        (await get(app, `/api/v1/complaints/${code}`, p.puprToken)).statusCode,
        404,
        'not yet theirs',
      );
      await assign(app, code);
      await assign(app, named.complaint.trackingCode);
      const opd = await get(app, `/api/v1/complaints/${code}`, p.puprToken);
      assert.equal(opd.statusCode, 200, opd.body);
      const opdView = opd.json() as ComplaintJson;
      assert.equal(opdView.view, 'staff');
      assert.equal(opdView.reporter, null);
      assert.ok(!opd.body.includes('Siti') && !opd.body.includes('081234567890'), 'no trace of the sender');
      assert.ok(opdView.actions.includes('acknowledge'));
      const namedView = (
        await get(app, `/api/v1/complaints/${named.complaint.trackingCode}`, p.puprToken)
      ).json();
      assert.equal((namedView as ComplaintJson).reporter?.name, 'Siti Aminah');
      const coord = (await get(app, `/api/v1/complaints/${code}`, p.coordinator)).json() as ComplaintJson;
      assert.equal(coord.reporter?.email, 'siti@example.com');
      assert.deepEqual(coord.assignees, [{ slug: 'pupr', name: p.pupr.agency.name, role: 'lead' }]);
      const audits = await app.db
        .selectFrom('auditEvents')
        .select('action')
        .where('subjectId', '=', anonim.complaint.id)
        .where('action', '=', 'complaint.reporter_viewed')
        .execute();
      assert.equal(audits.length, 1, 'only the coordinator was shown the sender of the anonim complaint');
      for (const token of [p.dlhToken, p.authorToken]) {
        assert.equal((await get(app, `/api/v1/complaints/${code}`, token)).statusCode, 404);
      }
    });
  });

  describe(`GET /api/v1/complaints (${dialect})`, () => {
    it('lists the queue within the caller’s scope, filtered by status, agency and overdue', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const p = await people(app);
      const a = await makeComplaint(app);
      const b = await makeComplaint(app, { category: 'sampah-lingkungan' });
      const c = await makeComplaint(app, { confidential: true });
      await assign(app, a.complaint.trackingCode, 'pupr');
      await assign(app, b.complaint.trackingCode, 'dlh');
      await app.db
        .updateTable('complaints')
        .set({ deadlineAt: new Date(Date.now() - 3600_000).toISOString() })
        .where('id', '=', c.complaint.id)
        .execute();
      const codes = async (query: string, token?: string) => {
        const res = await get(app, `/api/v1/complaints${query}`, token);
        assert.equal(res.statusCode, 200, res.body);
        return (res.json() as { items: { tracking_code: string }[] }).items
          .map((i) => i.tracking_code)
          .sort();
      };
      const all = [a, b, c].map((x) => x.complaint.trackingCode).sort();
      assert.deepEqual(
        await codes('', p.coordinator),
        all,
        'the coordinator sees every complaint, rahasia too',
      );
      assert.deepEqual(await codes('?status=received', p.coordinator), [c.complaint.trackingCode]);
      assert.deepEqual(await codes('?agency=dlh', p.coordinator), [b.complaint.trackingCode]);
      assert.deepEqual(await codes('?overdue=true', p.coordinator), [c.complaint.trackingCode]);
      assert.deepEqual(await codes('', p.puprToken), [a.complaint.trackingCode], 'an OPD sees its own');
      assert.deepEqual(await codes('?agency=dlh', p.puprToken), [], 'and nothing of another OPD');
      assert.deepEqual(await codes('', p.authorToken), [], 'an author handles no complaints: an empty list');
      assert.equal((await get(app, '/api/v1/complaints')).statusCode, 401);
      const unknown = await get(app, '/api/v1/complaints?agency=tidak-ada', p.coordinator);
      assert.equal(unknown.statusCode, 422);
      assert.equal((await get(app, '/api/v1/complaints?status=kacau', p.coordinator)).statusCode, 422);
      const page2 = (await get(app, '/api/v1/complaints?page=2', p.coordinator)).json() as Json;
      assert.deepEqual(page2, { items: [], page: 2, has_next: false });
    });
  });

  describe(`POST /api/v1/complaints/{tracking_code}/actions (${dialect})`, () => {
    it('takes staff steps with 200 and the new state, 409 out of turn, 403 for another’s step, 404 out of scope', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const p = await people(app);
      const { complaint } = await makeComplaint(app);
      const code = complaint.trackingCode;
      const assigned = await act(
        app,
        code,
        { action: 'assign', agency: 'pupr', message: 'Diteruskan.' },
        p.coordinator,
      );
      assert.equal(assigned.statusCode, 200, assigned.body);
      const view = assigned.json() as ComplaintJson;
      assert.equal(view.status, 'assigned');
      assert.equal(view.agency?.slug, 'pupr');
      assert.equal(view.deadline_kind, 'follow_up');
      assert.equal((await act(app, code, { action: 'acknowledge' }, p.dlhToken)).statusCode, 404);
      assert.equal((await act(app, code, { action: 'acknowledge' }, p.authorToken)).statusCode, 404);
      assert.equal((await act(app, code, { action: 'close' }, p.puprToken)).statusCode, 403);
      assert.equal((await act(app, code, { action: 'acknowledge' }, p.puprToken)).statusCode, 200);
      const twice = await act(app, code, { action: 'acknowledge' }, p.puprToken);
      assert.equal(twice.statusCode, 409);
      assertApiError(twice, '409');
      const empty = await act(app, code, { action: 'answer', message: ' ' }, p.puprToken);
      assert.equal(empty.statusCode, 422);
      assert.match(fieldsOf(empty).message ?? '', /Tuliskan tanggapan/);
      assert.equal((await act(app, code, { action: 'terbang' }, p.puprToken)).statusCode, 422);
      assert.equal((await act(app, code, { action: 'verify' })).statusCode, 401);
      const back = await act(app, code, { action: 'return', reason: 'Wewenang DLH.' }, p.puprToken);
      assert.equal(back.statusCode, 200, back.body);
      assert.equal(
        (back.json() as ComplaintJson).status,
        'received',
        'the step shows even though it left their reach',
      );
      assert.equal((back.json() as ComplaintJson).reporter, null);
    });

    it('lets the citizen add information, accept and rate with the access key, and nobody without it', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const p = await people(app);
      const { complaint, accessKey } = await makeComplaint(app);
      const code = complaint.trackingCode;
      const info = await act(app, code, {
        action: 'add_info',
        message: 'Di depan toko emas.',
        access_key: accessKey,
      });
      assert.equal(info.statusCode, 200, info.body);
      assert.equal((info.json() as ComplaintJson).view, 'citizen');
      await assign(app, code);
      await act(app, code, { action: 'answer', message: 'Sudah ditambal.' }, p.puprToken);
      assert.equal((await act(app, code, { action: 'accept', access_key: 'salah' })).statusCode, 404);
      const missing = await act(app, code, { action: 'accept' });
      assert.equal(missing.statusCode, 422);
      assert.match(fieldsOf(missing).access_key ?? '', /wajib/);
      assert.equal((await act(app, code, { action: 'verify', access_key: accessKey })).statusCode, 403);
      const accepted = await act(app, code, { action: 'accept', access_key: accessKey });
      assert.equal((accepted.json() as ComplaintJson).status, 'closed');
      const rated = await act(app, code, {
        action: 'rate',
        stars: 5,
        comment: 'Cepat.',
        access_key: accessKey,
      });
      assert.equal(rated.statusCode, 200, rated.body);
      assert.equal((rated.json() as ComplaintJson).rating, 5);
      assert.equal(
        (await act(app, code, { action: 'rate', stars: 9, access_key: accessKey })).statusCode,
        422,
      );
      assert.equal((await act(app, code, { action: 'reopen', access_key: accessKey })).statusCode, 409);
    });
  });
}
