import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { apiToken } from '../test/client.js';
import { listCategories } from './complaints.repository.js';
import { assertOpen311 } from './open311.conformance.js';

const FORMATS = ['json', 'xml'] as const;

for (const dialect of dialects()) {
  describe(`Open311 discovery and services (${dialect})`, () => {
    it('publishes discovery.{json,xml} naming this endpoint, both formats and how to get a key', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      for (const format of FORMATS) {
        const res = await app.inject(`/open311/v2/discovery.${format}`);
        assert.equal(res.statusCode, 200, res.body);
        const doc = assertOpen311(res, 'discovery', format) as {
          key_service: string;
          endpoints: { url: string; specification: string; formats: string[] }[];
        };
        assert.equal(doc.endpoints[0]?.url, `${config.baseUrl}/open311/v2`);
        assert.equal(doc.endpoints[0]?.specification, 'http://wiki.open311.org/GeoReport_v2');
        assert.deepEqual(doc.endpoints[0]?.formats, ['text/xml', 'application/json']);
        assert.match(doc.key_service, /api_key/);
      }
    });

    it('lists the complaint categories as services, the same list as the JSON API', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const categories = await listCategories(app.db);
      const api = (await app.inject('/api/v1/complaint-categories')).json() as { code: string }[];
      for (const format of FORMATS) {
        const res = await app.inject(`/open311/v2/services.${format}`);
        assert.equal(res.statusCode, 200);
        const services = assertOpen311(res, 'services', format) as Record<string, unknown>[];
        assert.deepEqual(
          services.map((s) => s.service_code),
          categories.map((c) => c.code),
        );
        assert.deepEqual(
          services.map((s) => s.service_code),
          api.map((c) => c.code),
        );
        const roads = services.find((s) => s.service_code === 'jalan-jembatan');
        assert.equal(roads?.service_name, 'Jalan dan jembatan');
        assert.equal(roads?.metadata, false, 'no extra attributes to ask for');
        assert.equal(roads?.type, 'realtime', 'the request id comes at once');
        assert.match(String(roads?.group), /Pekerjaan Umum/);
      }
    });

    it('answers a service definition with no attributes, and 404 in the spec’s error format for an unknown code', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      for (const format of FORMATS) {
        const res = await app.inject(`/open311/v2/services/jalan-jembatan.${format}`);
        assert.equal(res.statusCode, 200, res.body);
        const definition = assertOpen311(res, 'definition', format);
        assert.deepEqual(definition, { service_code: 'jalan-jembatan', attributes: [] });
        const missing = await app.inject(`/open311/v2/services/tidak-ada.${format}`);
        assert.equal(missing.statusCode, 404);
        const errors = assertOpen311(missing, 'errors', format) as { code: number; description: string }[];
        assert.equal(errors[0]?.code, 404);
        assert.match(errors[0]?.description ?? '', /tidak dikenal/);
      }
    });

    it('answers an unknown format or resource with a 404 in XML, the format every client reads', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      for (const url of ['/open311/v2/services.csv', '/open311/v2/tidak-ada.xml', '/open311/v2/requests/x']) {
        const res = await app.inject(url);
        assert.equal(res.statusCode, 404, url);
        assertOpen311(res, 'errors', 'xml');
      }
      const json = await app.inject('/open311/v2/tidak-ada.json');
      assert.equal(json.statusCode, 404);
      assertOpen311(json, 'errors', 'json');
    });
  });

  describe(`POST /api/v1/open311-clients (${dialect})`, () => {
    it('gives a super admin a key once, stores only its hash, and refuses everyone else', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await apiToken(app, 'admin@pontianak.go.id');
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/open311-clients',
        headers: { authorization: `Bearer ${admin}` },
        payload: { name: '  Aplikasi Warga Pontianak ' },
      });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json() as { id: string; name: string; api_key: string };
      assert.equal(body.name, 'Aplikasi Warga Pontianak');
      assert.ok(body.api_key.length >= 40);
      const rows = await app.db.selectFrom('open311Clients').selectAll().execute();
      assert.equal(rows.length, 1);
      assert.notEqual(rows[0]!.apiKeyHash, body.api_key);
      assert.ok(!JSON.stringify(rows).includes(body.api_key), 'the key itself is not stored');

      const coordinator = await apiToken(app, 'aduan@pontianak.go.id');
      const refused = await app.inject({
        method: 'POST',
        url: '/api/v1/open311-clients',
        headers: { authorization: `Bearer ${coordinator}` },
        payload: { name: 'Lain' },
      });
      assert.equal(refused.statusCode, 403);
      const anonymous = await app.inject({
        method: 'POST',
        url: '/api/v1/open311-clients',
        payload: { name: 'Lain' },
      });
      assert.equal(anonymous.statusCode, 401);
      const blank = await app.inject({
        method: 'POST',
        url: '/api/v1/open311-clients',
        headers: { authorization: `Bearer ${admin}` },
        payload: { name: ' ' },
      });
      assert.equal(blank.statusCode, 422);
      assert.match(
        (blank.json() as { error: { fields: Record<string, string> } }).error.fields.name ?? '',
        /wajib/,
      );
    });
  });

  describe(`GET and DELETE /api/v1/open311-clients (${dialect})`, () => {
    it('lists the clients without their keys, and a revoked key files nothing from the next request on', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await apiToken(app, 'admin@pontianak.go.id');
      const as = (
        token: string | undefined,
        method: 'GET' | 'POST' | 'DELETE',
        url: string,
        payload?: object,
      ) =>
        app.inject({
          method,
          url,
          headers: token ? { authorization: `Bearer ${token}` } : {},
          ...(payload ? { payload } : {}),
        });
      const issued = (
        await as(admin, 'POST', '/api/v1/open311-clients', { name: 'Aplikasi Warga' })
      ).json() as {
        id: string;
        api_key: string;
      };
      const file = () =>
        app.inject({
          method: 'POST',
          url: '/open311/v2/requests.json',
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
          payload: new URLSearchParams({
            api_key: issued.api_key,
            service_code: 'jalan-jembatan',
            description: 'Lubang besar di Jalan Gajah Mada, dekat lampu merah.',
            email: 'warga@example.com',
            first_name: 'Warga',
            address_string: 'Jalan Gajah Mada',
          }).toString(),
        });
      assert.equal((await file()).statusCode, 200, 'the new key files');

      const listed = await as(admin, 'GET', '/api/v1/open311-clients');
      assert.equal(listed.statusCode, 200);
      assert.deepEqual(
        (listed.json() as { id: string; name: string; revoked_at: string | null }[]).map((c) => [
          c.id,
          c.name,
          c.revoked_at,
        ]),
        [[issued.id, 'Aplikasi Warga', null]],
      );
      assert.ok(!listed.body.includes(issued.api_key), 'the key is never shown again');

      const coordinator = await apiToken(app, 'aduan@pontianak.go.id');
      assert.equal((await as(coordinator, 'GET', '/api/v1/open311-clients')).statusCode, 403);
      assert.equal((await as(coordinator, 'DELETE', `/api/v1/open311-clients/${issued.id}`)).statusCode, 403);
      assert.equal((await as(undefined, 'DELETE', `/api/v1/open311-clients/${issued.id}`)).statusCode, 401);
      assert.equal((await file()).statusCode, 200, 'refused attempts to revoke change nothing');

      const revoked = await as(admin, 'DELETE', `/api/v1/open311-clients/${issued.id}`);
      assert.equal(revoked.statusCode, 200, revoked.body);
      const revokedAt = (revoked.json() as { revoked_at: string }).revoked_at;
      assert.ok(revokedAt);
      assert.equal((await file()).statusCode, 403, 'a revoked key files nothing');
      const again = await as(admin, 'DELETE', `/api/v1/open311-clients/${issued.id}`);
      assert.equal(
        (again.json() as { revoked_at: string }).revoked_at,
        revokedAt,
        'revoking twice changes nothing',
      );
      assert.equal((await as(admin, 'DELETE', '/api/v1/open311-clients/tidak-ada')).statusCode, 404);

      const audit = await app.db
        .selectFrom('auditEvents')
        .select(['action', 'subjectId'])
        .where('action', 'like', 'open311_client.%')
        .orderBy('createdAt')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['open311_client.created', 'open311_client.revoked'],
      );
    });
  });
}
