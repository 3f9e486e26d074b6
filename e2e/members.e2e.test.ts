import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
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
import { LoginPage, SiteHeader, submitWith } from './pages.js';

const ADMIN = 'admin1@disperpusip.pontianak.go.id';
const INVITED = 'admin2@disperpusip.pontianak.go.id';
const INVITED_PASSWORD = 'buku-tua-di-kapuas';

// The OPD with a single admin closes its gap: the admin invites a second one, who signs in.
describe('an agency admin invites a second admin', { skip: browserSkipReason() }, () => {
  const suite = useBrowser();
  let page: Page;
  let link = '';

  before(async () => {
    page = await newPage(suite.browser);
  });

  it('explains each problem of an invalid invitation and keeps what was typed', async () => {
    await new LoginPage(page, suite.server.url).open();
    await new LoginPage(page, suite.server.url).signIn(ADMIN, DEMO_PASSWORD);
    await visit(page, suite.server.url, '/admin/opd/disperpusip/pengguna');
    await checkA11y(page);
    await page.getByLabel('Nama', { exact: true }).fill('Admin Kedua');
    await page.getByLabel('Email', { exact: true }).fill('bukan-email');
    await submitWith(page, page.getByRole('button', { name: 'Kirim undangan' }));
    assert.match(await page.getByRole('alert').innerText(), /Ada masalah/);
    assert.equal(await page.getByLabel('Nama', { exact: true }).inputValue(), 'Admin Kedua');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
    await checkA11y(page);
  });

  it('shows the invitation link on screen when the server cannot send mail', async () => {
    await page.getByLabel('Email', { exact: true }).fill(INVITED);
    await page.getByLabel('Peran').selectOption('admin');
    await submitWith(page, page.getByRole('button', { name: 'Kirim undangan' }));
    link = (await page.locator('code.break').innerText()).trim();
    assert.match(link, /\/atur-kata-sandi\?token=/);
    assert.match(await page.locator('table').innerText(), /Undangan belum diterima/);
    await checkA11y(page);
    await new SiteHeader(page).signOut();
  });

  it('lets the invited person set a password and sign in to their agency', async () => {
    // The link carries the configured public address; the test server listens on a port of its own.
    const { pathname, search } = new URL(link);
    await visit(page, suite.server.url, `${pathname}${search}`);
    assert.match(await mainHeading(page), /Buat kata sandi/);
    await checkA11y(page);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill(INVITED_PASSWORD);
    await page.getByLabel('Ulangi kata sandi baru', { exact: true }).fill(INVITED_PASSWORD);
    await submitWith(page, page.getByRole('button', { name: 'Simpan kata sandi' }));
    assert.equal(currentPath(page), '/masuk');
    await new LoginPage(page, suite.server.url).signIn(INVITED, INVITED_PASSWORD);
    assert.equal(currentPath(page), '/admin');
    assert.match(await page.locator('main').innerText(), /Dinas Perpustakaan dan Kearsipan/);
    await visit(page, suite.server.url, '/admin/opd/disperpusip');
    await checkA11y(page);
  });
});
