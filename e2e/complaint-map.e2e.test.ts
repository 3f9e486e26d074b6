import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import {
  browserSkipReason,
  checkA11y,
  useBrowser,
  mainHeading,
  newPage,
  PHONE_VIEWPORT,
  startServer,
} from './browser.js';
import { ComplaintForm } from './complaint-pages.js';

/** A tile server that exists only inside the browser: Playwright answers its requests. */
const TILES = 'https://ubin.test/{z}/{x}/{y}.png';

const REPORT = {
  classLabel: 'Pengaduan',
  title: 'Lampu jalan mati di Jalan Gajah Mada',
  description: 'Sudah seminggu lampu jalan di depan toko nomor 12 mati, jalan gelap dan rawan.',
  categoryLabel: 'Jalan dan jembatan',
  kelurahanLabel: 'Pal Lima',
  name: 'Budi Santoso',
  email: 'budi.santoso@example.com',
  phone: '',
  anonymous: false,
};

describe('the map pin on the complaint form', { skip: browserSkipReason() }, () => {
  const suite = useBrowser(() =>
    startServer({ BALAIRUNG_MAP_TILES: TILES, BALAIRUNG_MAP_ATTRIBUTION: '© Peta Uji' }),
  );
  let tile: Buffer;

  before(async () => {
    tile = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#cfe3c8' } })
      .png()
      .toBuffer();
  });
  /** A phone page whose tile requests are answered, with every CSP complaint and asset request noted. */
  async function phone(): Promise<{ page: Page; blocked: string[]; fetched: string[] }> {
    const page = await newPage(suite.browser, { viewport: PHONE_VIEWPORT, hasTouch: true, isMobile: true });
    const blocked: string[] = [];
    const fetched: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    page.on('request', (r) => fetched.push(r.url()));
    await page.route('https://ubin.test/**', (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: tile }),
    );
    return { page, blocked, fetched };
  }

  it('loads nothing of the map until asked, then pins by tap, by typing and by the centre, and files it', async () => {
    const { page, blocked, fetched } = await phone();
    const form = new ComplaintForm(page, suite.server.url);
    await form.open();
    await page.waitForLoadState('networkidle');
    assert.ok(
      !fetched.some((u) => /leaflet|ubin\.test/.test(u)),
      'no Leaflet or tiles before the fold opens',
    );

    await page.locator('summary', { hasText: 'Titik di peta' }).click();
    const map = page.locator('.aduan-map.leaflet-container');
    await map.waitFor();
    await page.locator('.aduan-map img.leaflet-tile-loaded').first().waitFor();
    const lat = page.getByRole('textbox', { name: /^Garis lintang/ });
    const lng = page.getByRole('textbox', { name: /^Garis bujur/ });

    await map.click({ position: { x: 60, y: 60 } });
    const marker = page.locator('.aduan-map .leaflet-marker-icon');
    assert.equal(await marker.count(), 1, 'a tap places one marker');
    const tapped = [Number(await lat.inputValue()), Number(await lng.inputValue())];
    assert.ok(Math.abs(tapped[0]! - -0.0263) < 0.1 && Math.abs(tapped[1]! - 109.3425) < 0.1, `${tapped}`);
    assert.match(await page.locator('.aduan-pin__status').innerText(), /Titik ditandai/);
    await map.click({ position: { x: 120, y: 100 } });
    assert.equal(await marker.count(), 1, 'a second tap moves it');
    assert.notEqual(await lat.inputValue(), String(tapped[0]));
    await checkA11y(page);

    await page.getByRole('button', { name: 'Hapus titik' }).click();
    assert.equal(await lat.inputValue(), '');
    assert.equal(await lng.inputValue(), '');
    assert.equal(await marker.count(), 0);

    await lat.fill('-0,03');
    await lng.fill('109.33');
    assert.equal(await marker.count(), 1, 'typed coordinates place the marker');

    await page.getByRole('button', { name: 'Tandai tengah peta' }).click();
    // The centre is where the typed pin was put, to the pixel.
    assert.ok(Math.abs(Number(await lat.inputValue()) - -0.03) < 0.001, await lat.inputValue());
    assert.ok(Math.abs(Number(await lng.inputValue()) - 109.33) < 0.001, await lng.inputValue());
    assert.match(await page.locator('.leaflet-control-attribution').innerText(), /© Peta Uji/);

    await form.fill(REPORT);
    await form.waitReady();
    await form.submit();
    assert.equal(await mainHeading(page), 'Laporan Anda sudah kami terima');
    assert.deepEqual(blocked, [], 'nothing blocked by the CSP');
  });

  it('takes typed coordinates without JavaScript, with no map shown', async () => {
    const page = await newPage(suite.browser, { viewport: PHONE_VIEWPORT, javaScriptEnabled: false });
    const form = new ComplaintForm(page, suite.server.url);
    await form.open();
    await page.locator('summary', { hasText: 'Titik di peta' }).click();
    await page.getByRole('textbox', { name: /^Garis lintang/ }).fill('-0.0263');
    assert.equal(await page.locator('.aduan-map').isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Hapus titik' }).isVisible(), false);
    await checkA11y(page);
  });
});
