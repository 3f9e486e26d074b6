import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** What a backup folder holds, written last as manifest.json: restore checks every file against it. */
export interface Manifest {
  format: 1;
  createdAt: string;
  dialect: 'sqlite';
  database: FileEntry & { tables: Record<string, number> };
  /** the data folder's uploads, by folder: counts and bytes as a person reads them */
  folders: Record<string, { files: number; bytes: number }>;
  /** every copied file (the database and .secret are listed above and below, not here) */
  files: FileEntry[];
  /** the data folder's .secret, when it has one: citizens' access keys and file links are signed with it */
  secret: FileEntry | null;
}

export interface FileEntry {
  /** relative to the backup folder, always with forward slashes */
  path: string;
  bytes: number;
  sha256: string;
}

export const MANIFEST = 'manifest.json';
export const DATABASE_FILE = 'balairung.sqlite';
export const SECRET_FILE = '.secret';
/** The folders under the data folder that hold uploads: public photos and complaint attachments. */
export const UPLOAD_FOLDERS = ['media', 'complaint-files'] as const;

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function entryFor(root: string, relative: string): Promise<FileEntry> {
  const file = path.join(root, relative);
  return {
    path: relative.split(path.sep).join('/'),
    bytes: (await stat(file)).size,
    sha256: await sha256Of(file),
  };
}

/** Every regular file under root/folder, relative to root; an absent folder has none. */
export async function filesUnder(root: string, folder: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

export async function readManifest(dir: string): Promise<Manifest> {
  const parsed = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as Partial<Manifest>;
  if (parsed.format !== 1 || parsed.dialect !== 'sqlite' || !parsed.database || !Array.isArray(parsed.files))
    throw new Error('manifest.json tidak dikenali');
  return parsed as Manifest;
}

/** A manifest path must stay inside the backup folder: it is read from disk, so it is checked. */
export function safeRelative(relative: string): string {
  const normal = path.posix.normalize(relative);
  if (path.posix.isAbsolute(normal) || normal.startsWith('..') || normal.includes('\0'))
    throw new Error(`jalur berkas tidak sah di manifest: ${relative}`);
  return normal;
}
