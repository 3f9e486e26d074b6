import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { coordinator, makeComplaint, makeMember } from '../test/factories.js';
import { actOnComplaint, type Caller } from './complaints.actions.js';
import { assertOpen311 } from './open311.conformance.js';
import { countComplaints as count } from './filing.fixtures.js';
import { keyFor, REQUEST } from './open311.fixtures.js';

const FORMATS = ['json', 'xml'] as const;
const DAY = 86_400_000;

const postRequest = (app: FastifyInstance, format: string, fields: Record<string, string>) =>
  app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    payload: new URLSearchParams(fields).toString(),
  });

type Req = Record<string, unknown>;

for (const dialect of dialects()) {
  describe(`POST /open311/v2/requests (${dialect})`, () => {
    it('files a public complaint on the open311 channel with a valid api_key, and never fetches media_url', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const apiKey = await keyFor(app);
      for (const format of FORMATS) {
        const res = await postRequest(app, format, { api_key: apiKey, ...REQUEST });
        assert.equal(res.statusCode, 200, res.body);
        const [created] = assertOpen311(res, 'created', format) as Req[];
        const code = String(created?.service_request_id);
        assert.match(code, /^PTK-[0-9A-Z]{6}$/);
        assert.match(String(created?.service_notice), /diverifikasi paling lambat/);
        const stored = await app.db
          .selectFrom('complaints')
          .selectAll()
          .where('trackingCode', '=', code)
          .executeTakeFirstOrThrow();
        assert.equal(stored.channel, 'open311');
        assert.equal(stored.class, 'pengaduan');
        assert.equal(stored.title, REQUEST.description, 'a short description is the whole title');
        assert.equal(stored.reporterName, 'Budi Santoso');
        assert.equal(stored.reporterEmail, 'budi@example.com');
        assert.equal(stored.address, REQUEST.address_string);
        assert.equal(Number(stored.lat), -0.0263);
        assert.equal(stored.confidential, 0);
        assert.ok(stored.consentAt, 'consent implied by the client terms');
        const audit = await app.db
          .selectFrom('auditEvents')
          .select('details')
          .where('action', '=', 'complaint.open311_filed')
          .where('subjectId', '=', stored.id)
          .executeTakeFirst();
        assert.match(audit?.details ?? '', /Aplikasi uji/, 'which client filed it is on record');
      }
    });

    it('refuses a missing, wrong or revoked api_key with 403 before looking at anything else', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const apiKey = await keyFor(app);
      await app.db.updateTable('open311Clients').set({ revokedAt: new Date().toISOString() }).execute();
      for (const format of FORMATS) {
        for (const fields of [
          REQUEST,
          { ...REQUEST, api_key: 'salah' },
          { ...REQUEST, api_key: apiKey },
          {},
        ]) {
          const res = await postRequest(app, format, fields);
          assert.equal(res.statusCode, 403, res.body);
          const [error] = assertOpen311(res, 'errors', format) as Req[];
          assert.equal(error?.code, 403);
          assert.match(String(error?.description), /api_key/);
        }
      }
      assert.equal(await count(app), 0);
    });

    it('answers 400 naming the spec’s field for what is missing or wrong, and 404 for an unknown service_code', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const api_key = await keyFor(app);
      const cases: [Record<string, string>, number, RegExp][] = [
        [{ ...REQUEST, service_code: '' }, 400, /service_code/],
        [{ ...REQUEST, service_code: 'tidak-ada' }, 404, /service_code/],
        [{ ...REQUEST, lat: '', long: '', address_string: '' }, 400, /lokasi/i],
        [{ ...REQUEST, lat: 'utara' }, 400, /^lat: /],
        [{ ...REQUEST, description: 'Jalan rusak.' }, 400, /^description: /],
        [{ ...REQUEST, first_name: '', last_name: '' }, 400, /^first_name: /],
        [{ ...REQUEST, email: 'bukan-email', phone: '' }, 400, /^email: /],
        [{ ...REQUEST, address_id: 'bukan-kelurahan' }, 400, /^address_id: /],
        [{ ...REQUEST, description: 'x'.repeat(4001) }, 400, /^description: /],
      ];
      for (const format of FORMATS) {
        for (const [fields, status, pattern] of cases) {
          const res = await postRequest(app, format, { api_key, ...fields });
          assert.equal(res.statusCode, status, `${JSON.stringify(fields).slice(0, 80)}: ${res.body}`);
          const errors = assertOpen311(res, 'errors', format) as Req[];
          assert.ok(
            errors.some((e) => pattern.test(String(e.description))),
            `${pattern} in ${JSON.stringify(errors)}`,
          );
        }
      }
      assert.equal(await count(app), 0, 'nothing half-saved');
    });
  });

  describe(`GET /open311/v2/requests (${dialect})`, () => {
    async function scene(app: FastifyInstance) {
      const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
      const pupr = await makeMember(app, 'pupr', 'complaint_officer');
      const opd: Caller = { kind: 'staff', actor: pupr.actor };
      const ctx = { baseUrl: app.config.baseUrl };
      const answered = await makeComplaint(app, {
        reporter: { name: 'Rahmat Hidayat', email: 'rahmat@example.com', phone: '081311112222' },
      });
      const code = answered.complaint.trackingCode;
      await actOnComplaint(app.db, coord, code, { action: 'assign', agency: 'pupr' }, ctx);
      await actOnComplaint(app.db, opd, code, { action: 'answer', message: 'Lubang sudah ditambal.' }, ctx);
      const secret = await makeComplaint(app, { confidential: true, category: 'kesehatan' });
      const anonim = await makeComplaint(app, { anonymous: true, category: 'kesehatan' });
      const closed = await makeComplaint(app, { category: 'sampah-lingkungan' });
      await actOnComplaint(
        app.db,
        coord,
        closed.complaint.trackingCode,
        { action: 'archive', archive_reason: 'spam', message: 'Laporan tidak jelas.' },
        ctx,
      );
      return { answered, secret, anonim, closed, pupr };
    }

    it('lists public requests with status, notes, OPD and deadline, without a rahasia one or any reporter data', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { answered, secret, anonim, closed, pupr } = await scene(app);
      const stored = (id: string) =>
        app.db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const fresh = await stored(answered.complaint.id);
      const archived = await stored(closed.complaint.id);
      for (const format of FORMATS) {
        const res = await app.inject(`/open311/v2/requests.${format}`);
        assert.equal(res.statusCode, 200, res.body);
        const list = assertOpen311(res, 'requests', format) as Req[];
        const ids = list.map((r) => r.service_request_id);
        assert.ok(!ids.includes(secret.complaint.trackingCode), 'rahasia is never listed');
        assert.ok(ids.includes(anonim.complaint.trackingCode));
        const a = list.find((r) => r.service_request_id === answered.complaint.trackingCode)!;
        assert.equal(a.status, 'open');
        assert.equal(a.status_notes, 'Lubang sudah ditambal.');
        assert.equal(a.agency_responsible, pupr.agency.name);
        assert.equal(a.service_code, 'jalan-jembatan');
        assert.equal(a.service_name, 'Jalan dan jembatan');
        assert.equal(a.expected_datetime, fresh.deadlineAt);
        assert.equal(a.requested_datetime, answered.complaint.receivedAt);
        assert.equal('media_url' in a, false);
        const c = list.find((r) => r.service_request_id === closed.complaint.trackingCode)!;
        assert.equal(c.status, 'closed');
        assert.equal(c.status_notes, 'Laporan tidak jelas.');
        assert.equal(c.expected_datetime, null);
        assert.equal(c.updated_datetime, archived.closedAt, 'closed: the time it was closed');
        for (const trace of ['Rahmat', 'rahmat@example.com', '081311112222', 'Siti', 'siti@example.com'])
          assert.ok(!res.body.includes(trace), `no reporter data (${trace})`);
      }
    });

    it('filters by service_request_id (overriding the rest), service_code and status', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { answered, secret, anonim, closed } = await scene(app);
      const codes = (res: { json: () => unknown }) =>
        (res.json() as Req[]).map((r) => r.service_request_id).sort();
      const byId = await app.inject(
        `/open311/v2/requests.json?status=closed&service_request_id=${answered.complaint.trackingCode},${secret.complaint.trackingCode},${anonim.complaint.trackingCode.toLowerCase()},bukan-kode`,
      );
      assert.equal(byId.statusCode, 200, byId.body);
      assert.deepEqual(codes(byId), [answered.complaint.trackingCode, anonim.complaint.trackingCode].sort());
      const health = await app.inject('/open311/v2/requests.json?service_code=kesehatan,pendidikan');
      assert.deepEqual(codes(health), [anonim.complaint.trackingCode]);
      const done = await app.inject('/open311/v2/requests.json?status=closed');
      assert.deepEqual(codes(done), [closed.complaint.trackingCode]);
      const open = await app.inject('/open311/v2/requests.json?status=open&jurisdiction_id=pontianak.go.id');
      assert.deepEqual(codes(open), [answered.complaint.trackingCode, anonim.complaint.trackingCode].sort());
      const both = await app.inject('/open311/v2/requests.json?status=open,closed&service_code=');
      assert.equal((both.json() as Req[]).length, 3);
    });

    it('keeps to 90 days (the most recent by default) and refuses a wider or malformed window with 400', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const old = await makeComplaint(app);
      const recent = await makeComplaint(app);
      const hundredDaysAgo = new Date(Date.now() - 100 * DAY).toISOString();
      await app.db
        .updateTable('complaints')
        .set({ receivedAt: hundredDaysAgo })
        .where('id', '=', old.complaint.id)
        .execute();
      const codes = (body: unknown) => (body as Req[]).map((r) => r.service_request_id);
      const byDefault = await app.inject('/open311/v2/requests.json');
      assert.deepEqual(codes(byDefault.json()), [recent.complaint.trackingCode]);
      const start = new Date(Date.now() - 110 * DAY).toISOString();
      const end = new Date(Date.now() - 30 * DAY).toISOString();
      const then = await app.inject(`/open311/v2/requests.json?start_date=${start}&end_date=${end}`);
      assert.deepEqual(codes(then.json()), [old.complaint.trackingCode]);
      const fromStart = await app.inject(`/open311/v2/requests.json?start_date=${start}`);
      assert.deepEqual(codes(fromStart.json()), [old.complaint.trackingCode], '90 days from start_date');
      for (const format of FORMATS) {
        for (const query of [
          `start_date=${new Date(Date.now() - 91 * DAY).toISOString()}&end_date=${new Date().toISOString()}`,
          `start_date=${end}&end_date=${start}`,
          'start_date=kemarin',
          'status=pending',
        ]) {
          const res = await app.inject(`/open311/v2/requests.${format}?${query}`);
          assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
          assertOpen311(res, 'errors', format);
        }
      }
    });

    it('answers at most 1,000 requests, newest first', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { complaint } = await makeComplaint(app);
      const rows = Array.from({ length: 1005 }, (_, i) => ({
        ...complaint,
        id: randomUUID(),
        trackingCode: `PTK-B${String(i).padStart(5, '0')}`,
        submissionKey: null,
        receivedAt: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
      }));
      for (let i = 0; i < rows.length; i += 50) {
        await app.db
          .insertInto('complaints')
          .values(rows.slice(i, i + 50))
          .execute();
      }
      const res = await app.inject('/open311/v2/requests.json');
      const list = res.json() as Req[];
      assert.equal(list.length, 1000);
      assert.equal(list[0]?.service_request_id, complaint.trackingCode);
      assert.equal(list[1]?.service_request_id, 'PTK-B00000');
      assert.equal(list[999]?.service_request_id, 'PTK-B00998');
    });
  });

  describe(`GET /open311/v2/requests/{id} (${dialect})`, () => {
    it('answers one public request by tracking code, and 404 for a rahasia or unknown one', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { complaint } = await makeComplaint(app);
      const secret = await makeComplaint(app, { confidential: true });
      for (const format of FORMATS) {
        const res = await app.inject(
          `/open311/v2/requests/${complaint.trackingCode.toLowerCase()}.${format}`,
        );
        assert.equal(res.statusCode, 200, res.body);
        const list = assertOpen311(res, 'requests', format) as Req[];
        assert.equal(list.length, 1);
        assert.equal(list[0]?.service_request_id, complaint.trackingCode);
        assert.equal(list[0]?.status, 'open');
        for (const code of [secret.complaint.trackingCode, 'PTK-000000', 'bukan']) {
          const missing = await app.inject(`/open311/v2/requests/${code}.${format}`);
          assert.equal(missing.statusCode, 404, code);
          assertOpen311(missing, 'errors', format);
          assert.ok(!missing.body.includes('Jalan berlubang'), 'nothing of the rahasia complaint');
        }
      }
    });
  });
}
