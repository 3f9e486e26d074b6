import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  Migrator,
  NO_MIGRATIONS,
  sql,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';
import type { Database, DatabaseHandle } from './database.js';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// .ts under src/ (tsx), .js under dist/ (the compiled production build, scripts/build-server.mjs)
const MIGRATION_FILE = /^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+\.[jt]s$/;

/** Reads the dated files in ./migrations; their names order them. */
class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const file of (await readdir(folder)).filter((f) => MIGRATION_FILE.test(f)).sort()) {
      migrations[file.replace(/\.[jt]s$/, '')] = (await import(
        pathToFileURL(path.join(folder, file)).href
      )) as Migration;
    }
    return migrations;
  }
}

/**
 * Held (PostgreSQL advisory lock) while migrating, and by anything that drops a schema in the same
 * database: Kysely's migrator lists the tables of every schema before it takes its own lock, and that
 * listing fails when another schema disappears under it.
 */
export const SCHEMA_CHANGE_LOCK = 'balairung:schema-change';

type Run = (migrator: Migrator) => Promise<MigrationResultSet>;

/**
 * Kysely looks for its bookkeeping tables in every PostgreSQL schema unless told which one, so a
 * second installation (or test run) in the same database would be mistaken for this one.
 */
async function migrate(handle: DatabaseHandle, run: Run): Promise<MigrationResultSet> {
  const migratorOn = (db: Kysely<Database>) =>
    new Migrator({
      db: db.withoutPlugins(),
      provider: new FolderMigrationProvider(),
      ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
    });
  if (handle.dialect === 'sqlite') return run(migratorOn(handle.db));
  return handle.db.connection().execute(async (conn) => {
    // A migration (or the wait for another process's) may take longer than the statement timeout
    // requests run under; this connection goes back to the pool with the timeout it came with.
    await sql`set statement_timeout = 0`.execute(conn);
    await sql`select pg_advisory_lock(hashtext(${SCHEMA_CHANGE_LOCK}))`.execute(conn);
    try {
      return await run(migratorOn(conn));
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${SCHEMA_CHANGE_LOCK}))`.execute(conn);
      await sql`reset statement_timeout`.execute(conn);
    }
  });
}

export async function migrateToLatest(handle: DatabaseHandle): Promise<void> {
  const { error, results } = await migrate(handle, (m) => m.migrateToLatest());
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migrasi gagal${failed ? ` pada ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}

export async function migrateDownAll(handle: DatabaseHandle): Promise<void> {
  const { error } = await migrate(handle, (m) => m.migrateTo(NO_MIGRATIONS));
  if (error) throw new Error(`Migrasi turun gagal: ${String(error)}`);
}
