import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { photoJpeg } from '../media/media.fixtures.js';

for (const dialect of dialects()) {
  describe(`Kegiatan baru, the phone screen (${dialect})`, () => {
    it('publishes an activity with two photos sent with the form, photos cleaned of their location', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const editor = await signedIn(app, 'admin1@kec-pontianak-barat.pontianak.go.id');
      const page = await editor.get('/admin/opd/kec-pontianak-barat/kegiatan-baru');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /enctype="multipart\/form-data"/);
      const photo = await photoJpeg({ gps: true });
      assert.ok((await sharp(photo).metadata()).exif, 'the phone photo carries EXIF with a location');
      const res = await editor.postMultipart(
        '/admin/opd/kec-pontianak-barat/kegiatan-baru',
        {
          title: 'Gotong Royong Bersihkan Parit',
          text: 'Warga dan staf kecamatan membersihkan parit.\n\nSebanyak 60 orang ikut.',
          alt: 'Warga membersihkan parit',
          intent: 'publish',
        },
        [
          { field: 'photos', filename: 'IMG_0001.jpg', data: photo },
          { field: 'photos', filename: 'IMG_0002.jpg', data: photo },
        ],
      );
      assert.equal(res.statusCode, 303, res.body.slice(0, 800));
      assert.equal(res.headers.location, '/opd/kec-pontianak-barat/berita/gotong-royong-bersihkan-parit');
      const article = await new TestClient(app).get(res.headers.location as string);
      assert.match(
        article.body,
        /<p>Warga dan staf kecamatan membersihkan parit.<\/p><p>Sebanyak 60 orang ikut.<\/p>/,
      );
      assert.equal((article.body.match(/alt="Warga membersihkan parit"/g) ?? []).length >= 2, true);
      const media = await app.db.selectFrom('media').selectAll().execute();
      assert.equal(media.length, 2);
      for (const m of media) {
        const stored = await app.storage.get(`${m.storageKey}/original.jpg`);
        assert.ok(stored);
        assert.equal((await sharp(stored).metadata()).exif, undefined, 'no EXIF (and so no GPS) is kept');
      }
    });

    it('keeps the typed text and the uploaded photos when the title is missing', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const editor = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      await editor.get('/admin/opd/dinkes/kegiatan-baru');
      const res = await editor.postMultipart(
        '/admin/opd/dinkes/kegiatan-baru',
        { title: '', text: 'Rapat koordinasi posyandu.', alt: 'Peserta rapat', intent: 'publish' },
        [{ field: 'photos', filename: 'rapat.jpg', data: await photoJpeg() }],
      );
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Judul wajib diisi/);
      assert.match(res.body, /Rapat koordinasi posyandu\./);
      const id = /name="gallery_media_ids" value="([0-9a-f-]{36})"/.exec(res.body)?.[1];
      assert.ok(id, 'the uploaded photo comes back with the form');
      const again = await editor.postMultipart('/admin/opd/dinkes/kegiatan-baru', {
        title: 'Rapat Koordinasi Posyandu',
        text: 'Rapat koordinasi posyandu.',
        alt: 'Peserta rapat',
        intent: 'publish',
        gallery_media_ids: id,
      });
      assert.equal(again.statusCode, 303);
      assert.equal(
        (await app.db.selectFrom('media').select('id').execute()).length,
        1,
        'the photo was not uploaded twice',
      );
    });

    it('uploads one photo at a time for the script, answering JSON, and refuses a non-photo clearly', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const editor = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      await editor.get('/admin/opd/dinkes/kegiatan-baru');
      const ok = await editor.postMultipart('/admin/opd/dinkes/kegiatan-baru/foto', { alt: '' }, [
        { field: 'file', filename: 'a.jpg', data: await photoJpeg() },
      ]);
      assert.equal(ok.statusCode, 201, ok.body);
      assert.match((ok.json() as { id: string }).id, /^[0-9a-f-]{36}$/);
      const bad = await editor.postMultipart('/admin/opd/dinkes/kegiatan-baru/foto', {}, [
        { field: 'file', filename: 'a.jpg', data: Buffer.from('bukan foto') },
      ]);
      assert.equal(bad.statusCode, 422);
      assert.match(
        (bad.json() as { error: { message: string } }).error.message,
        /bukan foto JPEG, PNG atau WebP/,
      );
    });
  });
}
