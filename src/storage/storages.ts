import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import type { S3Storage } from './s3.js';
import { createLocalStorage, type Storage } from './storage.js';

/** The two stores app.ts decorates, wherever they live. */
export interface Storages {
  /** public photos and decree PDFs, served at /media/ */
  media: Storage;
  /** complaint attachments: private, served only through routes that check who asks */
  complaintFiles: Storage;
  /** the bucket's media store, for the /media/ route; undefined when the local folder serves it */
  s3Media: S3Storage | undefined;
  /** the local media folder @fastify/static serves; undefined on object storage */
  mediaRoot: string | undefined;
  close(): void;
}

/** Both prefixes in one bucket: `media/` for what anyone may see, `complaint-files/` for what not. */
export const MEDIA_PREFIX = 'media/';
export const COMPLAINT_FILES_PREFIX = 'complaint-files/';

export async function createStorages(config: Config): Promise<Storages> {
  if (config.storage) {
    // Loaded only here: a process on the local folder never carries the AWS SDK.
    const { createS3Client, createS3Storage, PRIVATE_CACHE, PUBLIC_CACHE } = await import('./s3.js');
    const client = createS3Client(config.storage);
    const { bucket, prefix } = config.storage;
    const media = createS3Storage({
      client,
      bucket,
      prefix: `${prefix}${MEDIA_PREFIX}`,
      cacheControl: PUBLIC_CACHE,
    });
    const complaintFiles = createS3Storage({
      client,
      bucket,
      prefix: `${prefix}${COMPLAINT_FILES_PREFIX}`,
      cacheControl: PRIVATE_CACHE,
    });
    return { media, complaintFiles, s3Media: media, mediaRoot: undefined, close: () => client.destroy() };
  }
  const mediaRoot = path.join(config.dataDir, 'media');
  mkdirSync(mediaRoot, { recursive: true });
  return {
    media: createLocalStorage(mediaRoot),
    complaintFiles: createLocalStorage(path.join(config.dataDir, 'complaint-files')),
    s3Media: undefined,
    mediaRoot,
    close: () => undefined,
  };
}
