import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../test/app.js';

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
