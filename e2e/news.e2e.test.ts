import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { photoJpeg } from '../src/media/media.fixtures.js';
import {
  DEMO_PASSWORD,
  browserSkipReason,
  checkA11y,
  currentPath,
  useBrowser,
  mainHeading,
  newPage,
  visit,
} from './browser.js';
import {
  PostEditor,
  QuickPostScreen,
  acceptInvitation,
  invite,
  linksTo,
  signInAs,
  signOut,
  statusText,
} from './news.pages.js';

const AGENCY = 'dinkes';
const ADMIN = 'admin1@dinkes.pontianak.go.id';
const EDITOR = 'admin2@dinkes.pontianak.go.id';
const AUTHOR = 'penulis@dinkes.pontianak.go.id';
const AUTHOR_PASSWORD = 'posyandu-kenanga-2026';
const SEARCH_WORD = 'Kenanga';
const POST = {
  alt: 'Kader posyandu menimbang seorang balita di atas dacin',
  title: 'Posyandu Kenanga menimbang 48 balita',
  story:
    'Kader Posyandu Kenanga menimbang dan mencatat tumbuh kembang 48 balita.\n\nImunisasi dasar juga diberikan.',
};

/** Fetches a path of the test server through the page's own request context (its cookies, no CSP). */
async function fetchBody(page: Page, url: string): Promise<{ status: number; type: string; body: Buffer }> {
  const response = await page.request.get(url);
  return {
    status: response.status(),
    type: response.headers()['content-type'] ?? '',
    body: await response.body(),
  };
}

/** Every image URL the article's pictures offer (src, srcset of img and source), as paths. */
function articleImagePaths(page: Page): Promise<string[]> {
  return page.locator('article picture').evaluateAll((pictures) => {
    const urls = new Set<string>();
    for (const picture of pictures) {
      for (const el of Array.from(picture.querySelectorAll('img, source'))) {
        const src = el.getAttribute('src');
        if (src) urls.add(new URL(src, location.href).pathname);
        for (const candidate of (el.getAttribute('srcset') ?? '').split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) urls.add(new URL(url, location.href).pathname);
        }
      }
    }
    return [...urls];
  });
}

/** The stored folder of a photo: its URL without the file name. */
const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/'));

// One story, in order: the admin brings in an author, who posts from a phone; an editor publishes.
describe(
  'an activity posted from a phone reaches every public surface',
  { skip: browserSkipReason() },
  () => {
    const suite = useBrowser();
    let page: Page;
    let photos: string[] = [];
    let dir = '';
    let articlePath = '';
    let axeMs = 0;

    /** checkA11y, with the time it takes kept apart from the time a person would spend. */
    async function audit(p: Page): Promise<void> {
      const start = performance.now();
      await checkA11y(p);
      axeMs += performance.now() - start;
    }

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'balairung-foto-'));
      photos = await Promise.all(
        [1, 2].map(async (seed) => {
          const file = join(dir, `kegiatan-${seed}.jpg`);
          writeFileSync(file, await photoJpeg({ gps: true, seed }));
          return file;
        }),
      );
      const fixture = await sharp(photos[0]).metadata();
      assert.ok(fixture.exif, 'the fixture photo should carry EXIF with GPS before upload');
      page = await newPage(suite.browser);
    });

    after(async () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('lets the agency admin invite an author, who chooses a password through the link', async () => {
      await signInAs(page, suite.server.url, ADMIN, DEMO_PASSWORD);
      await visit(page, suite.server.url, `/admin/opd/${AGENCY}/pengguna`);
      await audit(page);
      const link = await invite(page, 'Penulis Dinkes', AUTHOR, 'Penulis');
      await audit(page);
      await signOut(page);
      await acceptInvitation(page, suite.server.url, link, AUTHOR_PASSWORD);
      await audit(page);
      await signInAs(page, suite.server.url, AUTHOR, AUTHOR_PASSWORD);
    });

    it('lets the author post an activity with two photos and submit it for review', async (t) => {
      const screen = new QuickPostScreen(page, suite.server.url, AGENCY);
      axeMs = 0;
      const start = performance.now();
      await screen.open();
      assert.equal(await mainHeading(page), 'Kegiatan baru');
      await audit(page);
      await screen.choosePhotos(photos);
      await screen.waitUploaded(2);
      const bars = await screen.progress();
      assert.deepEqual(
        bars.map((b) => b.value),
        [100, 100],
      );
      await audit(page);
      await screen.fill(POST);
      await screen.submitForReview();
      const elapsed = performance.now() - start;
      t.diagnostic(
        `posting time, open to submitted: ${(elapsed / 1000).toFixed(2)} s ` +
          `(${((elapsed - axeMs) / 1000).toFixed(2)} s without the ${(axeMs / 1000).toFixed(2)} s of axe audits)`,
      );
      assert.match(currentPath(page), new RegExp(`^/admin/opd/${AGENCY}/berita/[0-9a-f-]{36}$`));
      assert.match(await statusText(page), /diajukan untuk ditinjau/);
      const editor = new PostEditor(page);
      assert.match(await editor.status(), /Menunggu tinjauan/);
      assert.equal(await editor.checkedGalleryPhotos(), 2);
      await audit(page);
      await signOut(page);
    });

    it('lets the editor find it among posts in review and publish it', async () => {
      await signInAs(page, suite.server.url, EDITOR, DEMO_PASSWORD);
      await visit(page, suite.server.url, `/admin/opd/${AGENCY}/berita?status=review`);
      await audit(page);
      await page.getByRole('link', { name: POST.title, exact: true }).click();
      await page.waitForLoadState('load');
      await audit(page);
      const editor = new PostEditor(page);
      await editor.publishNow();
      assert.match(await statusText(page), /sudah terbit/);
      assert.match(await editor.status(), /Terbit/);
      articlePath = await editor.publicPath();
      assert.match(articlePath, new RegExp(`^/opd/${AGENCY}/berita/[a-z0-9-]+$`));
      await audit(page);
      await signOut(page);
    });

    it('shows the article with both photos to a visitor', async () => {
      const visitor = await newPage(suite.browser);
      await visit(visitor, suite.server.url, articlePath);
      assert.equal(await mainHeading(visitor), POST.title);
      // The first photo is the cover at the top; the gallery below holds the other.
      const gallery = visitor.locator('.article__cover img, .gallery img');
      assert.equal(await gallery.count(), 2, 'expected both photos: the cover and one in the gallery');
      for (const img of await gallery.all()) {
        await img.scrollIntoViewIfNeeded();
        await img.evaluate((el: HTMLImageElement) => el.decode());
        assert.ok(await img.evaluate((el: HTMLImageElement) => el.naturalWidth > 0), 'a photo did not load');
        assert.equal(await img.getAttribute('alt'), POST.alt);
      }
      const folders = new Set((await articleImagePaths(visitor)).map(folderOf));
      assert.equal(folders.size, 2, `expected two distinct stored photos, got ${[...folders].join(', ')}`);
      await audit(visitor);
      await visitor.context().close();
    });

    it('lists it on the agency site, the portal and in search', async () => {
      for (const path of [`/opd/${AGENCY}`, '/', `/cari?q=${encodeURIComponent(SEARCH_WORD)}`]) {
        await visit(page, suite.server.url, path);
        assert.ok((await linksTo(page, articlePath)) >= 1, `${path} does not link to ${articlePath}`);
        await audit(page);
      }
    });

    it('lists it in both feeds and the sitemap', async () => {
      for (const path of ['/feed.xml', `/opd/${AGENCY}/feed.xml`, '/sitemap.xml']) {
        const { status, body } = await fetchBody(page, `${suite.server.url}${path}`);
        assert.equal(status, 200, `${path} answered ${status}`);
        const text = body.toString('utf8');
        assert.ok(text.includes(`${articlePath}</`), `${path} does not list ${articlePath}`);
        if (path.endsWith('feed.xml')) assert.ok(text.includes(POST.title), `${path} lacks the title`);
      }
    });

    it('gives WhatsApp a 1200×630 JPEG preview without location data', async () => {
      await visit(page, suite.server.url, articlePath);
      const og = await page.locator('meta[property="og:image"]').getAttribute('content');
      assert.ok(og, 'no og:image meta on the article');
      const ogUrl = new URL(og); // throws on a relative URL
      assert.match(ogUrl.protocol, /^https?:$/);
      assert.equal(await page.locator('meta[name="twitter:image"]').getAttribute('content'), og);
      // The absolute URL names the configured public address; the test server listens on its own port.
      const { status, type, body } = await fetchBody(page, `${suite.server.url}${ogUrl.pathname}`);
      assert.equal(status, 200, `og:image ${ogUrl.pathname} answered ${status}`);
      assert.match(type, /^image\/jpeg/);
      const meta = await sharp(body).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 1200, 630]);
      assert.equal(meta.exif, undefined, 'the og:image keeps EXIF');
    });

    it('stores and serves the photos with no EXIF or XMP (no location)', async () => {
      await visit(page, suite.server.url, articlePath);
      const paths = await articleImagePaths(page);
      const originals = [...new Set(paths.map((p) => `${folderOf(p)}/original.jpg`))];
      for (const path of [...originals, ...paths]) {
        const { status, body } = await fetchBody(page, `${suite.server.url}${path}`);
        assert.equal(status, 200, `${path} answered ${status}`);
        const meta = await sharp(body).metadata();
        assert.equal(meta.exif, undefined, `${path} keeps EXIF`);
        assert.equal(meta.xmp, undefined, `${path} keeps XMP`);
      }
    });

    it('takes the photos with the form when JavaScript is off', async () => {
      const scriptless = await newPage(suite.browser, { javaScriptEnabled: false });
      await signInAs(scriptless, suite.server.url, AUTHOR, AUTHOR_PASSWORD);
      const screen = new QuickPostScreen(scriptless, suite.server.url, AGENCY);
      await screen.open();
      await audit(scriptless);
      await screen.choosePhotos(photos);
      await screen.fill({ ...POST, title: 'Posyandu Kenanga tanpa JavaScript' });
      await screen.submitForReview();
      assert.match(currentPath(scriptless), new RegExp(`^/admin/opd/${AGENCY}/berita/[0-9a-f-]{36}$`));
      assert.match(await statusText(scriptless), /diajukan untuk ditinjau/);
      assert.equal(await new PostEditor(scriptless).checkedGalleryPhotos(), 2);
      await audit(scriptless);
      await scriptless.context().close();
    });
  },
);
