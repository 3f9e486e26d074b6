import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { PDFDocument, PDFName } from 'pdf-lib';
import { heicFile, photoJpeg, photoPng, pngBomb, TEXT_AS_JPEG } from '../media/media.fixtures.js';
import { createLocalStorage } from '../storage/storage.js';
import { prepareAttachment, removeStoredAttachments, storeAttachments } from './complaints.attachments.js';
import { PDF_AUTHOR, pdfWithAuthor } from './complaints.attachments.fixtures.js';

const refusedWith = (pattern: RegExp) => (err: unknown) => {
  const fields = (err as { fields?: Record<string, string> }).fields;
  assert.equal((err as { status?: number }).status, 422);
  assert.match(fields?.attachments ?? '', pattern);
  return true;
};

describe('prepareAttachment', () => {
  it('re-encodes a phone photo upright as a JPEG without EXIF, GPS, XMP or ICC', async () => {
    const input = await photoJpeg({ gps: true, orientation: 6, width: 800, height: 600 });
    assert.ok((await sharp(input).metadata()).exif, 'the fixture carries EXIF');
    const photo = await prepareAttachment(input, 'IMG_0001.JPG');
    assert.equal(photo.kind, 'photo');
    assert.equal(photo.mime, 'image/jpeg');
    assert.equal(photo.bytes, photo.data.length);
    assert.equal(photo.originalName, 'IMG_0001.JPG');
    const meta = await sharp(photo.data).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.equal(meta.exif, undefined);
    assert.equal(meta.xmp, undefined);
    assert.equal(meta.icc, undefined);
    assert.equal(meta.orientation, undefined);
    assert.deepEqual([meta.width, meta.height], [600, 800], 'turned upright');
    assert.ok(!photo.data.includes(Buffer.from('BalairungCam')), 'no camera name left');
  });

  it('takes a PNG screenshot as a JPEG', async () => {
    const photo = await prepareAttachment(await photoPng(400, 300), 'layar.png');
    assert.equal((await sharp(photo.data).metadata()).format, 'jpeg');
  });

  it('rewrites a PDF without its Info dictionary or XMP', async () => {
    const input = await pdfWithAuthor();
    assert.ok(input.includes(Buffer.from(PDF_AUTHOR)), 'the fixture names its author');
    const pdf = await prepareAttachment(input, 'surat.pdf');
    assert.equal(pdf.kind, 'pdf');
    assert.equal(pdf.mime, 'application/pdf');
    assert.ok(!pdf.data.includes(Buffer.from(PDF_AUTHOR)), 'the author is gone');
    assert.ok(!pdf.data.includes(Buffer.from('Kantor Suite')), 'the creator tool is gone');
    const doc = await PDFDocument.load(pdf.data, { updateMetadata: false });
    assert.equal(doc.getPageCount(), 1);
    assert.equal(doc.getAuthor(), undefined);
    assert.equal(doc.catalog.get(PDFName.of('Metadata')), undefined);
  });

  it('refuses text named .jpg, HEIC (saying how to send JPEG), a bomb and an empty file', async () => {
    await assert.rejects(
      prepareAttachment(TEXT_AS_JPEG, 'foto.jpg'),
      refusedWith(/^foto\.jpg: .*bukan foto/),
    );
    await assert.rejects(prepareAttachment(heicFile(), 'IMG_1.HEIC'), refusedWith(/JPEG/));
    await assert.rejects(prepareAttachment(pngBomb(), 'bom.png'), refusedWith(/megapiksel/));
    await assert.rejects(prepareAttachment(Buffer.alloc(0), 'kosong.jpg'), refusedWith(/kosong/));
    await assert.rejects(
      prepareAttachment(Buffer.from('%PDF-1.7\n1 0 obj rusak'), 'rusak.pdf'),
      refusedWith(/rusak/),
    );
  });
});

describe('storeAttachments', () => {
  it('stores each file under a new complaints/ key and can take them away again', async (t) => {
    const root = mkdtempSync(path.join(tmpdir(), 'balairung-attach-'));
    t.after(() => rmSync(root, { recursive: true, force: true }));
    const storage = createLocalStorage(root);
    const prepared = [
      await prepareAttachment(await photoJpeg({ width: 300, height: 200 }), 'a.jpg'),
      await prepareAttachment(await pdfWithAuthor(), 'b.pdf'),
    ];
    const stored = await storeAttachments(storage, prepared);
    assert.match(stored[0]!.storageKey, /^complaints\/[0-9a-f-]{36}\.jpg$/);
    assert.match(stored[1]!.storageKey, /^complaints\/[0-9a-f-]{36}\.pdf$/);
    assert.deepEqual(await storage.get(stored[1]!.storageKey), prepared[1]!.data);
    assert.equal(stored[0]!.originalName, 'a.jpg');
    await removeStoredAttachments(storage, stored);
    assert.equal(await storage.get(stored[0]!.storageKey), undefined);
  });
});
