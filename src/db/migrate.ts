import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, NO_MIGRATIONS, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseHandle } from './database.js';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_FILE = /^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+\.ts$/;

/** Reads the dated files in ./migrations; their names order them. */
class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const file of (await readdir(folder)).filter((f) => MIGRATION_FILE.test(f)).sort()) {
      migrations[file.replace(/\.ts$/, '')] = (await import(
        pathToFileURL(path.join(folder, file)).href
      )) as Migration;
    }
    return migrations;
  }
}

/**
 * Kysely looks for its bookkeeping tables in every PostgreSQL schema unless told which one, so a
 * second installation (or test run) in the same database would be mistaken for this one.
 */
function migratorFor(handle: DatabaseHandle): Migrator {
  return new Migrator({
    db: handle.db.withoutPlugins(),
    provider: new FolderMigrationProvider(),
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
}

export async function migrateToLatest(handle: DatabaseHandle): Promise<void> {
  const migrator = migratorFor(handle);
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migrasi gagal${failed ? ` pada ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}

export async function migrateDownAll(handle: DatabaseHandle): Promise<void> {
  const migrator = migratorFor(handle);
  const { error } = await migrator.migrateTo(NO_MIGRATIONS);
  if (error) throw new Error(`Migrasi turun gagal: ${String(error)}`);
}
