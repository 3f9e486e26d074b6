import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createRequire } from 'node:module';
import type { QRCode } from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import {
  DEMO_PASSWORD,
  browserSkipReason,
  checkA11y,
  useBrowser,
  mainHeading,
  newPage,
  visit,
} from './browser.js';
import { signInAs } from './news.pages.js';

// jsQR is CommonJS exporting the function itself, while its types declare an ES default export.
const jsQR = createRequire(import.meta.url)('jsqr') as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => QRCode | null;

const SERVICE = '/opd/disdukcapil/layanan/penerbitan-ktp-el';
const NAME = 'Penerbitan KTP-el';

/** Reads the QR code in a screenshot the way a phone camera would: from pixels alone. */
async function decodeQr(png: Buffer): Promise<string | undefined> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)
    ?.data;
}

// The done-when: a service with all 14 components and an SK shows as complete, and its poster
// prints on one A4 page with a QR code that leads to the service's page.
describe('the service standard poster', { skip: browserSkipReason() }, () => {
  const suite = useBrowser();
  let page: Page;

  before(async () => {
    page = await newPage(suite.browser, { viewport: { width: 1000, height: 1400 } });
  });

  it('shows the complete demo service to the public, accessibly', async () => {
    await visit(page, suite.server.url, SERVICE);
    assert.equal(await mainHeading(page), NAME);
    await checkA11y(page);
    await visit(page, suite.server.url, '/layanan');
    await checkA11y(page);
  });

  it('shows the OPD admin the service as complete, and the forms pass axe', async () => {
    const admin = await newPage(suite.browser);
    await signInAs(admin, suite.server.url, 'admin1@disdukcapil.pontianak.go.id', DEMO_PASSWORD);
    await visit(admin, suite.server.url, '/admin/opd/disdukcapil/layanan');
    const row = admin.locator('tr', { has: admin.locator(`th a[href$="/penerbitan-ktp-el"]`) });
    assert.match(await row.innerText(), /Lengkap/);
    assert.doesNotMatch(await row.innerText(), /Belum lengkap/);
    await checkA11y(admin);
    await visit(admin, suite.server.url, '/admin/opd/disdukcapil/layanan/penerbitan-ktp-el');
    await checkA11y(admin);
    await admin.context().close();
  });

  it('prints the poster on exactly one A4 page', async () => {
    await visit(page, suite.server.url, `${SERVICE}/poster`);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const doc = await PDFDocument.load(pdf);
    assert.equal(doc.getPageCount(), 1);
    const { width, height } = doc.getPage(0).getSize();
    // A4 in points: 595 × 842.
    assert.ok(Math.abs(width - 595) < 2 && Math.abs(height - 842) < 2, `${width} × ${height}`);
  });

  it('carries a QR code that decodes to the service’s public address, which answers with the service', async () => {
    await visit(page, suite.server.url, `${SERVICE}/poster`);
    const qr = page.locator('.poster__qr');
    const decoded = await decodeQr(await qr.screenshot());
    assert.equal(decoded, `${suite.server.url}${SERVICE}`);
    const response = await fetch(decoded!);
    assert.equal(response.status, 200);
    assert.match(await response.text(), new RegExp(`<h1>${NAME}</h1>`));
  });
});
