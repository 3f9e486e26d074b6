import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { buildTestApp } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { Problems } from '../test/hostile.js';

// The header policy swept over one response of every kind the app sends (security.test.ts checks
// the policy itself in detail): public pages, an admin page, API JSON, errors, feeds, a static
// asset and an uploaded media file, over plain http and behind TLS. Headers do not depend on the
// database, so this runs on SQLite only.

const SAFE_REFERRER = new Set([
  'no-referrer',
  'same-origin',
  'strict-origin',
  'strict-origin-when-cross-origin',
]);

function directives(res: LightMyRequestResponse): Map<string, string[]> {
  return new Map(
    String(res.headers['content-security-policy'] ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

/** Each header the policy requires, by name: true when the response carries it as required. */
function checks(res: LightMyRequestResponse, https: boolean): [string, boolean][] {
  const csp = directives(res);
  const raw = String(res.headers['content-security-policy'] ?? '');
  const permissions = String(res.headers['permissions-policy'] ?? '');
  const hsts = String(res.headers['strict-transport-security'] ?? '');
  return [
    ['CSP present', raw !== ''],
    ["CSP script-src 'self' only", (csp.get('script-src') ?? csp.get('default-src'))?.join(' ') === "'self'"],
    ['CSP without unsafe-inline/unsafe-eval', !/unsafe-inline|unsafe-eval/.test(raw)],
    ["CSP object-src 'none'", csp.get('object-src')?.join(' ') === "'none'"],
    ["frame-ancestors 'none'", csp.get('frame-ancestors')?.join(' ') === "'none'"],
    ['X-Frame-Options DENY', res.headers['x-frame-options'] === 'DENY'],
    ['Referrer-Policy', SAFE_REFERRER.has(String(res.headers['referrer-policy']))],
    [
      'Permissions-Policy',
      ['camera', 'microphone', 'geolocation'].every((f) => permissions.includes(`${f}=()`)),
    ],
    ['X-Content-Type-Options nosniff', res.headers['x-content-type-options'] === 'nosniff'],
    [
      https ? 'HSTS for a year' : 'no HSTS over http',
      https ? Number(/max-age=(\d+)/.exec(hsts)?.[1]) >= 31_536_000 : hsts === '',
    ],
  ];
}

/** One response of each kind: [what, response]. */
async function responses(app: FastifyInstance): Promise<[string, LightMyRequestResponse][]> {
  const visitor = new TestClient(app);
  const admin = await signedIn(app, 'admin@pontianak.go.id');
  const home = await visitor.get('/');
  const stylesheet = /href="(\/aset\/[^"]+\.css[^"]*)"/.exec(home.body)?.[1];
  assert.ok(stylesheet, 'the home page links its stylesheet');
  const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } })
    .jpeg()
    .toBuffer();
  await app.storage.put('uji/header/original.jpg', photo, 'image/jpeg');
  const list: [string, string, TestClient][] = [
    ['portal home', '/', visitor],
    ['agency page', '/opd/dinkes', visitor],
    ['news list', '/berita', visitor],
    ['complaint form', '/aduan', visitor],
    ['service standards', '/layanan', visitor],
    ['search', '/cari?q=puskesmas', visitor],
    ['sign-in form', '/masuk', visitor],
    ['admin dashboard', '/admin', admin],
    ['admin agency form', '/admin/opd/dinkes', admin],
    ['admin sent to sign-in', '/admin', visitor],
    ['API JSON', '/api/v1/agencies', visitor],
    ['API 404', '/api/v1/tidak-ada', visitor],
    ['OpenAPI document', '/api/openapi.json', visitor],
    ['404 page', '/tidak/ada', visitor],
    ['malformed address', '/opd/%ff', visitor],
    ['RSS feed', '/feed.xml', visitor],
    ['sitemap', '/sitemap.xml', visitor],
    ['health check', '/healthz', visitor],
    ['static stylesheet', stylesheet, visitor],
    ['media file', '/media/uji/header/original.jpg', visitor],
    ['missing media file', '/media/uji/tidak-ada.jpg', visitor],
  ];
  const out: [string, LightMyRequestResponse][] = [];
  for (const [what, url, client] of list) out.push([`${what} ${url}`, await client.get(url)]);
  return out;
}

for (const https of [false, true]) {
  describe(`security headers on every kind of response (${https ? 'behind TLS' : 'plain http'})`, () => {
    it('sends the strict CSP, frame, referrer, permissions and nosniff headers everywhere', async (t) => {
      const env: Record<string, string> = https ? { BALAIRUNG_BASE_URL: 'https://pontianak.go.id' } : {};
      const { app } = await buildTestApp(t, 'sqlite', env);
      const problems = new Problems();
      const all = await responses(app);
      for (const [what, res] of all) {
        assert.ok(res.statusCode < 500, `${what}: ${res.statusCode}`);
        if (/^(static stylesheet|media file)/.test(what)) assert.equal(res.statusCode, 200, what);
        for (const [name, ok] of checks(res, https))
          await problems.check(`${what} (${res.statusCode}): ${name}`, () => assert.ok(ok));
      }
      t.diagnostic(
        `figure: headers (${https ? 'https' : 'http'}): ${problems.tried} checks over ${all.length} responses`,
      );
      assert.deepEqual(problems.list, []);
    });
  });
}
