import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import type { Dialect } from '../db/database.js';
import { SCHEMA_CHANGE_LOCK } from '../db/migrate.js';

export const DEMO_PASSWORD = 'demo-password-123';
export const TEST_SECRET = 'test-secret-test-secret-test-secret-000';

/**
 * The dialects every database-touching suite runs on: SQLite always, PostgreSQL wherever
 * TEST_DATABASE_URL is set. Under CI=true a missing PostgreSQL fails the run instead of skipping.
 */
export function dialects(): Dialect[] {
  if (process.env.TEST_DATABASE_URL) return ['sqlite', 'postgres'];
  if (process.env.CI === 'true')
    throw new Error('CI=true but TEST_DATABASE_URL is not set: PostgreSQL must be tested in CI');
  return ['sqlite'];
}

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  dialect: Dialect;
}

/** A PostgreSQL schema of its own for one test, dropped afterwards. */
export async function freshPostgresSchema(t: TestContext, prefix = 't'): Promise<string> {
  const schema = await createPostgresSchema(prefix);
  t.after(() => dropPostgresSchema(schema));
  return schema;
}

async function createPostgresSchema(prefix: string): Promise<string> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withClient(process.env.TEST_DATABASE_URL!, (c) => c.query(`create schema ${schema}`));
  return schema;
}

/** Under the lock migrations hold, so no migration elsewhere sees the schema vanish mid-way. */
function dropPostgresSchema(schema: string): Promise<void> {
  return withClient(process.env.TEST_DATABASE_URL!, async (c) => {
    await c.query('select pg_advisory_lock(hashtext($1))', [SCHEMA_CHANGE_LOCK]);
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.query('select pg_advisory_unlock(hashtext($1))', [SCHEMA_CHANGE_LOCK]);
  });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Boots the real app on a real, fresh database (seeded with the demo city unless told otherwise). */
export async function buildTestApp(
  t: TestContext,
  dialect: Dialect,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'balairung-test-'));
  const base = loadConfig({
    NODE_ENV: 'test',
    BALAIRUNG_DATA_DIR: dataDir,
    BALAIRUNG_SECRET: TEST_SECRET,
    BALAIRUNG_DEMO_PASSWORD: DEMO_PASSWORD,
    ...(dialect === 'postgres' ? { DATABASE_URL: process.env.TEST_DATABASE_URL! } : {}),
    ...env,
  });
  const schema = dialect === 'postgres' ? await createPostgresSchema('t') : undefined;
  const config: Config = { ...base, databaseSchema: schema };
  const cleanUp = async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (schema) await dropPostgresSchema(schema);
  };
  let app;
  try {
    ({ app } = await buildApp(config));
  } catch (err) {
    await cleanUp();
    throw err;
  }
  // The app closes before its schema is dropped (t.after hooks run in the order they are added).
  const built = app;
  t.after(async () => {
    await built.close();
    await cleanUp();
  });
  return { app, config, dialect };
}
