import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as OTPAuth from 'otpauth';
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
import { AccountPasswordPage, LoginPage, SiteHeader, TwoFactorPage, TwoFactorSetupPage } from './pages.js';

const EMAIL = 'admin1@dinkes.pontianak.go.id';
const NEW_PASSWORD = 'pepaya-kapuas-2026';

function totp(secret: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  });
}

async function statusText(page: Page): Promise<string> {
  return (await page.getByRole('status').allTextContents()).join(' ');
}

// The steps build on each other like one admin's session: node:test runs them in order.
describe('an agency admin secures their account', { skip: browserSkipReason() }, () => {
  const suite = useBrowser();
  let page: Page;
  let secret = '';
  let enrolmentCode = '';

  before(async () => {
    page = await newPage(suite.browser);
  });

  it('signs in with email and password and lands on the dashboard', async () => {
    const login = new LoginPage(page, suite.server.url);
    await login.open();
    await checkA11y(page);
    await login.signIn(EMAIL, DEMO_PASSWORD);
    assert.equal(currentPath(page), '/admin');
    assert.match(await mainHeading(page), /Dasbor/);
    await checkA11y(page);
  });

  it('changes the password and says so in a status message', async () => {
    const account = new AccountPasswordPage(page, suite.server.url);
    await account.open();
    await checkA11y(page);
    await account.change(DEMO_PASSWORD, NEW_PASSWORD);
    assert.match(await statusText(page), /Kata sandi sudah diubah/);
    await checkA11y(page);
  });

  it('enables two-factor with a code from the shown secret and lists recovery codes', async () => {
    const setup = new TwoFactorSetupPage(page, suite.server.url);
    await setup.open();
    await checkA11y(page);
    secret = await setup.secret();
    assert.match(secret, /^[A-Z2-7]{16,}=*$/, `expected a base32 secret in #kunci-rahasia, got "${secret}"`);
    const qr = setup.qrCode;
    assert.ok((await qr.count()) >= 1, 'expected a QR code image with alt text in main');
    assert.notEqual((await qr.first().getAttribute('alt'))?.trim() ?? '', '');

    enrolmentCode = totp(secret).generate();
    await setup.enable(enrolmentCode);
    const codes = await setup.recoveryCodes();
    assert.ok(codes.length >= 8, `expected recovery codes in ul.code-list, got ${codes.length}`);
    assert.equal(new Set(codes).size, codes.length, 'recovery codes must all differ');
    await checkA11y(page);
  });

  it('signs out with the Keluar button in the header', async () => {
    await new SiteHeader(page).signOut();
    await checkA11y(page);
    await visit(page, suite.server.url, '/masuk');
    assert.equal(currentPath(page), '/masuk');
    assert.equal(await page.getByRole('button', { name: 'Keluar', exact: true }).count(), 0);
  });

  it('refuses the old password after it was changed', async () => {
    const login = new LoginPage(page, suite.server.url);
    await login.open();
    await login.signIn(EMAIL, DEMO_PASSWORD);
    assert.equal(currentPath(page), '/masuk');
    assert.match(await page.getByRole('main').innerText(), /Email atau kata sandi salah/);
    await checkA11y(page);
  });

  it('asks for a one-time code after the new password once two-factor is on', async () => {
    const login = new LoginPage(page, suite.server.url);
    await login.open();
    await login.signIn(EMAIL, NEW_PASSWORD);
    assert.equal(currentPath(page), '/masuk/kode');
    assert.equal(await new TwoFactorPage(page).code.count(), 1);
    await checkA11y(page);
  });

  it('refuses the code already used to enable two-factor', async () => {
    const twoFactor = new TwoFactorPage(page);
    await twoFactor.verify(enrolmentCode);
    assert.equal(currentPath(page), '/masuk/kode');
    assert.match(await page.getByRole('main').innerText(), /Kode tidak cocok/);
    await checkA11y(page);
  });

  it('signs in with a one-time code after two-factor is enabled', async () => {
    // A code is never accepted twice, so take the next period's code: the server allows one step of drift.
    const code = totp(secret).generate({ timestamp: Date.now() + 30_000 });
    await new TwoFactorPage(page).verify(code);
    assert.equal(currentPath(page), '/admin');
    assert.match(await mainHeading(page), /Dasbor/);
    await checkA11y(page);
  });
});
