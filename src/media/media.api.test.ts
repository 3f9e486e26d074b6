import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { buildTestApp, dialects } from '../test/app.js';
import { apiToken } from '../test/client.js';
import { MAX_UPLOAD_BYTES } from './limits.js';
import * as fixture from './media.fixtures.js';
import type { MediaJson } from './media.presenter.js';
import { apiUpload, member, storedKeys } from './media.test-support.js';

type ErrorJson = { error: { code: string; message: string; fields?: Record<string, string> } };

const pathOf = (url: string) => new URL(url).pathname;

for (const dialect of dialects()) {
  describe(`POST /api/v1/agencies/:slug/media (${dialect})`, () => {
    it('cleans a phone photo, answers 201 with its variants, and serves them with a year-long cache', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const token = await apiToken(app, 'admin1@dinkes.pontianak.go.id');
      const photo = await fixture.photoJpeg({ gps: true, orientation: 6 });
      const res = await apiUpload(
        app,
        token,
        'dinkes',
        { data: photo, filename: 'IMG_2041.JPG' },
        { alt: ' Kepala dinas membuka rapat ', caption: 'Rapat koordinasi', credit: 'Humas' },
      );
      assert.equal(res.statusCode, 201, res.body);
      const media = res.json() as MediaJson;
      assert.equal(media.width, 1200);
      assert.equal(media.height, 1600);
      assert.equal(media.alt, 'Kepala dinas membuka rapat');
      assert.equal(media.caption, 'Rapat koordinasi');
      assert.equal(media.credit, 'Humas');
      assert.deepEqual(media.warnings, []);
      assert.match(
        media.url,
        /^http:\/\/127\.0\.0\.1:3000\/media\/a\/[a-z0-9]{8}\/[0-9a-f-]{36}\/original\.jpg$/,
      );
      assert.ok(!media.url.includes('IMG_2041'), 'the file name never reaches a URL');
      assert.deepEqual(
        media.variants.map((v) => `${v.width}.${v.format}`),
        ['320.webp', '320.jpeg', '640.webp', '640.jpeg', '960.webp', '960.jpeg', '1200.webp', '1200.jpeg'],
      );

      for (const url of [media.url, media.og_url, ...media.variants.map((v) => v.url)]) {
        const file = await app.inject(pathOf(url));
        assert.equal(file.statusCode, 200, url);
        assert.match(String(file.headers['cache-control']), /max-age=31536000.*immutable/, url);
        assert.match(
          String(file.headers['content-type']),
          url.endsWith('.webp') ? /image\/webp/ : /image\/jpeg/,
        );
        const meta = await sharp(file.rawPayload).metadata();
        assert.equal(meta.exif, undefined, `${url} has no EXIF (no GPS)`);
        assert.equal(meta.xmp, undefined, `${url} has no XMP`);
        assert.ok(!file.rawPayload.toString('latin1').includes('BalairungCam'));
      }
      const keys = await storedKeys(config.dataDir);
      assert.equal(keys.length, 2 + media.variants.length, 'the original, the og crop and each variant');
    });

    it('lets an author and an editor upload, refuses a complaint officer (403) and the anonymous (401)', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const photo = { data: await fixture.photoJpeg({ width: 800, height: 600 }) };
      for (const role of ['author', 'editor'] as const) {
        const { token } = await member(app, 'dinkes', role);
        const res = await apiUpload(app, token, 'dinkes', photo);
        assert.equal(res.statusCode, 201, `${role}: ${res.body}`);
        assert.deepEqual((res.json() as MediaJson).warnings, ['too_small_for_cover']);
      }
      const officer = await member(app, 'dinkes', 'complaint_officer');
      const refused = await apiUpload(app, officer.token, 'dinkes', photo);
      assert.equal(refused.statusCode, 403);
      assert.equal((refused.json() as ErrorJson).error.code, 'forbidden');
      const anonymous = await apiUpload(app, null, 'dinkes', photo);
      assert.equal(anonymous.statusCode, 401);
    });

    it("answers 404 to another agency's member and stores nothing", async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const token = await apiToken(app, 'admin1@dinkes.pontianak.go.id');
      const res = await apiUpload(app, token, 'dishub', { data: await fixture.photoJpeg() });
      assert.equal(res.statusCode, 404);
      assert.equal((res.json() as ErrorJson).error.code, 'not_found');
      assert.deepEqual(await storedKeys(config.dataDir), []);
    });

    it('refuses what is not a photo with 422 on the file field, whatever its name, and stores nothing', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const token = await apiToken(app, 'admin1@dinkes.pontianak.go.id');
      const cases: [string, fixture.FilePart, RegExp][] = [
        [
          'text named photo.jpg',
          { data: fixture.TEXT_AS_JPEG, filename: 'photo.jpg' },
          /bukan foto JPEG, PNG atau WebP/,
        ],
        [
          'SVG with a script',
          { data: fixture.SVG_WITH_SCRIPT, filename: 'logo.svg', contentType: 'image/svg+xml' },
          /bukan foto/,
        ],
        [
          'HEIC',
          { data: fixture.heicFile(), filename: 'IMG_0001.HEIC', contentType: 'image/heic' },
          /Paling Kompatibel/,
        ],
        ['truncated JPEG', { data: await fixture.truncatedJpeg() }, /rusak/],
        [
          'PNG bomb',
          { data: fixture.pngBomb(), filename: 'bom.png', contentType: 'image/png' },
          /50 megapiksel/,
        ],
      ];
      for (const [what, file, message] of cases) {
        const res = await apiUpload(app, token, 'dinkes', file, { alt: 'x' });
        assert.equal(res.statusCode, 422, `${what}: ${res.body}`);
        const { error } = res.json() as ErrorJson;
        assert.equal(error.code, 'validation_failed', what);
        assert.match(error.fields?.file ?? '', message, what);
      }
      assert.deepEqual(await storedKeys(config.dataDir), []);
      const count = await app.db
        .selectFrom('media')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 0);
    });

    it('refuses a file over 15 MB with 413 and an Indonesian message', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const token = await apiToken(app, 'admin1@dinkes.pontianak.go.id');
      const big = Buffer.concat([await fixture.photoJpeg(), Buffer.alloc(MAX_UPLOAD_BYTES)]);
      const res = await apiUpload(app, token, 'dinkes', { data: big });
      assert.equal(res.statusCode, 413);
      const { error } = res.json() as ErrorJson;
      assert.equal(error.code, 'file_too_large');
      assert.match(error.message, /terlalu besar: paling besar 15 MB/);
    });

    it('asks for the photo when none came, and explains a JSON body or an over-long alt text', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const token = await apiToken(app, 'admin1@dinkes.pontianak.go.id');
      const none = await apiUpload(app, token, 'dinkes', undefined, { alt: 'Tanpa foto' });
      assert.equal(none.statusCode, 422);
      assert.match((none.json() as ErrorJson).error.fields?.file ?? '', /Pilih foto/);
      const json = await app.inject({
        method: 'POST',
        url: '/api/v1/agencies/dinkes/media',
        headers: { authorization: `Bearer ${token}` },
        payload: { alt: 'JSON' },
      });
      assert.equal(json.statusCode, 422);
      assert.match((json.json() as ErrorJson).error.fields?.file ?? '', /multipart\/form-data/);
      const long = await apiUpload(
        app,
        token,
        'dinkes',
        { data: await fixture.tinyJpeg() },
        { alt: 'a'.repeat(301) },
      );
      assert.equal(long.statusCode, 422);
      assert.match(
        (long.json() as ErrorJson).error.fields?.alt ?? '',
        /Teks alternatif paling banyak 300 karakter/,
      );
    });

    it('is documented in the OpenAPI document under the media tag, as multipart', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const doc = (await app.inject('/api/openapi.json')).json() as {
        paths: Record<
          string,
          Record<string, { tags?: string[]; requestBody?: { content?: Record<string, unknown> } }>
        >;
      };
      const op = doc.paths['/api/v1/agencies/{slug}/media']?.post;
      assert.ok(op, 'documented');
      assert.deepEqual(op.tags, ['media']);
      assert.ok(op.requestBody?.content?.['multipart/form-data'], 'as multipart/form-data');
    });
  });
}
