import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import type { Dialect } from '../db/database.js';
import { SCHEMA_CHANGE_LOCK } from '../db/migrate.js';
import {
  copyPostgresTemplate,
  copySqliteTemplate,
  TEMPLATE_SCHEMA,
  templatesEnabled,
  withClient,
} from './template.js';

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

/**
 * The test's own database: a copy of this run's migrated and seeded template (src/test/template.ts),
 * or, outside a run of scripts/run-tests.mjs, an empty one (a PostgreSQL schema) that buildApp fills.
 */
async function freshDatabase(
  base: Config,
  dialect: Dialect,
): Promise<{ config: Config; drop: () => Promise<void> }> {
  if (templatesEnabled() && dialect === 'postgres') {
    const copy = await copyPostgresTemplate(base, process.env.TEST_DATABASE_URL!);
    return { config: { ...base, databaseUrl: copy.url, databaseSchema: TEMPLATE_SCHEMA }, drop: copy.drop };
  }
  if (templatesEnabled()) {
    await copySqliteTemplate(base, base.dataDir);
    return { config: base, drop: async () => {} };
  }
  if (dialect === 'sqlite') return { config: base, drop: async () => {} };
  const schema = await createPostgresSchema('t');
  return { config: { ...base, databaseSchema: schema }, drop: () => dropPostgresSchema(schema) };
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
  const database = await freshDatabase(base, dialect).catch((err: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  const config = database.config;
  const cleanUp = async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
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

/**
 * Node's arguments to run src/server.ts as a child process, from the repository root: plain node
 * where the suites run compiled (.test-build/, by scripts/run-tests.mjs), tsx where they run from
 * the TypeScript sources.
 */
export const SERVER_ARGS = import.meta.url.endsWith('.js')
  ? ['--enable-source-maps', 'src/server.js']
  : ['--import', 'tsx', 'src/server.ts'];
