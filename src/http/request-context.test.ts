import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { recordAudit } from '../audit/audit.repository.js';
import { buildTestApp, DEMO_PASSWORD, dialects } from '../test/app.js';
import { withRequestContext } from './request-context.js';

const ADMIN = 'admin1@dinkes.pontianak.go.id';

for (const dialect of dialects()) {
  describe(`request context: where an audited change came from (${dialect})`, () => {
    it('fills in the address, the browser and the request id of a form post, without the caller passing them', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const form = await app.inject({ method: 'GET', url: '/masuk', remoteAddress: '203.0.113.7' });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
      const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const res = await app.inject({
        method: 'POST',
        url: '/masuk',
        remoteAddress: '203.0.113.7',
        headers: {
          cookie,
          'user-agent': `Mozilla/5.0 (Linux; Android 14) ${'x'.repeat(400)}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({ email: ADMIN, password: DEMO_PASSWORD, _csrf: csrf }).toString(),
      });
      assert.equal(res.statusCode, 303);
      const event = await app.db
        .selectFrom('auditEvents')
        .selectAll()
        .where('action', '=', 'auth.signed_in')
        .executeTakeFirstOrThrow();
      assert.equal(event.ip, '203.0.113.7');
      assert.match(event.userAgent, /^Mozilla\/5\.0 \(Linux; Android 14\)/);
      assert.ok(event.userAgent.length <= 160, 'the user agent is cut short');
      assert.match(event.requestId, /^[0-9a-f-]{36}$/);
    });

    it('records the id the trusted proxy gave a request, the one it sends back and logs', async (t) => {
      const { app } = await buildTestApp(t, dialect, { BALAIRUNG_BASE_URL: 'https://pontianak.go.id' });
      const form = await app.inject({ method: 'GET', url: '/masuk' });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
      const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const res = await app.inject({
        method: 'POST',
        url: '/masuk',
        headers: {
          cookie,
          'x-request-id': 'nginx-7c1e0b5a',
          'x-forwarded-for': '203.0.113.8',
          'x-forwarded-proto': 'https',
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({ email: ADMIN, password: DEMO_PASSWORD, _csrf: csrf }).toString(),
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers['x-request-id'], 'nginx-7c1e0b5a');
      const event = await app.db
        .selectFrom('auditEvents')
        .select(['ip', 'requestId'])
        .where('action', '=', 'auth.signed_in')
        .executeTakeFirstOrThrow();
      assert.deepEqual(event, { ip: '203.0.113.8', requestId: 'nginx-7c1e0b5a' });
    });

    it('records no address for work done outside a request (a timed job), and the one given inside one', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const base = { actorId: null, action: 'test.job', subjectType: 'test', subjectId: 'job' };
      await recordAudit(app.db, base);
      await withRequestContext(
        { ip: '198.51.100.4', userAgent: 'curl/8', requestId: 'r-1', actorId: () => null },
        () => recordAudit(app.db, { ...base, subjectId: 'request' }),
      );
      const rows = await app.db
        .selectFrom('auditEvents')
        .select(['subjectId', 'ip', 'userAgent', 'requestId'])
        .where('action', '=', 'test.job')
        .orderBy('subjectId')
        .execute();
      assert.deepEqual(rows, [
        { subjectId: 'job', ip: '', userAgent: '', requestId: '' },
        { subjectId: 'request', ip: '198.51.100.4', userAgent: 'curl/8', requestId: 'r-1' },
      ]);
    });
  });
}
