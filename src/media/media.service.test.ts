import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { NotFoundError } from '../errors.js';
import { buildTestApp, dialects } from '../test/app.js';
import { ImageRejectedError } from './image.js';
import * as fixture from './media.fixtures.js';
import { findMedia, findMediaByIds, getMedia, listMedia } from './media.repository.js';
import { cleanFileName, deleteMedia, mediaFolder, updateMediaText, uploadMedia } from './media.service.js';
import { storedKeys } from './media.test-support.js';

describe('cleanFileName and mediaFolder', () => {
  it('keeps a shown name printable and a storage folder to safe characters', () => {
    assert.equal(cleanFileName('../../etc/passwd\u0000.jpg'), 'passwd.jpg');
    assert.equal(cleanFileName('C:\\Users\\Ani\\Foto Rapat.JPG'), 'Foto Rapat.JPG');
    assert.equal(cleanFileName('x'.repeat(500)).length, 200);
    assert.equal(
      mediaFolder('0A1B2C3D-aaaa-4bbb-8ccc-000000000000', '9f0e8d7c-1111-4222-8333-444444444444'),
      'a/0a1b2c3d/9f0e8d7c-1111-4222-8333-444444444444',
    );
  });
});

for (const dialect of dialects()) {
  describe(`media service (${dialect})`, () => {
    it('stores the files under the agency and the photo id, never under the uploaded name', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const agency = await getAgencyBySlug(app.db, 'dinkes');
      const media = await uploadMedia(app.db, app.storage, {
        agencyId: agency.id,
        actorId: null,
        buffer: await fixture.photoJpeg({ width: 700, height: 500 }),
        filename: '../../<script>alert(1)</script>.jpg',
        alt: '  Rapat  ',
      });
      assert.equal(media.storageKey, mediaFolder(agency.id, media.id));
      assert.equal(media.originalName, 'script>.jpg');
      assert.equal(media.alt, 'Rapat');
      assert.equal(media.mime, 'image/jpeg');
      const keys = await storedKeys(config.dataDir);
      assert.deepEqual(keys, [
        `${media.storageKey}/og.jpg`,
        `${media.storageKey}/original.jpg`,
        `${media.storageKey}/w320.jpg`,
        `${media.storageKey}/w320.webp`,
        `${media.storageKey}/w640.jpg`,
        `${media.storageKey}/w640.webp`,
        `${media.storageKey}/w700.jpg`,
        `${media.storageKey}/w700.webp`,
      ]);
      assert.ok(keys.every((k) => /^[a-z0-9/._-]+$/.test(k)));
      assert.deepEqual(await findMedia(app.db, agency.id, media.id), media);
    });

    it('removes the stored files when the row cannot be written (no orphans)', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      // An agency that does not exist: the foreign key refuses the row after the files are written.
      const upload = uploadMedia(app.db, app.storage, {
        agencyId: randomUUID(),
        actorId: null,
        buffer: await fixture.tinyJpeg(),
        filename: 'a.jpg',
      });
      await assert.rejects(upload);
      assert.deepEqual(await storedKeys(config.dataDir), []);
    });

    it('stores nothing for a refused file', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const agency = await getAgencyBySlug(app.db, 'dinkes');
      await assert.rejects(
        uploadMedia(app.db, app.storage, {
          agencyId: agency.id,
          actorId: null,
          buffer: fixture.TEXT_AS_JPEG,
          filename: 'photo.jpg',
        }),
        ImageRejectedError,
      );
      assert.deepEqual(await storedKeys(config.dataDir), []);
    });

    it("keeps each agency's photos to itself: another agency's id is not found", async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const dinkes = await getAgencyBySlug(app.db, 'dinkes');
      const dishub = await getAgencyBySlug(app.db, 'dishub');
      const media = await uploadMedia(app.db, app.storage, {
        agencyId: dinkes.id,
        actorId: null,
        buffer: await fixture.tinyJpeg(),
        filename: 'a.jpg',
      });
      assert.equal(await findMedia(app.db, dishub.id, media.id), undefined);
      assert.deepEqual(await findMediaByIds(app.db, dishub.id, [media.id]), []);
      assert.deepEqual(await listMedia(app.db, dishub.id, { limit: 30, offset: 0 }), []);
      await assert.rejects(getMedia(app.db, dishub.id, media.id), NotFoundError);
      await assert.rejects(
        updateMediaText(app.db, dishub.id, media.id, { alt: 'diubah', caption: '', credit: '' }),
        NotFoundError,
      );
      await assert.rejects(deleteMedia(app.db, app.storage, dishub.id, media.id, null), NotFoundError);
      assert.equal((await getMedia(app.db, dinkes.id, media.id)).alt, '');
      assert.equal((await storedKeys(config.dataDir)).length, 4);
      assert.equal(await findMedia(app.db, dinkes.id, 'not-a-uuid\u0000'), undefined);
    });

    it('updates the words of a photo and deletes it with its files', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const agency = await getAgencyBySlug(app.db, 'dinkes');
      const media = await uploadMedia(app.db, app.storage, {
        agencyId: agency.id,
        actorId: null,
        buffer: await fixture.tinyJpeg(),
        filename: 'a.jpg',
      });
      const updated = await updateMediaText(app.db, agency.id, media.id, {
        alt: ' Warga antre di loket ',
        caption: ' Pelayanan KTP ',
        credit: ' Humas ',
      });
      assert.deepEqual(
        [updated.alt, updated.caption, updated.credit],
        ['Warga antre di loket', 'Pelayanan KTP', 'Humas'],
      );
      assert.equal(updated.storageKey, media.storageKey, 'the files (and their cached URLs) stay');
      await deleteMedia(app.db, app.storage, agency.id, media.id, null);
      assert.equal(await findMedia(app.db, agency.id, media.id), undefined);
      assert.deepEqual(await storedKeys(config.dataDir), []);
    });
  });
}
