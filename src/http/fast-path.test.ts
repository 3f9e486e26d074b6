import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn } from '../test/client.js';
import { SESSION_COOKIE } from '../accounts/sessions.js';

// app.inject goes around the HTTP server and so around the fast path: these tests listen for real.

const PORTAL = 'portal.pontianak.go.id';
const EDITOR = 'admin1@dinkes.pontianak.go.id';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}

/** One request over a real socket, the body as sent (compressed, if it was). */
function request(port: number, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path,
      method,
      headers: { host: PORTAL, ...headers },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.end();
  });
}

/** The headers a page has, without those each answer has its own of. */
const perPage = (a: Answer) => ({ ...a.headers, date: undefined, 'x-request-id': undefined });
const fastHits = (app: FastifyInstance) => app.pageCache.stats().fastHits;

async function publish(app: FastifyInstance, title: string, body = '<p>Isi</p>'): Promise<void> {
  const editor = await signedIn(app, EDITOR);
  await editor.get('/admin/opd/dinkes/berita/baru');
  const res = await editor.post('/admin/opd/dinkes/berita', {
    title,
    body_html: body,
    intent: 'publish',
  });
  assert.equal(res.statusCode, 303);
}

/** A second app on the same database, as another process would be. */
async function secondApp(t: TestContext, config: Config): Promise<FastifyInstance> {
  const { app } = await buildApp(config, { scheduler: false });
  t.after(() => app.close());
  return app;
}

for (const dialect of dialects()) {
  describe(`the fast path (${dialect})`, () => {
    it('answers a kept page with the bytes and headers of its first render, security headers included', async (t) => {
      const { app } = await buildTestApp(t, dialect, { BALAIRUNG_BASE_URL: `https://${PORTAL}` });
      const port = await listen(app);
      const enc = { 'accept-encoding': 'br, gzip' };
      const fresh = await request(port, '/', enc);
      const kept = await request(port, '/', enc);
      assert.equal(fastHits(app), 1);
      assert.equal(kept.status, 200);
      assert.deepEqual(kept.body, fresh.body);
      assert.deepEqual(perPage(kept), perPage(fresh));
      assert.equal(kept.headers['content-length'], String(kept.body.length));
      assert.match(String(kept.headers['strict-transport-security']), /max-age=31536000/);
      assert.match(String(kept.headers['content-security-policy']), /frame-ancestors 'none'/);
      assert.equal(kept.headers['permissions-policy'], fresh.headers['permissions-policy']);
      if (fresh.headers['x-request-id']) {
        assert.ok(kept.headers['x-request-id'], 'a kept page names its request too');
        assert.notEqual(kept.headers['x-request-id'], fresh.headers['x-request-id']);
      }
    });

    it('gives a large page (compressed as a stream) its ETag and length from the first answer', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const paragraphs = Array.from({ length: 1800 }, (_, i) => `<p>Paragraf ${i} tentang banjir rob.</p>`);
      await publish(app, 'Laporan Panjang Banjir Rob', paragraphs.join(''));
      const port = await listen(app);
      const url = /href="([^"]*laporan-panjang-banjir-rob)"/.exec(
        (await request(port, '/berita')).body.toString(),
      )?.[1];
      assert.ok(url);
      const enc = { 'accept-encoding': 'br' };
      const fresh = await request(port, url, enc);
      const kept = await request(port, url, enc);
      assert.equal(fresh.headers['content-encoding'], 'br');
      // Past @fastify/compress's largest sync threshold (64 KiB): it compresses as a stream.
      assert.ok(brotliDecompressSync(fresh.body).length > 65_536);
      assert.ok(fresh.headers.etag);
      assert.equal(fresh.headers['content-length'], String(fresh.body.length));
      assert.deepEqual(kept.body, fresh.body);
      assert.deepEqual(perPage(kept), perPage(fresh));
      assert.equal(fastHits(app), 1);
    });

    it('answers HEAD with the headers and no body, and a held ETag with 304', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const port = await listen(app);
      const fresh = await request(port, '/berita');
      const head = await request(port, '/berita', {}, 'HEAD');
      assert.equal(head.status, 200);
      assert.equal(head.body.length, 0);
      assert.equal(head.headers['content-length'], String(fresh.body.length));
      assert.equal(head.headers.etag, fresh.headers.etag);
      const etag = String(fresh.headers.etag);
      const revalidated = await request(port, '/berita', { 'if-none-match': `W/${etag}` });
      assert.equal(revalidated.status, 304);
      assert.equal(revalidated.body.length, 0);
      assert.equal(revalidated.headers.etag, etag);
      assert.equal(
        revalidated.headers['cache-control'],
        'public, max-age=0, s-maxage=1, stale-while-revalidate=60',
      );
      assert.equal(fastHits(app), 2);
    });

    it('never gives a signed-in visitor the kept page', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const port = await listen(app);
      await request(port, '/');
      assert.match((await request(port, '/')).body.toString(), /href="\/masuk"/);
      const before = fastHits(app);
      const editor = await signedIn(app, EDITOR);
      const own = await request(port, '/', { cookie: `${SESSION_COOKIE}=${editor.cookie(SESSION_COOKIE)}` });
      assert.match(own.body.toString(), /href="\/admin"/);
      assert.equal(own.headers['cache-control'], 'no-store');
      assert.equal(fastHits(app), before);
    });

    it('shows a post published through another process on the next request', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const other = await secondApp(t, config);
      const port = await listen(app);
      await request(port, '/berita');
      assert.doesNotMatch((await request(port, '/berita')).body.toString(), /Pasar Murah Ramadan/);
      assert.equal(fastHits(app), 1);
      await publish(other, 'Pasar Murah Ramadan');
      assert.match((await request(port, '/berita')).body.toString(), /Pasar Murah Ramadan/);
    });

    it('shows a post published through this process at once, within the version window too', async (t) => {
      const { config } = await buildTestApp(t, dialect);
      // Outside tests the version is trusted for 100 ms; a write of this process's own ends that.
      const app = await secondApp(t, { ...config, env: 'development' });
      const port = await listen(app);
      await request(port, '/berita');
      await request(port, '/berita');
      assert.equal(fastHits(app), 1);
      await publish(app, 'Lomba Perahu Bidar');
      assert.match((await request(port, '/berita')).body.toString(), /Lomba Perahu Bidar/);
    });
  });
}
