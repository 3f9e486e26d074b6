import type { Readable } from 'node:stream';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { S3Config } from './storage.config.js';
import { checkKey, MEDIA_URL_PREFIX, type Storage } from './storage.js';

/*
 * Storage on S3-compatible object storage (Amazon S3, MinIO, Garage, Ceph, a cloud's own), through
 * the AWS SDK v3. One bucket holds both stores under their own prefixes (`media/`,
 * `complaint-files/`); nothing is made public here: the bucket stays private and the app itself
 * serves /media/ (src/storage/s3.routes.ts), so complaint attachments are never one URL away.
 */

export interface S3StorageOptions {
  client: S3Client;
  bucket: string;
  /** '' or ending in '/': where this store's keys start inside the bucket */
  prefix: string;
  /** stored with each object, answered by the bucket to anyone reading it directly (a CDN, a sync) */
  cacheControl: string;
}

/** One object as /media/ streams it. */
export interface S3Object {
  status: 200 | 206 | 304;
  body: Readable | undefined;
  contentType: string | undefined;
  contentLength: number | undefined;
  contentRange: string | undefined;
  etag: string | undefined;
  lastModified: Date | undefined;
}

export interface ReadOptions {
  head?: boolean;
  range?: string;
  ifNoneMatch?: string;
}

export interface S3Storage extends Storage {
  /** undefined for a missing key; 'invalid-range' for a Range the object cannot satisfy */
  read(key: string, options?: ReadOptions): Promise<S3Object | undefined | 'invalid-range'>;
}

/** The Cache-Control stored with public photos: every key is unique to one processed file. */
export const PUBLIC_CACHE = 'public, max-age=31536000, immutable';
export const PRIVATE_CACHE = 'private, no-store';

export function createS3Client(config: S3Config): S3Client {
  return new S3Client({
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    // The SDK's default CRC32 checksums on every request are not understood by many S3-compatible
    // servers; the ones S3 requires (DeleteObjects) are still sent.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

const statusOf = (err: unknown): number | undefined =>
  err instanceof S3ServiceException ? err.$metadata.httpStatusCode : undefined;

/** Missing is an answer (undefined); a server or network failure is an error, never "missing". */
function isMissing(err: unknown): boolean {
  return err instanceof S3ServiceException && (err.name === 'NoSuchKey' || err.name === 'NotFound');
}

const DELETE_BATCH = 1000;

export function createS3Storage(options: S3StorageOptions): S3Storage {
  const { client, bucket, prefix, cacheControl } = options;
  const full = (key: string) => `${prefix}${checkKey(key)}`;

  async function keysUnder(folder: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: folder, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  async function deleteKeys(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      const batch = keys.slice(i, i + DELETE_BATCH).map((Key) => ({ Key }));
      const result = await client.send(
        new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch, Quiet: true } }),
      );
      const failed = result.Errors ?? [];
      if (failed.length)
        throw new Error(`S3 could not delete ${failed.length} objects: ${failed[0]?.Key} ${failed[0]?.Code}`);
    }
  }

  async function read(key: string, opts: ReadOptions = {}): Promise<S3Object | undefined | 'invalid-range'> {
    const input = { Bucket: bucket, Key: full(key), IfNoneMatch: opts.ifNoneMatch };
    try {
      const answer = opts.head
        ? await client.send(new HeadObjectCommand(input))
        : await client.send(new GetObjectCommand({ ...input, Range: opts.range }));
      const body = 'Body' in answer ? (answer.Body as Readable | undefined) : undefined;
      return {
        status: 'ContentRange' in answer && answer.ContentRange ? 206 : 200,
        body,
        contentType: answer.ContentType,
        contentLength: answer.ContentLength,
        contentRange: 'ContentRange' in answer ? answer.ContentRange : undefined,
        etag: answer.ETag,
        lastModified: answer.LastModified,
      };
    } catch (err) {
      if (isMissing(err)) return undefined;
      if (statusOf(err) === 304) return notModified(opts.ifNoneMatch);
      if (statusOf(err) === 416) return 'invalid-range';
      throw err;
    }
  }

  return {
    async put(key, data, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: full(key),
          Body: data,
          ContentType: contentType,
          CacheControl: cacheControl,
        }),
      );
    },
    async get(key) {
      const object = await read(key);
      if (!object || object === 'invalid-range' || !object.body) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of object.body) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    async remove(key) {
      // The local folder removes a file or a whole folder; here: the object itself and all under key/.
      const own = full(key);
      await deleteKeys([own, ...(await keysUnder(`${own}/`))]);
    },
    url: (key) => `${MEDIA_URL_PREFIX}${checkKey(key)}`,
    read,
  };
}

function notModified(etag: string | undefined): S3Object {
  return {
    status: 304,
    body: undefined,
    contentType: undefined,
    contentLength: undefined,
    contentRange: undefined,
    etag,
    lastModified: undefined,
  };
}
