import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import {
  ImageRejectedError,
  ImageTooLargeError,
  OG_HEIGHT,
  OG_WIDTH,
  processImage,
  variantWidths,
  type ImageProblem,
} from './image.js';
import { MAX_UPLOAD_BYTES } from './limits.js';
import * as fixture from './media.fixtures.js';

/** Marks of metadata in a file's bytes: EXIF, GPS tags, XMP, IPTC, ICC, and our fixture's own strings. */
const METADATA_MARKS = [
  'Exif',
  'GPS',
  'http://ns.adobe.com/xap',
  'Photoshop 3.0',
  'ICC_PROFILE',
  'BalairungCam',
  'Rahasia',
];

async function assertClean(data: Buffer, what: string) {
  const meta = await sharp(data).metadata();
  assert.equal(meta.exif, undefined, `${what}: no EXIF`);
  assert.equal(meta.xmp, undefined, `${what}: no XMP`);
  assert.equal(meta.iptc, undefined, `${what}: no IPTC`);
  assert.equal(meta.icc, undefined, `${what}: no ICC profile`);
  assert.equal(meta.orientation, undefined, `${what}: no orientation tag`);
  // Short marks ("GPS", "Exif") turn up by chance in compressed pixels, so they are looked for only
  // where metadata lives: a JPEG's segments before its image data (the SOS marker). Long marks are
  // looked for everywhere; other formats' metadata chunks are covered by sharp's reading above.
  const isJpeg = data[0] === 0xff && data[1] === 0xd8;
  const sos = isJpeg ? data.indexOf(Buffer.from([0xff, 0xda])) : -1;
  const headerText = (isJpeg && sos > 0 ? data.subarray(0, sos) : Buffer.alloc(0)).toString('latin1');
  const text = data.toString('latin1');
  for (const mark of METADATA_MARKS) {
    const where = mark.length >= 8 ? text : headerText;
    assert.ok(!where.includes(mark), `${what} contains "${mark}"`);
  }
}

async function refusal(input: Buffer): Promise<ImageRejectedError> {
  const err = await processImage(input).then(
    () => assert.fail('accepted'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof ImageRejectedError, `refused with ImageRejectedError, got ${String(err)}`);
  return err;
}

describe('processImage', () => {
  it('rotates a phone photo upright by its EXIF and strips every tag, the location above all', async () => {
    const input = await fixture.photoJpeg({ gps: true, orientation: 6 });
    const before = await sharp(input).metadata();
    assert.ok(before.exif && before.exif.toString('latin1').includes('BalairungCam'), 'the fixture has EXIF');
    assert.equal(before.orientation, 6);
    assert.ok(before.xmp && before.icc, 'and XMP and an ICC profile');

    const out = await processImage(input);
    assert.equal(out.sourceType, 'image/jpeg');
    assert.deepEqual([out.original.width, out.original.height], [1200, 1600], 'turned upright');
    for (const file of [out.original, out.og, ...out.variants]) await assertClean(file.data, file.name);
  });

  it('converts a Display P3 photo to sRGB before dropping its profile, so colours hold', async () => {
    const orange = { r: 200, g: 100, b: 50 };
    const p3 = await sharp({ create: { width: 1300, height: 800, channels: 3, background: orange } })
      .withIccProfile('p3')
      .jpeg({ quality: 100 })
      .toBuffer();
    const stored = await sharp(p3, { ignoreIcc: true }).raw().toBuffer();
    assert.notEqual(stored[0], orange.r, 'the file holds P3 values');
    const out = await processImage(p3);
    const [r, g, b] = await sharp(out.original.data).raw().toBuffer();
    for (const [got, want] of [
      [r, orange.r],
      [g, orange.g],
      [b, orange.b],
    ] as const)
      assert.ok(Math.abs((got ?? 0) - want) <= 3, `sRGB ${r},${g},${b}`);
  });

  it('makes WebP and JPEG variants at the standard widths, none wider than the source', async () => {
    const out = await processImage(await fixture.photoJpeg());
    const names = out.variants.map((v) => v.name);
    assert.deepEqual(names, [
      'w320.webp',
      'w320.jpg',
      'w640.webp',
      'w640.jpg',
      'w960.webp',
      'w960.jpg',
      'w1280.webp',
      'w1280.jpg',
      'w1600.webp',
      'w1600.jpg',
    ]);
    for (const v of out.variants) {
      const meta = await sharp(v.data).metadata();
      assert.equal(meta.format, v.format, v.name);
      assert.equal(meta.width, v.width, v.name);
      assert.equal(v.height, Math.round((v.width * 1200) / 1600), `${v.name} keeps the aspect ratio`);
    }
    assert.ok(out.variants.every((v) => v.width <= out.original.width));
    const og = await sharp(out.og.data).metadata();
    assert.deepEqual([og.format, og.width, og.height], ['jpeg', OG_WIDTH, OG_HEIGHT]);
    const original = await sharp(out.original.data).metadata();
    assert.deepEqual([original.format, original.width, original.height], ['jpeg', 1600, 1200]);
  });

  it('caps the cleaned original at 2560 px on the long side', async () => {
    const out = await processImage(await fixture.photoJpeg({ width: 3200, height: 1800 }));
    assert.deepEqual([out.original.width, out.original.height], [2560, 1440]);
    assert.deepEqual(
      out.variants.filter((v) => v.format === 'webp').map((v) => v.width),
      [320, 640, 960, 1280, 1920],
    );
  });

  it('accepts PNG and WebP and publishes them as JPEG originals', async () => {
    for (const [input, type] of [
      [await fixture.photoPng(), 'image/png'],
      [await fixture.photoWebp(), 'image/webp'],
    ] as const) {
      const out = await processImage(input);
      assert.equal(out.sourceType, type);
      assert.equal((await sharp(out.original.data).metadata()).format, 'jpeg');
      assert.deepEqual(out.warnings, []);
    }
  });

  it('warns, without refusing, about a photo too small for a cover, blurred or too dark', async () => {
    assert.deepEqual((await processImage(await fixture.photoJpeg())).warnings, []);
    assert.deepEqual((await processImage(await fixture.blurredJpeg())).warnings, ['blurred']);
    assert.deepEqual((await processImage(await fixture.darkJpeg())).warnings, ['too_dark']);
    const tiny = await processImage(await fixture.tinyJpeg());
    assert.deepEqual(tiny.warnings, ['too_small_for_cover']);
    assert.deepEqual(
      tiny.variants.map((v) => v.name),
      ['w100.webp', 'w100.jpg'],
      'a small photo is never enlarged',
    );
  });

  it('refuses what is not a JPEG, PNG or WebP photo by its content, whatever its name', async () => {
    const cases: [string, Buffer, ImageProblem, RegExp][] = [
      ['a text file', fixture.TEXT_AS_JPEG, 'not_image', /bukan foto JPEG, PNG atau WebP/],
      ['an SVG with a script', fixture.SVG_WITH_SCRIPT, 'not_image', /bukan foto JPEG, PNG atau WebP/],
      ['a HEIC photo', fixture.heicFile(), 'heic', /Paling Kompatibel.*JPEG/],
      ['a truncated JPEG', await fixture.truncatedJpeg(), 'corrupt', /rusak atau tidak terunggah utuh/],
      ['an empty file', Buffer.alloc(0), 'empty', /kosong/],
      ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'not_image', /bukan foto/],
    ];
    for (const [what, input, problem, message] of cases) {
      const err = await refusal(input);
      assert.equal(err.problem, problem, what);
      assert.equal(err.status, 422, what);
      assert.match(err.fields?.file ?? '', message, what);
    }
  });

  it('refuses a decompression bomb from its header, before decoding a pixel', async () => {
    const bomb = fixture.pngBomb(30_000, 30_000);
    assert.ok(bomb.length < 1000, `the bomb is tiny (${bomb.length} bytes)`);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const err = await refusal(bomb);
    assert.equal(err.problem, 'too_many_pixels');
    assert.match(err.message, /50 megapiksel/);
    assert.ok(performance.now() - started < 1000, 'refused at once');
    assert.ok(process.memoryUsage().rss - before < 100 * 1024 * 1024, 'without allocating its pixels');
  });

  it('refuses a file over the size limit with 413', async () => {
    const big = Buffer.concat([await fixture.photoJpeg(), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    const err = await processImage(big).then(
      () => assert.fail('accepted'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ImageTooLargeError);
    assert.equal(err.status, 413);
    assert.match(err.message, /15 MB/);
  });
});

describe('processImage under load', () => {
  it('finishes uploads that arrive together (they take turns, none is lost)', async () => {
    const inputs = await Promise.all(
      [1, 2, 3].map((seed) => fixture.photoJpeg({ width: 640, height: 480, seed })),
    );
    const results = await Promise.all(inputs.map((input) => processImage(input)));
    assert.deepEqual(
      results.map((r) => r.original.width),
      [640, 640, 640],
    );
  });
});

describe('variantWidths', () => {
  it('takes the standard widths below the source and the source itself up to 1920', () => {
    assert.deepEqual(variantWidths(100), [100]);
    assert.deepEqual(variantWidths(640), [320, 640]);
    assert.deepEqual(variantWidths(1000), [320, 640, 960, 1000]);
    assert.deepEqual(variantWidths(2560), [320, 640, 960, 1280, 1920]);
  });
});
