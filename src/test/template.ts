import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.js';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { ensureInstallation } from '../seed/seed.js';

/*
 * Migrating and seeding a fresh database costs ~0.3 s on SQLite and ~1 s on PostgreSQL, and the
 * suites build several hundred apps. So within one test run (scripts/run-tests.mjs sets
 * BALAIRUNG_TEST_RUN) each distinct seed is made once, as a template, and every test gets a copy of
 * it: the data folder copied (SQLite), or CREATE DATABASE … TEMPLATE (PostgreSQL, ~0.1 s). The copy
 * then goes through buildApp like any database: its migrations and seed find nothing left to do.
 * The run id names the templates, so a run never takes one made by older code, and the runner
 * removes them when it ends. Without a run id (a file run by hand) every test migrates and seeds.
 */

/** The schema the app's tables live in inside a PostgreSQL template and its copies. */
export const TEMPLATE_SCHEMA = 'balairung';

const runId = process.env.BALAIRUNG_TEST_RUN;
/** Templates (data folders and databases) of one run start with this; the runner removes them. */
export const templatePrefix = (run: string) => `balairung_tpl_${run}`;

export const templatesEnabled = (): boolean => Boolean(runId && /^[a-z0-9]{1,20}$/.test(runId));

/** What the seed reads of the config decides the template; everything else may differ per test. */
function templateName(config: Config): string {
  const seedInputs = JSON.stringify([config.seed, config.demoPassword, config.baseUrl, config.env]);
  const key = createHash('sha256').update(seedInputs).digest('hex').slice(0, 12);
  return `${templatePrefix(runId!)}_${key}`;
}

async function migrateAndSeed(config: Config, target: { dataDir: string; url?: string }): Promise<void> {
  const database = createDatabase({
    url: target.url,
    schema: target.url ? TEMPLATE_SCHEMA : undefined,
    dataDir: target.dataDir,
  });
  try {
    await migrateToLatest(database);
    await ensureInstallation(database.db, config);
  } finally {
    await database.close();
  }
}

/** Fills `dataDir` (empty) with a copy of the SQLite template for `config`, made first if need be. */
export async function copySqliteTemplate(config: Config, dataDir: string): Promise<void> {
  const template = path.join(tmpdir(), templateName(config));
  if (!existsSync(template)) {
    // Made aside and renamed into place: a process that loses the race keeps the winner's.
    const making = `${template}.${process.pid}.${randomBytes(4).toString('hex')}`;
    mkdirSync(making, { recursive: true });
    try {
      await migrateAndSeed(config, { dataDir: making });
      renameSync(making, template);
    } catch (err) {
      rmSync(making, { recursive: true, force: true });
      if (!existsSync(template)) throw err;
    }
  }
  cpSync(template, dataDir, { recursive: true });
}

/** The same server address with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** One connection to the PostgreSQL server at `url` for `work`, closed afterwards. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A new PostgreSQL database, a copy of the template for `config` (made first if need be), on the
 * server of `adminUrl`; returns its address and a function that drops it.
 */
export async function copyPostgresTemplate(
  config: Config,
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = templateName(config);
  await withClient(adminUrl, async (client) => {
    // One process makes it while the others wait; it is renamed into place only once complete.
    await client.query('select pg_advisory_lock(hashtext($1))', [template]);
    try {
      const found = await client.query('select 1 from pg_database where datname = $1', [template]);
      if (found.rowCount) return;
      const making = `${template}_new`;
      await client.query(`drop database if exists ${making} with (force)`);
      await client.query(`create database ${making}`);
      await migrateAndSeed(config, { dataDir: config.dataDir, url: withDatabase(adminUrl, making) });
      await client.query(`alter database ${making} rename to ${template}`);
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
  // Named under the run's prefix too, so the runner removes any a crashed test left behind.
  const name = `${templatePrefix(runId!)}_copy_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`create database ${name} template ${template}`));
  return {
    url: withDatabase(adminUrl, name),
    // Not forced: an app a test still holds open keeps its database until the runner removes it.
    drop: () =>
      withClient(adminUrl, (c) => c.query(`drop database if exists ${name}`)).then(
        () => undefined,
        () => undefined,
      ),
  };
}
