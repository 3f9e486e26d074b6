import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploaded files live. The local folder is the default; object storage (S3, `s3.ts`) implements
 * the same interface, so callers never know which one they hold.
 */
export interface Storage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
  /** removes a key and everything under it as a prefix */
  remove(prefix: string): Promise<void>;
  /** the public URL path of a key */
  url(key: string): string;
}

export const MEDIA_URL_PREFIX = '/media/';

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]*$/;

/** Keys are made by us, never from a file name; this guards against a bug turning into traversal. */
export const isSafeKey = (key: string): boolean => SAFE_KEY.test(key) && !key.includes('..');

export function checkKey(key: string): string {
  if (!isSafeKey(key)) throw new Error(`unsafe storage key: ${key}`);
  return key;
}

export function createLocalStorage(root: string): Storage {
  const file = (key: string) => path.join(root, checkKey(key));
  return {
    async put(key, data) {
      await mkdir(path.dirname(file(key)), { recursive: true });
      await writeFile(file(key), data);
    },
    async get(key) {
      try {
        return await readFile(file(key));
      } catch {
        return undefined;
      }
    },
    async remove(prefix) {
      await rm(file(prefix), { recursive: true, force: true });
    },
    url: (key) => `${MEDIA_URL_PREFIX}${checkKey(key)}`,
  };
}
