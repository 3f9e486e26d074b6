import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { encodingClass } from './page-cache.js';

const PORTAL = 'portal.pontianak.go.id';
const EDITOR = 'admin1@dinkes.pontianak.go.id';

/** A second app on the same database (same SQLite file, same PostgreSQL schema), as another process. */
async function secondApp(t: TestContext, config: Config): Promise<FastifyInstance> {
  const { app } = await buildApp(config, { scheduler: false });
  // Registered after the first app's cleanup, so it closes first (t.after runs in reverse order).
  t.after(() => app.close());
  return app;
}

function get(app: FastifyInstance, url: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url, headers: { host: PORTAL, ...headers } });
}

const hits = (app: FastifyInstance) => app.pageCache.stats().hits;
const titleOf = (res: LightMyRequestResponse) => /<title>([^<]*)<\/title>/.exec(res.body)?.[1] ?? '';

async function publish(app: FastifyInstance, title: string): Promise<void> {
  const editor = await signedIn(app, EDITOR);
  await editor.get('/admin/opd/dinkes/berita/baru');
  const res = await editor.post('/admin/opd/dinkes/berita', {
    title,
    body_html: '<p>Isi berita</p>',
    intent: 'publish',
  });
  assert.equal(res.statusCode, 303);
}

describe('encodingClass', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'identity'],
    ['', 'identity'],
    ['br, gzip', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['*', 'gzip'],
    ['deflate', 'identity'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
  ];
  for (const [header, expected] of cases) {
    it(`reads ${JSON.stringify(header)} as ${expected}`, () => assert.equal(encodingClass(header), expected));
  }
});

for (const dialect of dialects()) {
  describe(`the page cache (${dialect})`, () => {
    it('answers again from memory with the same bytes and every security header', async (t) => {
      const { app } = await buildTestApp(t, dialect, { BALAIRUNG_BASE_URL: `https://${PORTAL}` });
      const enc = { 'accept-encoding': 'br, gzip' };
      const fresh = await get(app, '/', enc);
      const cached = await get(app, '/', enc);
      assert.equal(hits(app), 1);
      assert.equal(cached.statusCode, 200);
      assert.equal(cached.headers['content-encoding'], 'br');
      assert.deepEqual(cached.rawPayload, fresh.rawPayload);
      // The date and the request's own id are the answer's; every other header is the page's.
      const perPage = (res: LightMyRequestResponse) => ({
        ...res.headers,
        date: undefined,
        'x-request-id': undefined,
      });
      assert.deepEqual(perPage(cached), perPage(fresh));
      for (const name of [
        'content-security-policy',
        'strict-transport-security',
        'x-content-type-options',
        'x-frame-options',
        'referrer-policy',
        'permissions-policy',
        'cross-origin-opener-policy',
      ]) {
        assert.ok(cached.headers[name], `a cached page carries ${name}`);
      }
      assert.match(String(cached.headers['strict-transport-security']), /max-age=31536000/);
    });

    it('keeps one copy per encoding, and answers HEAD from the GET', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const plain = await get(app, '/berita');
      const br = await get(app, '/berita', { 'accept-encoding': 'br' });
      const gzip = await get(app, '/berita', { 'accept-encoding': 'gzip' });
      assert.equal(hits(app), 0);
      for (const [headers, decode] of [
        [{}, (b: Buffer) => b],
        [{ 'accept-encoding': 'br' }, brotliDecompressSync],
        [{ 'accept-encoding': 'gzip' }, gunzipSync],
      ] as const) {
        const again = await get(app, '/berita', headers);
        assert.equal(decode(again.rawPayload).toString(), plain.body);
      }
      assert.equal(hits(app), 3);
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(gzip.headers['content-encoding'], 'gzip');
      assert.equal(plain.headers['content-encoding'], undefined);
      const head = await app.inject({ method: 'HEAD', url: '/berita', headers: { host: PORTAL } });
      assert.equal(head.statusCode, 200);
      assert.equal(head.body, '');
      assert.match(String(head.headers['content-type']), /text\/html/);
      assert.equal(hits(app), 4);
    });

    it('renders a page once for requests that arrive together', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const before = app.pageCache.stats();
      const all = await Promise.all(Array.from({ length: 5 }, () => get(app, '/cari?q=rapat')));
      const after = app.pageCache.stats();
      assert.equal(after.misses - before.misses, 1, 'one render');
      assert.equal(after.hits - before.hits, 4, 'four answers from it');
      for (const res of all) assert.equal(res.body, all[0]!.body);
    });

    it('never gives one host the page of another', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const hosts = ['127.0.0.1', 'dinkes.pontianak.go.id', 'dishub.pontianak.go.id'];
      // An agency's first visit writes its default pages (a content change): the cache starts after.
      for (const host of hosts) await new TestClient(app, host).get('/');
      const first = [];
      for (const host of hosts) first.push(await new TestClient(app, host).get('/'));
      for (const [i, host] of hosts.entries()) {
        const again = await new TestClient(app, host).get('/');
        assert.equal(again.body, first[i]!.body, `${host} gets its own page`);
      }
      assert.equal(hits(app), 3);
      assert.match(titleOf(first[1]!), /Dinas Kesehatan/);
      assert.match(titleOf(first[2]!), /Dinas Perhubungan/);
      assert.doesNotMatch(titleOf(first[0]!), /Dinas Kesehatan|Dinas Perhubungan/);
    });

    it('shows a published post on the next request to every page that lists it', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const visitor = new TestClient(app);
      const byHost = new TestClient(app, 'dinkes.pontianak.go.id');
      const pages = [
        () => visitor.get('/berita'),
        () => visitor.get('/opd/dinkes'),
        () => visitor.get('/opd/dinkes/berita'),
        () => visitor.get('/feed.xml'),
        () => visitor.get('/opd/dinkes/feed.xml'),
        () => visitor.get('/sitemap.xml'),
        () => byHost.get('/'),
      ];
      for (const page of pages) await page(); // an agency's first visit writes its default pages
      for (const page of pages) await page();
      const before = hits(app);
      for (const page of pages) await page();
      assert.equal(hits(app) - before, pages.length, 'the pages were cached');
      await publish(app, 'Vaksinasi Keliling di Pontianak Barat');
      for (const page of pages) assert.match((await page()).body, /Vaksinasi Keliling|vaksinasi-keliling/);
    });

    it('sees a change made behind the app with plain SQL', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      for (let i = 0; i < 3; i++) assert.match(titleOf(await get(app, '/opd/dinkes')), /Dinas Kesehatan/);
      assert.equal(hits(app), 1);
      await sql`update agencies set name = 'Dinas Kesehatan Kota' where slug = 'dinkes'`.execute(app.db);
      assert.match(titleOf(await get(app, '/opd/dinkes')), /Dinas Kesehatan Kota/);
    });

    it('shows a change made through one process on the next request to another', async (t) => {
      const { app: a, config } = await buildTestApp(t, dialect);
      const b = await secondApp(t, config);
      const list = () => new TestClient(b).get('/berita');
      assert.doesNotMatch((await list()).body, /Jembatan Kapuas/);
      await list();
      assert.equal(hits(b), 1);
      await publish(a, 'Perbaikan Jembatan Kapuas Dimulai');
      assert.match((await list()).body, /Jembatan Kapuas/);
    });

    it('trusts the version it read for the window, then reads it again', async (t) => {
      const { app: a, config } = await buildTestApp(t, dialect);
      // Outside tests each process reads the version at most every 100 ms.
      const b = await secondApp(t, { ...config, env: 'development' });
      const list = () => new TestClient(b).get('/berita');
      await list();
      await publish(a, 'Posyandu Serentak Sekota');
      await sleep(150);
      assert.match((await list()).body, /Posyandu Serentak/);
    });

    it('gives signed-in staff their own fresh page, and keeps none of it', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const visitor = new TestClient(app);
      await visitor.get('/');
      assert.match((await visitor.get('/')).body, /href="\/masuk"/);
      const before = hits(app);
      const editor = await signedIn(app, EDITOR);
      const own = await editor.get('/');
      assert.match(own.body, /href="\/admin"/);
      assert.equal(hits(app), before, 'a signed-in request is never answered from the cache');
      const after = await visitor.get('/');
      assert.doesNotMatch(after.body, /href="\/admin"/);
    });

    it('shows a flash message to its visitor only, and clears it', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await get(app, '/');
      await get(app, '/');
      const flash = `balairung_pesan=${app.signCookie('Pesan untuk satu orang saja')}`;
      const own = await get(app, '/', { cookie: flash });
      assert.match(own.body, /Pesan untuk satu orang saja/);
      assert.ok(own.cookies.some((c) => c.name === 'balairung_pesan' && c.value === ''));
      assert.doesNotMatch((await get(app, '/')).body, /Pesan untuk satu orang saja/);
    });

    it('lets browsers keep a public page and revalidate it by its ETag', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const enc = { 'accept-encoding': 'gzip' };
      const fresh = await get(app, '/berita', enc);
      assert.equal(
        fresh.headers['cache-control'],
        'public, max-age=0, s-maxage=1, stale-while-revalidate=60',
      );
      assert.equal(fresh.headers.vary, 'accept-encoding, cookie');
      const etag = String(fresh.headers.etag);
      assert.match(etag, /^"[A-Za-z0-9_-]{27}"$/);
      assert.equal((await get(app, '/berita', enc)).headers.etag, etag, 'a hit has the same tag');
      assert.notEqual((await get(app, '/berita')).headers.etag, etag, 'each encoding its own tag');
      for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const again = await get(app, '/berita', { ...enc, 'if-none-match': ifNoneMatch });
        assert.equal(again.statusCode, 304, ifNoneMatch);
        assert.equal(again.rawPayload.length, 0);
        assert.equal(again.headers.etag, etag);
      }
      assert.equal((await get(app, '/berita', { ...enc, 'if-none-match': '"other"' })).statusCode, 200);
      // The first render of a page answers a tag from another process's render of it too.
      app.pageCache.clear();
      assert.equal((await get(app, '/berita', { ...enc, 'if-none-match': etag })).statusCode, 304);
    });

    it('keeps no-store on pages for the signed-in, with a form or a flash, or not allowlisted', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const editor = await signedIn(app, EDITOR);
      assert.equal((await editor.get('/berita')).headers['cache-control'], 'no-store');
      for (const url of ['/aduan', '/masuk', '/aduan/lacak']) {
        assert.match(String((await get(app, url)).headers['cache-control']), /no-store/, url);
      }
      const flash = `balairung_pesan=${app.signCookie('Tersimpan')}`;
      assert.equal((await get(app, '/', { cookie: flash })).headers['cache-control'], 'no-store');
      // Complaint figures are kept 5 s: browsers may keep them no longer.
      const figures = await get(app, '/aduan/laporan');
      assert.match(String(figures.headers['cache-control']), /^public, max-age=0\b/);
    });

    it('keeps no form page, no admin page and no API answer', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      for (const url of ['/aduan', '/masuk', '/aduan/lacak', '/api/v1/posts', '/admin']) {
        await get(app, url);
        await get(app, url);
      }
      assert.deepEqual(app.pageCache.stats().stores, 0);
    });
  });
}
