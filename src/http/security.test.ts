import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual as deepEqual } from 'node:util';
import type { LightMyRequestResponse } from 'fastify';
import { SESSION_COOKIE } from '../accounts/sessions.js';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { Problems } from '../test/hostile.js';

// The log half of this brief (no password or session token in the logs) lives in logging.test.ts.

const SAFE_REFERRER = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'];

function cspOf(res: LightMyRequestResponse): Map<string, string[]> {
  const header = res.headers['content-security-policy'];
  assert.equal(typeof header, 'string', 'a Content-Security-Policy header');
  return new Map(
    (header as string)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

/** The headers every response carries, page or JSON, success or error; names every one missing. */
function assertStrictHeaders(res: LightMyRequestResponse, what: string): void {
  const csp = cspOf(res);
  const header = res.headers['content-security-policy'] as string;
  const permissions = String(res.headers['permissions-policy'] ?? '');
  const missing = [
    ['script-src', deepEqual(csp.get('script-src') ?? csp.get('default-src'), ["'self'"])],
    ['no unsafe-inline/eval', !/unsafe-inline|unsafe-eval/.test(header)],
    ["frame-ancestors 'none'", deepEqual(csp.get('frame-ancestors'), ["'none'"])],
    ['X-Frame-Options DENY', res.headers['x-frame-options'] === 'DENY'],
    ['Referrer-Policy', SAFE_REFERRER.includes(String(res.headers['referrer-policy']))],
    [
      'Permissions-Policy',
      ['camera', 'microphone', 'geolocation'].every((f) => permissions.includes(`${f}=()`)),
    ],
    ['X-Content-Type-Options nosniff', res.headers['x-content-type-options'] === 'nosniff'],
  ]
    .filter(([, ok]) => !ok)
    .map(([name]) => name);
  assert.deepEqual(missing, [], `${what}: missing ${missing.join(', ')}`);
}

function sessionCookieOf(res: LightMyRequestResponse) {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  assert.ok(cookie, 'sign-in sets the session cookie');
  return cookie as typeof cookie & { httpOnly?: boolean; secure?: boolean; sameSite?: string };
}

/** Markup the CSP would block: inline scripts, style elements and attributes, inline handlers. */
const BLOCKED_MARKUP: readonly [string, RegExp][] = [
  // A JSON-LD data block is not executed, so the CSP does not apply to it; any other inline script is.
  ['inline <script>', /<script\b(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>/i],
  ['<style> element', /<style\b/i],
  ['style= attribute', /<[a-z][^>]*\sstyle\s*=/i],
  ['on…= handler', /<[a-z][^>]*\son[a-z]+\s*=/i],
  ['javascript: URL', /\s(href|src|action)="javascript:/i],
];

for (const dialect of dialects()) {
  describe(`security headers (${dialect})`, () => {
    it('sends a strict CSP and the anti-framing and no-sniff headers on pages, errors and the API', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = new TestClient(app);
      const responses: [string, LightMyRequestResponse][] = [
        ['portal home', await client.get('/')],
        ['agency page', await client.get('/opd/dinkes')],
        ['sign-in form', await client.get('/masuk')],
        ['404 page', await client.get('/tidak/ada')],
        ['malformed address', await client.get('/opd/%ff')],
        ['refused form', await client.post('/masuk', { email: '', password: '' })],
        ['API list', await app.inject('/api/v1/agencies')],
        ['API 401', await app.inject({ method: 'POST', url: '/api/v1/agencies', payload: {} })],
        ['API 404', await app.inject('/api/v1/tidak-ada')],
      ];
      const problems = new Problems();
      for (const [what, res] of responses) {
        await problems.check(`${what} (${res.statusCode})`, () => assertStrictHeaders(res, what));
        await problems.check(`${what} (${res.statusCode})`, () =>
          assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS over http'),
        );
      }
      assert.deepEqual(problems.list, []);
    });

    it('sends HSTS, upgrade-insecure-requests and Secure cookies when the public address is https', async (t) => {
      const { app } = await buildTestApp(t, dialect, { BALAIRUNG_BASE_URL: 'https://pontianak.go.id' });
      const client = new TestClient(app);
      const home = await client.get('/');
      assertStrictHeaders(home, 'home over https');
      const signInForm = await client.get('/masuk');
      const hsts = String(home.headers['strict-transport-security'] ?? '');
      assert.ok(Number(/max-age=(\d+)/.exec(hsts)?.[1]) >= 31_536_000, `HSTS for a year: "${hsts}"`);
      assert.ok(cspOf(home).has('upgrade-insecure-requests'));
      for (const url of ['/api/v1/agencies', '/tidak/ada', '/opd/%ff']) {
        const res = await app.inject(url);
        assert.match(String(res.headers['strict-transport-security']), /max-age=/, `HSTS on ${url}`);
      }

      assert.ok(signInForm.cookies.length > 0, 'the sign-in form sets its CSRF cookie');
      for (const c of signInForm.cookies) assert.equal(c.secure, true, `${c.name} is Secure`);
      const res = await client.signIn('admin1@dinkes.pontianak.go.id');
      assert.equal(res.statusCode, 303);
      const session = sessionCookieOf(res);
      assert.equal(session.secure, true);
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, 'Lax');
    });

    it('keeps the session cookie from scripts and cross-site posts, and usable over plain http', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const res = await new TestClient(app).signIn('admin1@dinkes.pontianak.go.id');
      assert.equal(res.statusCode, 303);
      const session = sessionCookieOf(res);
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, 'Lax');
      assert.notEqual(session.secure, true, 'a Secure cookie would never come back over http');
    });
  });

  describe(`pages under the CSP (${dialect})`, () => {
    it('contain no inline script, style or handler on any page, signed in or not', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const pages = app.routeList
        .filter((r) => r.method === 'GET' && !r.url.endsWith('*'))
        .filter((r) => !r.url.startsWith('/api/') || r.url === '/api/docs')
        .map((r) => r.url.replace(':slug', 'dinkes'));
      assert.ok(pages.includes('/admin/opd/dinkes/pengguna'));
      const admin = await signedIn(app, 'admin@pontianak.go.id');
      const refused = await admin.post('/admin/opd/dinkes', { name: '', short_name: '' });
      assert.equal(refused.statusCode, 422);
      const checked: string[] = [];
      for (const [who, client] of [
        ['visitor', new TestClient(app)],
        ['super admin', admin],
      ] as const) {
        for (const url of pages) {
          const res = await client.get(url);
          if (!String(res.headers['content-type']).startsWith('text/html')) continue;
          for (const [name, pattern] of BLOCKED_MARKUP) {
            assert.doesNotMatch(res.body, pattern, `${who} ${url}: ${name}`);
          }
          checked.push(`${who} ${url}`);
        }
      }
      for (const [name, pattern] of BLOCKED_MARKUP) assert.doesNotMatch(refused.body, pattern, name);
      t.diagnostic(`${checked.length} pages checked`);
      assert.ok(checked.includes('super admin /admin/opd/dinkes'));
      assert.ok(checked.includes('visitor /masuk'));
    });
  });

  describe(`cross-site request forgery (${dialect})`, () => {
    const profile = { name: 'Dinas Palsu', short_name: 'Palsu' };

    it('refuses a form posted without its token, or with a wrong or foreign one, with 403', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const victim = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      const stranger = new TestClient(app);
      const page = await stranger.get('/masuk');
      const foreign = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
      assert.ok(foreign);
      for (const csrf of [false, 'bukan-token', foreign] as const) {
        const res = await victim.post('/admin/opd/dinkes', profile, { csrf });
        assert.equal(res.statusCode, 403, `token ${String(csrf)}`);
        assert.match(res.body, /kedaluwarsa/, 'an Indonesian explanation');
      }
      assert.match((await victim.get('/opd/dinkes')).body, /<h1>Dinas Kesehatan<\/h1>/, 'nothing changed');
      const anonymous = await new TestClient(app).post(
        '/masuk',
        { email: 'admin1@dinkes.pontianak.go.id', password: 'x' },
        { csrf: false },
      );
      assert.equal(anonymous.statusCode, 403, 'sign-in forms carry a token too');
      const control = await victim.post('/admin/opd/dinkes', { ...profile });
      assert.notEqual(control.statusCode, 403, 'the same form with its token is not refused as forged');
    });

    it('does not let a session cookie drive the JSON API', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await signedIn(app, 'admin@pontianak.go.id');
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/agencies',
        headers: { cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE) ?? ''}` },
        payload: { slug: 'lewat-cookie', kind: 'dinas', name: 'Lewat Cookie', short_name: 'LC' },
      });
      assert.equal(res.statusCode, 401);
      assert.equal((await client.get('/opd/lewat-cookie')).statusCode, 404);
    });
  });
}

describe('cookies on public pages', () => {
  it('sets none on a page without a form, so shared caches may keep it', async (t) => {
    const { app } = await buildTestApp(t, 'sqlite');
    for (const url of ['/', '/opd', '/opd/dinkes', '/berita']) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['set-cookie'], undefined, url);
    }
    const form = await app.inject('/masuk');
    assert.ok(form.headers['set-cookie'], 'a page with a form sets its CSRF cookie');
  });
});
