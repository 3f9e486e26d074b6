import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';

for (const dialect of dialects()) {
  describe(`error pages (${dialect})`, () => {
    it('answers a malformed address with an Indonesian 400 page, and JSON under /api', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const page = await app.inject('/opd/%ff');
      assert.equal(page.statusCode, 400);
      assert.match(page.headers['content-type'] as string, /text\/html/);
      assert.match(page.body, /Alamat halaman tidak sah/);
      const api = await app.inject('/api/v1/%E0%A4%A');
      assert.equal(api.statusCode, 400);
      assert.equal((api.json() as { error: { code: string } }).error.code, 'bad_url');
    });

    it('answers broken JSON and unknown content types with a JSON 4xx', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const broken = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/token',
        headers: { 'content-type': 'application/json' },
        payload: '{"email":',
      });
      assert.equal(broken.statusCode, 400);
      assert.deepEqual(broken.json(), {
        error: { code: 'invalid_json', message: 'Isi permintaan bukan JSON yang sah.' },
      });
      const xml = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/token',
        headers: { 'content-type': 'text/xml' },
        payload: '<a/>',
      });
      assert.equal(xml.statusCode, 415);
    });
  });
}

describe('when the database is gone', () => {
  it('shows the Indonesian 500 page without details, and health reports 503', async (t) => {
    const { app } = await buildTestApp(t, 'sqlite');
    await app.db.destroy();
    const page = await app.inject('/opd');
    assert.equal(page.statusCode, 500);
    assert.match(page.body, /<html lang="id">/);
    assert.match(page.body, /Terjadi kesalahan/);
    assert.doesNotMatch(page.body, /at .*\.ts:\d+|Error:|sqlite/i, 'no stack trace or driver message');
    const api = await app.inject('/api/v1/agencies');
    assert.equal(api.statusCode, 500);
    assert.deepEqual(Object.keys((api.json() as { error: object }).error), ['code', 'message']);
    const health = await app.inject('/healthz');
    assert.equal(health.statusCode, 503);
  });
});
