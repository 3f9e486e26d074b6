import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp } from '../test/app.js';

describe('API documentation', () => {
  it('publishes an OpenAPI document of every /api/v1 endpoint and no page routes', async (t) => {
    const { app } = await buildTestApp(t, 'sqlite');
    const res = await app.inject('/api/openapi.json');
    assert.equal(res.statusCode, 200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    assert.match(doc.openapi, /^3\./);
    const operations = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`),
    );
    for (const op of [
      'POST /api/v1/auth/token',
      'GET /api/v1/me',
      'GET /api/v1/agencies',
      'POST /api/v1/agencies',
      'POST /api/v1/users',
    ]) {
      assert.ok(operations.includes(op), `${op} is documented`);
    }
    assert.ok(
      operations.every((op) => op.includes('/api/v1/')),
      'pages are not in the API document',
    );
  });

  it('renders a readable page of the same endpoints without JavaScript', async (t) => {
    const { app } = await buildTestApp(t, 'sqlite');
    const res = await app.inject('/api/docs');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Dokumentasi API<\/h1>/);
    assert.match(res.body, /POST \/api\/v1\/users/);
    assert.match(res.body, /<code>memberships<\/code>/);
    assert.doesNotMatch(res.body, /<script/);
  });
});
