import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { createS3Storage, PRIVATE_CACHE, PUBLIC_CACHE } from './s3.js';
import { bucketKeys, startS3, type TestS3 } from './s3.test-support.js';
import { createLocalStorage, type Storage } from './storage.js';

/*
 * The contract every Storage keeps, run against each implementation: the local folder and an
 * S3-compatible server on loopback. Callers (media, decrees, complaint files) rely on exactly this.
 */

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);

let s3: TestS3;
before(async () => {
  s3 = await startS3();
});
after(() => s3.close());

const implementations: Record<string, (t: TestContext) => Promise<Storage>> = {
  'local folder': async (t) => {
    const root = mkdtempSync(path.join(tmpdir(), 'balairung-storage-'));
    t.after(() => rmSync(root, { recursive: true, force: true }));
    return createLocalStorage(root);
  },
  'S3-compatible bucket': async () =>
    createS3Storage({
      client: s3.client,
      bucket: await s3.bucket(),
      prefix: 'media/',
      cacheControl: PUBLIC_CACHE,
    }),
};

for (const [name, make] of Object.entries(implementations)) {
  describe(`Storage contract: ${name}`, () => {
    it('gives back the bytes it was given', async (t) => {
      const storage = await make(t);
      await storage.put('a/agency01/photo-1/original.jpg', JPEG, 'image/jpeg');
      assert.deepEqual(await storage.get('a/agency01/photo-1/original.jpg'), JPEG);
    });

    it('answers undefined for a key that was never stored', async (t) => {
      const storage = await make(t);
      assert.equal(await storage.get('a/agency01/none/original.jpg'), undefined);
    });

    it('replaces a key written twice', async (t) => {
      const storage = await make(t);
      await storage.put('dsr/file.pdf', Buffer.from('one'), 'application/pdf');
      await storage.put('dsr/file.pdf', Buffer.from('two'), 'application/pdf');
      assert.equal((await storage.get('dsr/file.pdf'))?.toString(), 'two');
    });

    it('removes a folder with everything in it, and nothing beside it', async (t) => {
      const storage = await make(t);
      for (const key of [
        'a/x/1/original.jpg',
        'a/x/1/w320.webp',
        'a/x/10/original.jpg',
        'a/x/2/original.jpg',
      ])
        await storage.put(key, JPEG, 'image/jpeg');
      await storage.remove('a/x/1');
      assert.equal(await storage.get('a/x/1/original.jpg'), undefined);
      assert.equal(await storage.get('a/x/1/w320.webp'), undefined);
      assert.deepEqual(await storage.get('a/x/10/original.jpg'), JPEG, 'a/x/10 only shares a prefix');
      assert.deepEqual(await storage.get('a/x/2/original.jpg'), JPEG);
    });

    it('removes a single key, and a key that is not there without complaint', async (t) => {
      const storage = await make(t);
      await storage.put('decree/sk.pdf', Buffer.from('%PDF-1.7'), 'application/pdf');
      await storage.remove('decree/sk.pdf');
      assert.equal(await storage.get('decree/sk.pdf'), undefined);
      await storage.remove('decree/never-stored.pdf');
      await storage.remove('nothing/here');
    });

    it('refuses keys that could escape their place', async (t) => {
      const storage = await make(t);
      for (const key of ['../etc/passwd', '/abs/key', 'a/../../b', 'Upper/Case.jpg', ''])
        await assert.rejects(storage.put(key, JPEG, 'image/jpeg'), /unsafe storage key/, key);
      assert.throws(() => storage.url('a/../b'), /unsafe storage key/);
    });

    it('names a key by its public path under /media/', async (t) => {
      const storage = await make(t);
      assert.equal(storage.url('a/agency01/p/w640.webp'), '/media/a/agency01/p/w640.webp');
    });
  });
}

describe('S3 storage in the bucket', () => {
  it('keeps each store under its own prefix, with its type and cache policy', async () => {
    const bucket = await s3.bucket();
    const media = createS3Storage({
      client: s3.client,
      bucket,
      prefix: 'kota/media/',
      cacheControl: PUBLIC_CACHE,
    });
    const files = createS3Storage({
      client: s3.client,
      bucket,
      prefix: 'kota/complaint-files/',
      cacheControl: PRIVATE_CACHE,
    });
    await media.put('a/x/p/original.jpg', JPEG, 'image/jpeg');
    await files.put('c/2026/lampiran.jpg', JPEG, 'image/jpeg');
    assert.deepEqual(await bucketKeys(s3, bucket), [
      'kota/complaint-files/c/2026/lampiran.jpg',
      'kota/media/a/x/p/original.jpg',
    ]);
    assert.equal(await media.get('c/2026/lampiran.jpg'), undefined, 'one store never reads the other');
    const head = await s3.client.send(
      new HeadObjectCommand({ Bucket: bucket, Key: 'kota/media/a/x/p/original.jpg' }),
    );
    assert.equal(head.ContentType, 'image/jpeg');
    assert.equal(head.CacheControl, PUBLIC_CACHE);
    const privateHead = await s3.client.send(
      new HeadObjectCommand({ Bucket: bucket, Key: 'kota/complaint-files/c/2026/lampiran.jpg' }),
    );
    assert.equal(privateHead.CacheControl, PRIVATE_CACHE);
  });

  // More than 1,000 keys (two list pages, two batch deletes) cannot be tried here: s3rver makes its
  // continuation tokens with DES, which Node's OpenSSL 3 no longer has. A photo's folder holds ~12.
  it('removes a folder of many objects in one batch', async () => {
    const bucket = await s3.bucket();
    const storage = createS3Storage({ client: s3.client, bucket, prefix: '', cacheControl: PUBLIC_CACHE });
    const keys = Array.from({ length: 120 }, (_, i) => `big/${String(i).padStart(4, '0')}.jpg`);
    await Promise.all(keys.map((k) => storage.put(k, JPEG, 'image/jpeg')));
    await storage.put('keep/original.jpg', JPEG, 'image/jpeg');
    await storage.remove('big');
    assert.deepEqual(await bucketKeys(s3, bucket), ['keep/original.jpg']);
  });
});
