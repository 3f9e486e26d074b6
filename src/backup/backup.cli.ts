import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import type { Manifest } from './manifest.js';
import { backupMessages as m } from './messages.js';
import { BackupError, createBackup, restoreBackup } from './sqlite-backup.js';

/*
 * `npm run balairung -- backup [--to DIR]` and `restore --from DIR [--force]`, called by src/cli.ts.
 * Each returns the exit code. On PostgreSQL they print the pg_dump / pg_restore procedure instead
 * (docs/backup.md) and exit 2, so a scheduled job cannot mistake it for a backup taken.
 */

export const BACKUP_USAGE = `  backup [--to FOLDER]
      Mencadangkan basis data SQLite (selagi situs berjalan) beserta foto dan lampiran aduan
      ke folder baru bertanggal di FOLDER (bawaan: ./backups), dengan manifest.json.
  restore --from FOLDER_CADANGAN [--force]
      Memulihkan cadangan ke BALAIRUNG_DATA_DIR yang kosong, lalu memeriksanya.
      --force menimpa basis data dan unggahan yang ada (hentikan server dulu).
`;

type Output = { out: (line: string) => void; err: (line: string) => void };

/** Uploads in a bucket are outside what these commands copy: say so every time, never silently. */
function noteObjectStorage(config: Config, write: (line: string) => void) {
  if (config.storage) write(m.objectStorage(`s3://${config.storage.bucket}/${config.storage.prefix}`));
}

function summary(manifest: Manifest, io: Output) {
  const rows = Object.values(manifest.database.tables).reduce((a, b) => a + b, 0);
  io.out(m.database(rows, manifest.database.bytes));
  for (const [name, f] of Object.entries(manifest.folders)) io.out(m.folder(name, f.files, f.bytes));
  io.out(manifest.secret ? m.secret : m.noSecret);
}

async function reportErrors(io: Output, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    io.err(err.message);
    return 1;
  }
}

export async function backupCommand(args: string[], config: Config, io: Output): Promise<number> {
  const { values } = parseArgs({ args, options: { to: { type: 'string' } }, strict: true });
  if (config.databaseUrl) {
    io.err(m.postgres);
    noteObjectStorage(config, io.err);
    return 2;
  }
  return reportErrors(io, async () => {
    const { dir, manifest } = await createBackup(config.dataDir, path.resolve(values.to ?? 'backups'));
    io.out(m.backedUp(dir));
    summary(manifest, io);
    noteObjectStorage(config, io.out);
    return 0;
  });
}

export async function restoreCommand(args: string[], config: Config, io: Output): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, force: { type: 'boolean', default: false } },
    strict: true,
  });
  if (config.databaseUrl) {
    io.err(m.postgres);
    return 2;
  }
  if (!values.from) {
    io.err(m.missingFrom);
    return 2;
  }
  const from = path.resolve(values.from);
  return reportErrors(io, async () => {
    const { manifest } = await restoreBackup(from, config.dataDir, values.force);
    io.out(m.restored(config.dataDir));
    summary(manifest, io);
    noteObjectStorage(config, io.out);
    return 0;
  });
}
