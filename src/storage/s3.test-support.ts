// A real S3-compatible server on loopback for the storage suites: s3rver (a maintained fork), in process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import S3rver from '@20minutes/s3rver';
import { CreateBucketCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from './s3.js';
import type { S3Config } from './storage.config.js';

/** s3rver's one account; sent as AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY like a real deployment's. */
export const S3_KEYS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };

export interface TestS3 {
  endpoint: string;
  /** a new empty bucket each call, so tests never see each other's objects */
  bucket(): Promise<string>;
  client: S3Client;
  close(): Promise<void>;
}

export async function startS3(): Promise<TestS3> {
  const directory = mkdtempSync(path.join(tmpdir(), 'balairung-s3-'));
  // s3rver signs bucket-level requests (list, batch delete) as "/bucket" where the current SDK signs
  // "/bucket/"; the access key is still checked, the signature mismatch on those requests is allowed.
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    allowMismatchedSignatures: true,
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = createS3Client(testS3Config(endpoint, 'unused'));
  return {
    endpoint,
    client,
    async bucket() {
      const name = `uji-${randomBytes(6).toString('hex')}`;
      await client.send(new CreateBucketCommand({ Bucket: name }));
      return name;
    },
    async close() {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** One server for a whole test file, closed when the file's tests are done. */
export async function s3For(t: TestContext | { after: (fn: () => Promise<void>) => void }): Promise<TestS3> {
  const s3 = await startS3();
  t.after(() => s3.close());
  return s3;
}

export function testS3Config(endpoint: string, bucket: string, prefix = ''): S3Config {
  return {
    bucket,
    endpoint,
    region: 'us-east-1',
    prefix,
    forcePathStyle: true,
    credentials: { accessKeyId: S3_KEYS.AWS_ACCESS_KEY_ID, secretAccessKey: S3_KEYS.AWS_SECRET_ACCESS_KEY },
  };
}

/** The environment of an app that keeps its uploads in `bucket`. */
export function s3Env(s3: TestS3, bucket: string): Record<string, string> {
  return { BALAIRUNG_STORAGE_URL: `s3://${bucket}?endpoint=${s3.endpoint}&region=us-east-1`, ...S3_KEYS };
}

/** Every key in the bucket (under `prefix`), sorted. */
export async function bucketKeys(s3: TestS3, bucket: string, prefix = ''): Promise<string[]> {
  const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((o) => o.Key ?? '').sort();
}
