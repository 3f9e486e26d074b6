import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'preact-render-to-string';
import type { Media, MediaVariant } from './media.table.js';
import { ogImageUrl, presentMedia, ResponsiveImage, thumbnailPath } from './media.presenter.js';

const folder = 'a/0a1b2c3d/9f0e8d7c-1111-4222-8333-444444444444';
const variants: MediaVariant[] = [320, 640, 960].flatMap((width) => [
  { width, height: width * 0.75, format: 'webp' as const, key: `${folder}/w${width}.webp`, bytes: 1 },
  { width, height: width * 0.75, format: 'jpeg' as const, key: `${folder}/w${width}.jpg`, bytes: 1 },
]);

const media: Media = {
  id: '9f0e8d7c-1111-4222-8333-444444444444',
  agencyId: 'agency',
  originalName: 'IMG_1.jpg',
  mime: 'image/jpeg',
  width: 960,
  height: 720,
  bytes: 1000,
  alt: 'Warga "antre" <di> loket',
  caption: 'Pelayanan',
  credit: 'Humas',
  storageKey: folder,
  variants: JSON.stringify(variants),
  warnings: '["blurred","not-a-warning"]',
  createdBy: null,
  createdAt: '2026-11-28T01:00:00.000Z',
};

describe('presentMedia', () => {
  it('answers the API shape with absolute URLs and only known warnings', () => {
    const json = presentMedia(media, 'https://pontianak.go.id');
    assert.equal(json.url, `https://pontianak.go.id/media/${folder}/original.jpg`);
    assert.equal(json.og_url, `https://pontianak.go.id/media/${folder}/og.jpg`);
    assert.deepEqual(json.variants[0], {
      width: 320,
      format: 'webp',
      url: `https://pontianak.go.id/media/${folder}/w320.webp`,
    });
    assert.deepEqual(json.warnings, ['blurred']);
    assert.equal(presentMedia(media).url, `/media/${folder}/original.jpg`, 'relative without a base URL');
  });

  it('survives a damaged JSON column', () => {
    const json = presentMedia({ ...media, variants: 'not json', warnings: '{}' });
    assert.deepEqual([json.variants, json.warnings], [[], []]);
  });
});

describe('ResponsiveImage', () => {
  it('renders WebP and JPEG srcsets, sizes, dimensions, escaped alt text and lazy loading', () => {
    const html = render(<ResponsiveImage media={media} sizes="(min-width: 48em) 46rem, 100vw" />);
    assert.match(html, /^<picture>/);
    assert.match(
      html,
      new RegExp(
        `<source type="image/webp" srcset="/media/${folder}/w320.webp 320w, /media/${folder}/w640.webp 640w, ` +
          `/media/${folder}/w960.webp 960w" sizes="\\(min-width: 48em\\) 46rem, 100vw"`,
      ),
    );
    assert.match(html, new RegExp(`<img src="/media/${folder}/w640.jpg" srcset="[^"]*w320.jpg 320w[^"]*"`));
    assert.match(html, /width="960" height="720"/);
    assert.match(html, /alt="Warga &quot;antre&quot; &lt;di> loket"/);
    assert.match(html, /loading="lazy" decoding="async"/);
  });

  it('loads a cover eagerly, and takes an alt override (empty for a decorative copy)', () => {
    const html = render(<ResponsiveImage media={media} sizes="100vw" lazy={false} alt="" class="cover" />);
    assert.doesNotMatch(html, /loading=/);
    // preact writes an empty attribute bare, `alt`, which HTML reads as alt="".
    assert.match(html, / alt(="")? /);
    assert.match(html, /^<picture class="cover">/);
  });
});

describe('ogImageUrl', () => {
  it('is the path of the 1200×630 crop', () => {
    assert.equal(ogImageUrl(media), `/media/${folder}/og.jpg`);
  });
});

describe('thumbnailPath', () => {
  it('is the smallest JPEG variant, or the original when there is none', () => {
    assert.equal(thumbnailPath(media), `/media/${folder}/w320.jpg`);
    assert.equal(thumbnailPath({ ...media, variants: '[]' }), `/media/${folder}/original.jpg`);
  });
});
