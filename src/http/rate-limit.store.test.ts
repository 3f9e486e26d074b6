import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { buildTestApp, dialects } from '../test/app.js';
import { purgeExpiredRateLimits } from './rate-limit.store.js';

/** Redis for these tests; CI sets none, so the Redis case runs where a developer points it at one. */
const TEST_REDIS_URL = process.env.TEST_REDIS_URL;

/** A second app process on the same database (and Redis), in this process. */
async function secondApp(t: TestContext, config: Config): Promise<FastifyInstance> {
  const { app } = await buildApp(config);
  t.after(() => app.close());
  return app;
}

/** Sign-in (10 a minute per address) from one address, alternating between the two processes. */
async function statuses(apps: FastifyInstance[], requests: number): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < requests; i++) {
    const app = apps[i % apps.length]!;
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: {} });
    seen.push(res.statusCode);
  }
  return seen;
}

const firstRefused = (seen: number[]) => seen.indexOf(429);

describe('the sign-in limit shared by two app processes', () => {
  if (dialects().includes('postgres')) {
    it('counts in PostgreSQL: the 11th request is refused, whichever process it reaches', async (t) => {
      const { app, config } = await buildTestApp(t, 'postgres');
      const other = await secondApp(t, config);
      const seen = await statuses([app, other], 12);
      assert.equal(firstRefused(seen), 10, `statuses ${seen.join(', ')}`);
      assert.equal(seen[11], 429);
    });
  }

  it(
    'counts in Redis when REDIS_URL is set',
    { skip: !TEST_REDIS_URL && 'TEST_REDIS_URL unset' },
    async (t) => {
      const prefix = `test-${randomBytes(6).toString('hex')}:`;
      const { app, config } = await buildTestApp(t, dialects().at(-1)!, {
        REDIS_URL: TEST_REDIS_URL!,
        BALAIRUNG_REDIS_PREFIX: prefix,
      });
      const other = await secondApp(t, config);
      const seen = await statuses([app, other], 12);
      assert.equal(firstRefused(seen), 10, `statuses ${seen.join(', ')}`);
      assert.equal(seen[11], 429);
    },
  );

  it('counts in memory per process on SQLite (one process per SQLite installation)', async (t) => {
    const { app } = await buildTestApp(t, 'sqlite');
    const seen = await statuses([app], 11);
    assert.equal(firstRefused(seen), 10);
  });
});

describe('REDIS_URL', () => {
  it('refuses to start with an address that is not a redis:// URL', () => {
    for (const value of ['localhost:6379', 'http://127.0.0.1:6379', 'redis//x'])
      assert.throws(() => loadConfig({ REDIS_URL: value, BALAIRUNG_SECRET: 'x'.repeat(32) }), ConfigError);
  });
});

for (const dialect of dialects()) {
  describe(`purging expired counters (${dialect})`, () => {
    it('drops counters whose window has ended and keeps the live ones', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const at = new Date('2026-12-01T03:00:00Z');
      const row = (key: string, minutes: number) => ({
        key,
        count: 3,
        windowStartedAt: new Date(at.getTime() + (minutes - 60) * 60_000).toISOString(),
        expiresAt: new Date(at.getTime() + minutes * 60_000).toISOString(),
      });
      await app.db
        .insertInto('rateLimits')
        .values([row('ended|203.0.113.9', -5), row('live|203.0.113.9', 5)])
        .execute();
      assert.equal(await purgeExpiredRateLimits(app.db, at), 1);
      const left = await app.db.selectFrom('rateLimits').select('key').execute();
      assert.deepEqual(
        left.map((r) => r.key),
        ['live|203.0.113.9'],
      );
    });
  });
}
