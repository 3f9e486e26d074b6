import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, NO_MIGRATIONS, type Kysely, type Migration, type MigrationProvider } from 'kysely';

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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db: db.withoutPlugins(), provider: new FolderMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migrasi gagal${failed ? ` pada ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see migrateToLatest
export async function migrateDownAll(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db: db.withoutPlugins(), provider: new FolderMigrationProvider() });
  const { error } = await migrator.migrateTo(NO_MIGRATIONS);
  if (error) throw new Error(`Migrasi turun gagal: ${String(error)}`);
}
