import { chmod, copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  DATABASE_FILE,
  entryFor,
  filesUnder,
  MANIFEST,
  readManifest,
  safeRelative,
  SECRET_FILE,
  UPLOAD_FOLDERS,
  type FileEntry,
  type Manifest,
} from './manifest.js';
import { backupMessages as m } from './messages.js';

/*
 * A backup of the embedded (SQLite) installation, taken while the site serves.
 *
 * The database: SQLite's online backup API (better-sqlite3's db.backup()) from a connection of our own.
 * Every page is copied in one step, inside one read transaction: in WAL mode that is a consistent
 * snapshot of the last commit and it never blocks the server's writers (they append to the WAL).
 *
 * The uploads (media/, complaint-files/) are copied after the snapshot. Their files are written once
 * under a new unique key before the row that names them commits, and never changed, so every file the
 * snapshot names is already on disk when we copy. Files uploaded after the snapshot are copied too and
 * are harmless orphans in a restore. The one gap: a file deleted between the snapshot and its copy
 * (a photo removed in that second) is missing from the backup while the snapshot still names it.
 */

export class BackupError extends Error {}

export interface BackupResult {
  dir: string;
  manifest: Manifest;
}

const stampOf = (at: Date) => at.toISOString().replace(/[:.]/g, '-');

/** The snapshot, turned into one self-contained file (rollback journal, no -wal beside it). */
async function snapshotDatabase(dataDir: string, target: string): Promise<Record<string, number>> {
  const source = path.join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) throw new BackupError(m.noDatabase(source));
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // The largest step there is: the whole database in one transfer, so one read transaction.
    await db.backup(target, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  return checkDatabase(target, (copy) => copy.pragma('journal_mode = DELETE'));
}

/** integrity_check, then the row count of every table; throws when the file is damaged. */
function checkDatabase(file: string, before?: (db: SQLite.Database) => void): Record<string, number> {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    before?.(db);
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new BackupError(m.damaged(String(result)));
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .pluck()
      .all() as string[];
    const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
    return Object.fromEntries(
      tables.map((t) => [
        t,
        db
          .prepare(`select count(*) from ${quote(t)}`)
          .pluck()
          .get() as number,
      ]),
    );
  } finally {
    db.close();
  }
}

/** Copies one file, creating its folder; false when it vanished meanwhile (deleted after the snapshot). */
async function copyInto(fromRoot: string, toRoot: string, relative: string): Promise<boolean> {
  await mkdir(path.dirname(path.join(toRoot, relative)), { recursive: true });
  try {
    await copyFile(path.join(fromRoot, relative), path.join(toRoot, relative));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

async function copyUploads(dataDir: string, target: string) {
  const files: FileEntry[] = [];
  const folders: Manifest['folders'] = {};
  for (const folder of UPLOAD_FOLDERS) {
    folders[folder] = { files: 0, bytes: 0 };
    for (const relative of await filesUnder(dataDir, folder)) {
      if (!(await copyInto(dataDir, target, relative))) continue;
      const entry = await entryFor(target, relative);
      files.push(entry);
      folders[folder].files += 1;
      folders[folder].bytes += entry.bytes;
    }
  }
  return { files, folders };
}

/** Backs the data folder up into a new folder under `to`; it appears under its final name only when whole. */
export async function createBackup(dataDir: string, to: string, at = new Date()): Promise<BackupResult> {
  const dir = path.join(to, `balairung-${stampOf(at)}`);
  const partial = `${dir}.partial`;
  // It holds citizens' personal data: readable by the owner only.
  await mkdir(partial, { recursive: true, mode: 0o700 });
  try {
    const tables = await snapshotDatabase(dataDir, path.join(partial, DATABASE_FILE));
    await chmod(path.join(partial, DATABASE_FILE), 0o600);
    const uploads = await copyUploads(dataDir, partial);
    const hasSecret = await copyInto(dataDir, partial, SECRET_FILE);
    if (hasSecret) await chmod(path.join(partial, SECRET_FILE), 0o600);
    const manifest: Manifest = {
      format: 1,
      createdAt: at.toISOString(),
      dialect: 'sqlite',
      database: { ...(await entryFor(partial, DATABASE_FILE)), tables },
      ...uploads,
      secret: hasSecret ? await entryFor(partial, SECRET_FILE) : null,
    };
    await writeFile(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    await rename(partial, dir);
    return { dir, manifest };
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    throw err;
  }
}

/** Every file the manifest names, checked against its size and sha256 before anything is copied. */
async function verifyBackup(from: string, manifest: Manifest): Promise<FileEntry[]> {
  const entries = [manifest.database, ...manifest.files, ...(manifest.secret ? [manifest.secret] : [])];
  const bad: string[] = [];
  for (const expected of entries) {
    const relative = safeRelative(expected.path);
    const actual = existsSync(path.join(from, relative)) ? await entryFor(from, relative) : undefined;
    if (actual?.sha256 !== expected.sha256 || actual.bytes !== expected.bytes) bad.push(relative);
  }
  if (bad.length) throw new BackupError(m.corrupt(bad));
  return entries;
}

/** A data folder counts as empty with nothing in it but the .secret that loading the config may create. */
async function assertEmpty(dataDir: string, force: boolean): Promise<void> {
  const present = existsSync(dataDir) ? (await readdir(dataDir)).filter((n) => n !== SECRET_FILE) : [];
  if (!present.length) return;
  if (!force) throw new BackupError(m.notEmpty(dataDir, present));
  const owned = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, ...UPLOAD_FOLDERS];
  for (const name of owned) await rm(path.join(dataDir, name), { recursive: true, force: true });
}

export interface RestoreResult {
  manifest: Manifest;
  files: number;
}

/** Restores a backup folder into the data folder (empty, or cleared with force), verifying as it goes. */
export async function restoreBackup(from: string, dataDir: string, force = false): Promise<RestoreResult> {
  const manifest = await readManifest(from).catch((err: unknown) => {
    throw new BackupError(m.noManifest(from, (err as Error).message));
  });
  await verifyBackup(from, manifest);
  await assertEmpty(dataDir, force);
  await mkdir(dataDir, { recursive: true });
  const restoring = path.join(dataDir, `${DATABASE_FILE}.restoring`);
  await copyFile(path.join(from, DATABASE_FILE), restoring);
  const tables = checkDatabase(restoring);
  if (JSON.stringify(tables) !== JSON.stringify(manifest.database.tables))
    throw new BackupError(m.countsDiffer);
  await rename(restoring, path.join(dataDir, DATABASE_FILE));
  const copies = [...manifest.files, ...(manifest.secret ? [manifest.secret] : [])];
  for (const entry of copies) {
    const relative = safeRelative(entry.path);
    await copyInto(from, dataDir, relative);
    if ((await entryFor(dataDir, relative)).sha256 !== entry.sha256)
      throw new BackupError(m.corrupt([relative]));
  }
  if (manifest.secret) await chmod(path.join(dataDir, SECRET_FILE), 0o600);
  return { manifest, files: manifest.files.length };
}
