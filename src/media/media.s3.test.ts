import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { apiToken, signedIn, TestClient } from '../test/client.js';
import { fileForm, valid } from '../complaints/filing.fixtures.js';
import { bucketKeys, s3Env, startS3, type TestS3 } from '../storage/s3.test-support.js';
import * as fixture from './media.fixtures.js';
import type { MediaJson } from './media.presenter.js';
import { apiUpload } from './media.test-support.js';

/*
 * Uploads on S3-compatible object storage (BALAIRUNG_STORAGE_URL), end to end through the real
 * routes, against a real S3-compatible server on loopback: what lands in the bucket, and that the
 * public /media/ URLs answer exactly as the local folder's do.
 */

const ADMIN = 'admin1@dinkes.pontianak.go.id';

let s3: TestS3;
before(async () => {
  s3 = await startS3();
});
after(() => s3.close());

async function bootOnS3(t: Parameters<typeof buildTestApp>[0], dialect: Parameters<typeof buildTestApp>[1]) {
  const bucket = await s3.bucket();
  const { app, config } = await buildTestApp(t, dialect, s3Env(s3, bucket));
  return { app, config, bucket };
}

async function upload(app: FastifyInstance, token: string): Promise<MediaJson> {
  const res = await apiUpload(
    app,
    token,
    'dinkes',
    {
      data: await fixture.photoJpeg(),
      filename: 'IMG_1.JPG',
    },
    { alt: 'Kader posyandu menimbang balita' },
  );
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as MediaJson;
}

/** The first photo path a public page shows. */
async function imageOnPublicPage(app: FastifyInstance, token: string, coverId: string): Promise<string> {
  const post = await app.inject({
    method: 'POST',
    url: '/api/v1/agencies/dinkes/posts',
    headers: { authorization: `Bearer ${token}` },
    payload: {
      title: 'Posyandu di Bansir Darat',
      body_html: '<p>Penimbangan.</p>',
      status: 'published',
      cover_media_id: coverId,
    },
  });
  assert.equal(post.statusCode, 201, post.body);
  const page = await app.inject(new URL((post.json() as { url: string }).url).pathname);
  assert.equal(page.statusCode, 200);
  const src = /(?:src|srcset)="(\/media\/[^"\s,]+)/.exec(page.body)?.[1];
  assert.ok(src, 'the article shows its cover from /media/');
  return src;
}

for (const dialect of dialects()) {
  describe(`photos on S3-compatible storage (${dialect})`, () => {
    it('puts every variant in the bucket and serves the page’s image at the same /media/ URL', async (t) => {
      const { app, config, bucket } = await bootOnS3(t, dialect);
      const token = await apiToken(app, ADMIN);
      const media = await upload(app, token);
      const folder = new URL(media.url).pathname.replace(/^\/media\//, '').replace(/\/original\.jpg$/, '');
      const keys = await bucketKeys(s3, bucket);
      assert.equal(keys.length, 2 + media.variants.length, 'the original, the og crop and each variant');
      assert.ok(
        keys.every((k) => k.startsWith(`media/${folder}/`)),
        keys.join(),
      );
      assert.ok(keys.includes(`media/${folder}/original.jpg`));
      assert.ok(!existsSync(path.join(config.dataDir, 'media')), 'nothing written to the data folder');

      const src = await imageOnPublicPage(app, token, media.id);
      const image = await app.inject(src);
      assert.equal(image.statusCode, 200, src);
      assert.match(
        String(image.headers['content-type']),
        src.endsWith('.webp') ? /^image\/webp/ : /^image\/jpeg/,
      );
      assert.equal(image.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.ok((await sharp(image.rawPayload).metadata()).width, 'the bytes are an image');
      const etag = String(image.headers.etag);
      assert.match(etag, /^"[^"]+"$/);

      const again = await app.inject({ url: src, headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304);
      const head = await app.inject({ method: 'HEAD', url: src });
      assert.equal(head.statusCode, 200);
      assert.equal(head.headers['content-length'], String(image.rawPayload.length));
      assert.equal(head.rawPayload.length, 0);
      const part = await app.inject({ url: src, headers: { range: 'bytes=0-9' } });
      assert.equal(part.statusCode, 206);
      assert.equal(part.headers['content-range'], `bytes 0-9/${image.rawPayload.length}`);
      assert.deepEqual(part.rawPayload, image.rawPayload.subarray(0, 10));
    });

    it('answers the site’s own 404 page for a key that is missing or malformed', async (t) => {
      const { app } = await bootOnS3(t, dialect);
      for (const url of ['/media/a/none/original.jpg', '/media/..%2F..%2Fetc%2Fpasswd', '/media/A/B.jpg']) {
        const res = await app.inject({ url, headers: { accept: 'text/html' } });
        assert.equal(res.statusCode, 404, url);
        assert.match(String(res.headers['content-type']), /text\/html/);
        assert.match(res.body, /tidak ditemukan/, url);
      }
    });

    it('removes a deleted photo’s objects from the bucket', async (t) => {
      const { app, bucket } = await bootOnS3(t, dialect);
      const media = await upload(app, await apiToken(app, ADMIN));
      assert.ok((await bucketKeys(s3, bucket)).length > 0);
      const admin = await signedIn(app, ADMIN);
      await admin.get(`/admin/opd/dinkes/media/${media.id}`);
      const deleted = await admin.post(`/admin/opd/dinkes/media/${media.id}/hapus`, {});
      assert.equal(deleted.statusCode, 303);
      assert.deepEqual(await bucketKeys(s3, bucket), []);
      assert.equal((await app.inject(new URL(media.url).pathname)).statusCode, 404);
    });

    it('keeps a complaint attachment under the private prefix, never reachable at /media/', async (t) => {
      const { app, bucket } = await bootOnS3(t, dialect);
      const photo = await fixture.photoJpeg({ width: 800, height: 600 });
      const { res } = await fileForm(new TestClient(app), valid(), [
        { field: 'attachments', filename: 'IMG_01.jpg', data: photo },
      ]);
      assert.equal(res.statusCode, 303, res.body.slice(0, 400));
      const file = await app.db.selectFrom('complaintAttachments').selectAll().executeTakeFirstOrThrow();
      assert.deepEqual(await bucketKeys(s3, bucket), [`complaint-files/${file.storageKey}`]);
      assert.ok(await app.complaintFiles.get(file.storageKey), 'the complaint routes still read it');
      for (const url of [`/media/${file.storageKey}`, `/media/../complaint-files/${file.storageKey}`])
        assert.equal((await app.inject(url)).statusCode, 404, url);
    });
  });
}
