import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildTestApp } from '../test/app.js';
import { PUBLIC_DIR } from '../views/assets.js';

describe('compression', () => {
  it('sends pages and the stylesheet compressed to browsers that accept it', async (t) => {
    const { app } = await buildTestApp(t, 'sqlite');
    const page = await app.inject({ url: '/opd', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(page.headers['content-encoding'], 'gzip');
    assert.ok(page.rawPayload.length < Buffer.byteLength((await app.inject('/opd')).body) / 2);
    const css = /\/aset\/css\/main\.css\?v=[a-f0-9]+/.exec((await app.inject('/')).body)?.[0];
    assert.ok(css);
    const sheet = await app.inject({ url: css, headers: { 'accept-encoding': 'br' } });
    assert.equal(sheet.headers['content-encoding'], 'br');
    assert.equal(sheet.headers['cache-control'], 'public, max-age=31536000, immutable');
  });
});

describe('static assets', () => {
  const file = 'js/complaint-form.js';
  const onDisk = readFileSync(path.join(PUBLIC_DIR, file));

  it('sends each file as brotli, gzip or as it is, with its length and a year-long cache', async (t) => {
    const { app } = await buildTestApp(t, 'sqlite');
    const etags = new Set<string>();
    for (const [accept, encoding, decode] of [
      ['br, gzip', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
      ['', undefined, (b: Buffer) => b],
    ] as const) {
      const res = await app.inject({ url: `/aset/${file}?v=1`, headers: { 'accept-encoding': accept } });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-encoding'], encoding, accept);
      assert.deepEqual(decode(res.rawPayload), onDisk);
      assert.equal(res.headers['content-length'], String(res.rawPayload.length));
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(res.headers.vary, 'accept-encoding');
      assert.match(String(res.headers['content-type']), /javascript/);
      assert.ok(res.headers['last-modified']);
      assert.ok(res.headers['x-content-type-options'], 'security headers as on every answer');
      etags.add(String(res.headers.etag));
      if (encoding) assert.ok(res.rawPayload.length < onDisk.length / 2, `${encoding} is smaller`);
    }
    assert.equal(etags.size, 3, 'each representation its own tag');
  });

  it('answers a held ETag with 304 and HEAD without a body', async (t) => {
    const { app } = await buildTestApp(t, 'sqlite');
    const first = await app.inject({ url: `/aset/${file}`, headers: { 'accept-encoding': 'br' } });
    const again = await app.inject({
      url: `/aset/${file}`,
      headers: { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) },
    });
    assert.equal(again.statusCode, 304);
    assert.equal(again.rawPayload.length, 0);
    const head = await app.inject({
      method: 'HEAD',
      url: `/aset/${file}`,
      headers: { 'accept-encoding': 'br' },
    });
    assert.equal(head.statusCode, 200);
    assert.equal(head.rawPayload.length, 0);
    assert.equal(head.headers['content-length'], first.headers['content-length']);
  });

  it('sends images as they are, and nothing outside public/ or hidden', async (t) => {
    const { app } = await buildTestApp(t, 'sqlite');
    const png = await app.inject({
      url: '/aset/vendor/leaflet/images/marker-icon.png',
      headers: { 'accept-encoding': 'br' },
    });
    assert.equal(png.statusCode, 200);
    assert.equal(png.headers['content-encoding'], undefined);
    assert.equal(png.headers['content-type'], 'image/png');
    for (const url of [
      '/aset/../package.json',
      '/aset/%2e%2e/package.json',
      '/aset/css/',
      '/aset/.env',
      '/aset/none.js',
    ]) {
      assert.equal((await app.inject(url)).statusCode, 404, url);
    }
  });
});
