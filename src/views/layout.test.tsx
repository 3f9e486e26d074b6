import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../test/app.js';
import { TestClient } from '../test/client.js';

const current = (html: string) =>
  [...html.matchAll(/<a href="([^"]+)" aria-current="page">/g)].map((m) => m[1]);

describe('the site navigation', () => {
  it('marks exactly one link as the current page, the most specific', async (t) => {
    const { app } = await buildTestApp(t, 'sqlite');
    const client = new TestClient(app);
    assert.deepEqual(current((await client.get('/')).body), ['/']);
    assert.deepEqual(current((await client.get('/opd')).body), ['/opd']);
    assert.deepEqual(current((await client.get('/opd/dinkes')).body), ['/opd']);
    assert.deepEqual(current((await client.get('/opd/dinkes/berita')).body), ['/opd/dinkes/berita']);
    assert.deepEqual(current((await client.get('/berita')).body), ['/berita']);
  });
});
