import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public');
export const ASSET_PREFIX = '/aset/';

const versions = new Map<string, string>();

/** A URL for a file in public/ that changes when the file does, so it can be cached for a year. */
export function asset(file: string): string {
  let version = versions.get(file);
  if (version === undefined) {
    version = createHash('sha256')
      .update(readFileSync(path.join(PUBLIC_DIR, file)))
      .digest('hex')
      .slice(0, 10);
    versions.set(file, version);
  }
  return `${ASSET_PREFIX}${file}?v=${version}`;
}
