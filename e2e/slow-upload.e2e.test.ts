import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { phonePhoto } from '../src/media/media.fixtures.js';
import { DEMO_PASSWORD, browserSkipReason, useBrowser, newPage, visit } from './browser.js';
import { LoginPage } from './pages.js';

// A phone on a weak connection: 4 Mbit/s up, 300 ms round trip.
const SLOW_LINK = {
  offline: false,
  latency: 300,
  downloadThroughput: (2 * 1024 * 1024) / 8,
  uploadThroughput: (4 * 1024 * 1024) / 8,
};

describe('a 12-megapixel phone photo over a slow link', { skip: browserSkipReason() }, () => {
  const suite = useBrowser();
  let page: Page;
  let dir = '';

  before(async () => {
    page = await newPage(suite.browser);
    dir = mkdtempSync(join(tmpdir(), 'balairung-slow-'));
  });

  after(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploads with its progress shown, and the activity is published', async () => {
    const photo = await phonePhoto();
    assert.ok(photo.length > 4 * 1024 * 1024, `the fixture weighs ${photo.length} bytes, like a phone photo`);
    const file = join(dir, 'IMG_20261128_081500.jpg');
    writeFileSync(file, photo);
    await new LoginPage(page, suite.server.url).open();
    await new LoginPage(page, suite.server.url).signIn('admin1@dinkes.pontianak.go.id', DEMO_PASSWORD);
    await visit(page, suite.server.url, '/admin/opd/dinkes/kegiatan-baru');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);
    const started = Date.now();
    await page.getByLabel('Foto kegiatan').setInputFiles(file);
    const progress = page.locator('.upload-list progress');
    await progress.waitFor();
    // Part-way through, the bar says how far it got.
    await page.waitForFunction(() => {
      const bar = document.querySelector<HTMLProgressElement>('.upload-list progress');
      return bar !== null && bar.value > 0 && bar.value < 100;
    });
    await page.getByText('Terunggah').waitFor({ timeout: 120_000 });
    console.log(`${photo.length} bytes uploaded over the slow link in ${Date.now() - started} ms`);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.getByLabel('Keterangan foto').fill('Kepala dinas meninjau posyandu');
    await page.getByLabel('Judul', { exact: true }).fill('Kunjungan ke Posyandu Mawar');
    await page.getByLabel('Cerita singkat').fill('Kepala dinas meninjau pelayanan posyandu pagi ini.');
    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await page.waitForURL(/\/opd\/dinkes\/berita\/kunjungan-ke-posyandu-mawar$/);
    assert.equal(await page.locator('.article__cover img').count(), 1);
  });
});
