import type { Config } from '../config.js';
import { createDatabase, type DatabaseHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { ensureInstallation, type SeedResult } from './seed.js';

/**
 * For the CLI commands: the configured database, migrated and with its installation (the demo
 * city unless BALAIRUNG_SEED=none), given to `work` and closed after it whatever happens. No pool
 * settings or statement timeout: a command may run long, unlike a request.
 */
export async function withInstallation<T>(
  config: Config,
  work: (handle: DatabaseHandle, seed: SeedResult) => Promise<T>,
): Promise<T> {
  const handle = createDatabase({
    url: config.databaseUrl,
    schema: config.databaseSchema,
    dataDir: config.dataDir,
  });
  try {
    await migrateToLatest(handle);
    return await work(handle, await ensureInstallation(handle.db, config));
  } finally {
    await handle.close();
  }
}
