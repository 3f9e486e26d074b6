import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { fieldError, fieldValue } from '../test/hostile.js';
import { MAX_UPLOAD_BYTES } from './limits.js';
import * as fixture from './media.fixtures.js';
import { getMedia, insertMedia } from './media.repository.js';
import { uploadMedia } from './media.service.js';
import { follow, formUpload, member, storedKeys } from './media.test-support.js';

const ADMIN = 'admin1@dinkes.pontianak.go.id';
const idFrom = (location: unknown) => /\/media\/([0-9a-f-]{36})$/.exec(String(location))?.[1] ?? '';

for (const dialect of dialects()) {
  describe(`media library pages (${dialect})`, () => {
    it('uploads through a plain form and lands on the photo with its quality warnings', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, ADMIN);
      const library = await admin.get('/admin/opd/dinkes/media');
      assert.equal(library.statusCode, 200);
      assert.match(library.body, /enctype="multipart\/form-data"/);
      assert.ok(
        library.body.indexOf('name="_csrf"', library.body.indexOf('enctype')) <
          library.body.indexOf('type="file"'),
        'the CSRF token travels before the photo',
      );
      const res = await formUpload(
        admin,
        'dinkes',
        { data: await fixture.tinyJpeg(), filename: 'kecil.jpg' },
        {
          alt: 'Papan nama puskesmas',
        },
      );
      assert.equal(res.statusCode, 303, res.body);
      const id = idFrom(res.headers.location);
      assert.ok(id, String(res.headers.location));
      const page = await follow(admin, res);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Foto sudah diunggah\./);
      assert.match(page.body, /kurang lebar untuk foto sampul/);
      assert.equal(fieldValue(page.body, 'alt'), 'Papan nama puskesmas');
      assert.match(
        page.body,
        /<picture[^>]*>\s*<source type="image\/webp" srcset="\/media\/a\/[^"]+w100\.webp 100w"/,
      );
      assert.equal((await storedKeys(config.dataDir)).length, 4);
    });

    it('refuses a form without its CSRF token and stores nothing', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, ADMIN);
      const res = await formUpload(admin, 'dinkes', { data: await fixture.tinyJpeg() }, {}, { csrf: false });
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /kedaluwarsa/);
      assert.deepEqual(await storedKeys(config.dataDir), []);
    });

    it('shows a refused file beside the field, keeps what was typed, and says when it is too large', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, ADMIN);
      const text = await formUpload(
        admin,
        'dinkes',
        { data: fixture.TEXT_AS_JPEG, filename: 'photo.jpg' },
        {
          alt: 'Rapat <b>penting</b>',
        },
      );
      assert.equal(text.statusCode, 422);
      assert.match(text.body, /Ada masalah/);
      assert.equal(fieldError(text.body, 'file'), 'Berkas ini bukan foto JPEG, PNG atau WebP.');
      assert.equal(fieldValue(text.body, 'alt'), 'Rapat <b>penting</b>');
      const heic = await formUpload(admin, 'dinkes', { data: fixture.heicFile(), filename: 'IMG.HEIC' });
      assert.match(fieldError(heic.body, 'file') ?? '', /Pengaturan › Kamera › Format/);
      const none = await formUpload(admin, 'dinkes', undefined, { alt: 'Lupa fotonya' });
      assert.equal(none.statusCode, 422);
      assert.equal(fieldError(none.body, 'file'), 'Pilih foto yang akan diunggah.');
      const big = Buffer.concat([await fixture.tinyJpeg(), Buffer.alloc(MAX_UPLOAD_BYTES)]);
      const tooLarge = await formUpload(admin, 'dinkes', { data: big });
      assert.equal(tooLarge.statusCode, 413);
      assert.match(fieldError(tooLarge.body, 'file') ?? '', /paling besar 15 MB/);
    });

    it('lists the newest photos first, 30 to a page, with ?halaman=', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const agency = await getAgencyBySlug(app.db, 'dinkes');
      for (let i = 0; i < 31; i++) {
        await insertMedia(app.db, agency.id, {
          id: randomUUID(),
          originalName: `foto-${i}.jpg`,
          mime: 'image/jpeg',
          width: 1600,
          height: 1200,
          bytes: 1000,
          alt: `Foto nomor ${String(i).padStart(2, '0')}`,
          caption: '',
          credit: '',
          storageKey: `a/test/${i}`,
          variants: JSON.stringify([
            { width: 320, height: 240, format: 'webp', key: `a/test/${i}/w320.webp`, bytes: 1 },
          ]),
          warnings: i === 0 ? '["blurred","too_dark"]' : '[]',
          createdAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
        });
      }
      const admin = await signedIn(app, ADMIN);
      const first = await admin.get('/admin/opd/dinkes/media');
      const alts = (body: string) => [...body.matchAll(/Foto nomor (\d\d)/g)].map((m) => m[1]);
      assert.equal(new Set(alts(first.body)).size, 30);
      assert.equal(alts(first.body)[0], '30', 'the newest first');
      assert.match(first.body, /href="\/admin\/opd\/dinkes\/media\?halaman=2"/);
      const second = await admin.get('/admin/opd/dinkes/media?halaman=2');
      assert.deepEqual([...new Set(alts(second.body))], ['00']);
      assert.match(second.body, /tampak kabur/);
      assert.match(second.body, /terlalu gelap/);
      const odd = await admin.get('/admin/opd/dinkes/media?halaman=abc');
      assert.equal(odd.statusCode, 200, 'a page number that is not one shows the first page');
    });

    it('saves the words of a photo and deletes it with its files', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const agency = await getAgencyBySlug(app.db, 'dinkes');
      const media = await uploadMedia(app.db, app.storage, {
        agencyId: agency.id,
        actorId: null,
        buffer: await fixture.tinyJpeg(),
        filename: 'a.jpg',
      });
      const admin = await signedIn(app, ADMIN);
      await admin.get(`/admin/opd/dinkes/media/${media.id}`);
      const saved = await admin.post(`/admin/opd/dinkes/media/${media.id}`, {
        alt: 'Warga antre di loket',
        caption: 'Pelayanan KTP',
        credit: 'Humas Dinkes',
      });
      assert.equal(saved.statusCode, 303);
      assert.equal((await getMedia(app.db, agency.id, media.id)).credit, 'Humas Dinkes');
      const tooLong = await admin.post(`/admin/opd/dinkes/media/${media.id}`, { alt: 'a'.repeat(301) });
      assert.equal(tooLong.statusCode, 422);
      assert.match(fieldError(tooLong.body, 'alt') ?? '', /paling banyak 300 karakter/);
      const deleted = await admin.post(`/admin/opd/dinkes/media/${media.id}/hapus`, {});
      assert.equal(deleted.statusCode, 303);
      assert.equal(deleted.headers.location, '/admin/opd/dinkes/media');
      assert.deepEqual(await storedKeys(config.dataDir), []);
    });

    it('lets an author change only their own photos, and answers 404 to another agency', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const agency = await getAgencyBySlug(app.db, 'dinkes');
      const author = await member(app, 'dinkes', 'author');
      const theirs = await uploadMedia(app.db, app.storage, {
        agencyId: agency.id,
        actorId: author.userId,
        buffer: await fixture.tinyJpeg(),
        filename: 'a.jpg',
      });
      const others = await uploadMedia(app.db, app.storage, {
        agencyId: agency.id,
        actorId: null,
        buffer: await fixture.tinyJpeg(),
        filename: 'b.jpg',
      });
      assert.equal((await author.page.get('/admin/opd/dinkes/media')).statusCode, 200);
      await author.page.get(`/admin/opd/dinkes/media/${others.id}`);
      assert.equal(
        (await author.page.post(`/admin/opd/dinkes/media/${others.id}`, { alt: 'x' })).statusCode,
        403,
      );
      assert.equal(
        (await author.page.post(`/admin/opd/dinkes/media/${others.id}/hapus`, {})).statusCode,
        403,
      );
      assert.equal(
        (await author.page.post(`/admin/opd/dinkes/media/${theirs.id}`, { alt: 'Milik saya' })).statusCode,
        303,
      );

      const officer = await member(app, 'dinkes', 'complaint_officer');
      assert.equal((await officer.page.get('/admin/opd/dinkes/media')).statusCode, 403);
      const stranger = await signedIn(app, 'admin1@dishub.pontianak.go.id');
      for (const url of ['/admin/opd/dinkes/media', `/admin/opd/dinkes/media/${others.id}`]) {
        assert.equal((await stranger.get(url)).statusCode, 404, url);
      }
      await stranger.get('/admin/opd/dishub/media');
      for (const url of [
        `/admin/opd/dinkes/media/${others.id}`,
        `/admin/opd/dinkes/media/${others.id}/hapus`,
      ]) {
        assert.equal((await stranger.post(url, { alt: 'x' })).statusCode, 404, url);
      }
      assert.equal((await getMedia(app.db, agency.id, others.id)).alt, '');
      const visitor = await new TestClient(app).get('/admin/opd/dinkes/media');
      assert.equal(visitor.statusCode, 303);
      assert.match(String(visitor.headers.location), /^\/masuk/);
    });
  });
}
