import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, DEMO_PASSWORD, dialects } from '../test/app.js';
import { apiToken, signedIn, TestClient } from '../test/client.js';
import { Problems } from '../test/hostile.js';
import { todayIn } from '../time/zone.js';

// What sessions.routes.test.ts, account.routes.test.ts and accounts.api.test.ts do not already
// assert (lockout and its delay, a new session id at sign-in, sessions ended on password change,
// one-use TOTP codes, single-use expiring reset links live there): CSRF over the whole route
// table, every form of open redirect, and API token expiry.

const SUPER = 'admin@pontianak.go.id';
const BASE = 'https://pontianak.go.id';

/** A value for each route parameter that passes its schema, so the CSRF check is what answers. */
const PARAMS: Record<string, string> = {
  slug: 'dinkes',
  id: randomUUID(),
  revision: randomUUID(),
  page: 'profil',
  date: '2026-01-01',
  code: 'jalan-jembatan',
  service: 'penerbitan-ktp-el',
  year: todayIn('Asia/Pontianak').slice(0, 4),
  item: 'sarana_rentan',
};

/** A body that passes the body schemas (they run before the CSRF check), as a forger would send. */
const FORGED = { name: 'Dipalsukan', user_id: randomUUID(), role: 'editor', title: 'Dipalsukan' };

/** Every form route that changes something: POST outside the token-authenticated APIs. */
function unsafeFormRoutes(app: FastifyInstance): string[] {
  return app.routeList
    .filter((r) => r.method === 'POST' && !r.url.startsWith('/api/') && !r.url.startsWith('/open311/'))
    .map((r) => r.url);
}

// A parameter not listed gets an id: the CSRF check runs before any lookup, so a 404 here means
// the route parsed its parameter before checking the token (then list a valid value above).
const fill = (url: string) =>
  url.replace(/:([A-Za-z_]+)/g, (_whole, name: string) => PARAMS[name] ?? randomUUID());

/** Sign-in redirect targets that leave the site in some browser's reading, plainly or encoded. */
const OFF_SITE = [
  '//evil.example',
  'https://evil.example',
  'http:evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\t/evil.example',
  '///evil.example',
  '%2F%2Fevil.example',
  '/%2F%2Fevil.example',
  '%5C%5Cevil.example',
  '/%5Cevil.example',
  'javascript:alert(1)',
  '//evil.example@pontianak.go.id',
  ' //evil.example',
];

const offSite = (location: unknown) => new URL(String(location), BASE).host !== 'pontianak.go.id';

// The CSRF check and the redirect rule do not depend on the database: these two sweeps run on SQLite.
describe('authentication under attack (sqlite)', () => {
  const dialect = 'sqlite';
  it('refuses every unsafe form route of the route table without its CSRF token, with 403', async (t) => {
    const { app } = await buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: 'off' });
    const admin = await signedIn(app, SUPER);
    const stranger = new TestClient(app);
    const foreign = /name="_csrf" value="([^"]+)"/.exec((await stranger.get('/masuk')).body)?.[1];
    assert.ok(foreign);
    const routes = unsafeFormRoutes(app);
    assert.ok(routes.filter((r) => r.startsWith('/admin/')).length >= 40, 'the admin forms are all there');
    const problems = new Problems();
    for (const route of routes) {
      for (const csrf of [false, foreign] as const) {
        const res = await admin.post(fill(route), FORGED, { csrf });
        await problems.check(`POST ${route} with ${csrf ? 'a foreign' : 'no'} token`, () => {
          assert.equal(res.statusCode, 403, `status ${res.statusCode}`);
          assert.match(res.body, /kedaluwarsa/, 'an Indonesian explanation');
        });
      }
    }
    assert.equal((await admin.get('/admin')).statusCode, 200, 'the forged posts did not sign out');
    t.diagnostic(`figure: CSRF: ${problems.tried} forged posts over ${routes.length} form routes`);
    assert.deepEqual(problems.list, []);
  });

  it('never redirects off the site after sign-in, however the address is written or encoded', async (t) => {
    const { app } = await buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: 'off' });
    const problems = new Problems();
    const signedInClient = await signedIn(app, SUPER);
    for (const next of OFF_SITE) {
      for (const query of [encodeURIComponent(next), next.replace(/[ \t#&]/g, encodeURIComponent)]) {
        const url = `/masuk?lanjut=${query}`;
        const client = new TestClient(app);
        await client.get('/masuk');
        const res = await client.post(url, { email: SUPER, password: DEMO_PASSWORD });
        await problems.check(`sign-in, lanjut=${query}`, () => {
          assert.equal(res.statusCode, 303);
          assert.ok(!offSite(res.headers.location), `to ${String(res.headers.location)}`);
        });
        const already = await signedInClient.get(url);
        await problems.check(`signed in, lanjut=${query}`, () =>
          assert.ok(!offSite(already.headers.location), `to ${String(already.headers.location)}`),
        );
      }
    }
    t.diagnostic(`figure: open redirect: ${problems.tried} redirect targets tried`);
    assert.deepEqual(problems.list, []);
  });
});

for (const dialect of dialects()) {
  describe(`API tokens (${dialect})`, () => {
    it('refuses an API token once it has expired, with 401 JSON', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const token = await apiToken(app, SUPER);
      const me = () => app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      assert.equal((await me()).statusCode, 200);
      await app.db
        .updateTable('apiTokens')
        .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
        .execute();
      const expired = await me();
      assert.equal(expired.statusCode, 401);
      assert.equal(typeof (expired.json() as { error: { message: string } }).error.message, 'string');
    });
  });
}
