import type { Locator, Page } from 'playwright-core';
import { visit } from './browser.js';

/** Clicks a button that submits a form and waits until the page it leads to has loaded. */
export async function submitWith(page: Page, button: Locator): Promise<void> {
  await button.click();
  await page.waitForLoadState('load');
}

/** Parts of the layout every page shares. */
export class SiteHeader {
  constructor(private readonly page: Page) {}

  /** "Keluar" is a POST form in the header, so signing out cannot be triggered by a link. */
  async signOut(): Promise<void> {
    await submitWith(this.page, this.page.getByRole('button', { name: 'Keluar', exact: true }));
  }
}

/** /masuk: email and password. */
export class LoginPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await visit(this.page, this.baseUrl, '/masuk');
  }

  get email(): Locator {
    return this.page.getByLabel('Email', { exact: true });
  }

  get password(): Locator {
    return this.page.getByLabel('Kata sandi', { exact: true });
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await submitWith(this.page, this.page.getByRole('button', { name: 'Masuk', exact: true }));
  }
}

/** /masuk/kode: the second step of signing in when two-factor is on. */
export class TwoFactorPage {
  constructor(private readonly page: Page) {}

  get code(): Locator {
    return this.page.getByLabel('Kode verifikasi', { exact: true });
  }

  async verify(code: string): Promise<void> {
    await this.code.fill(code);
    await submitWith(this.page, this.page.getByRole('button', { name: 'Verifikasi', exact: true }));
  }
}

/** /admin/akun/kata-sandi */
export class AccountPasswordPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await visit(this.page, this.baseUrl, '/admin/akun/kata-sandi');
  }

  async change(current: string, next: string): Promise<void> {
    await this.page.getByLabel('Kata sandi sekarang', { exact: true }).fill(current);
    await this.page.getByLabel('Kata sandi baru', { exact: true }).fill(next);
    await this.page.getByLabel('Ulangi kata sandi baru', { exact: true }).fill(next);
    await submitWith(this.page, this.page.getByRole('button', { name: 'Ubah kata sandi', exact: true }));
  }
}

/** /admin/akun/dua-faktor: shows a secret and QR code, then takes a first code to switch two-factor on. */
export class TwoFactorSetupPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await visit(this.page, this.baseUrl, '/admin/akun/dua-faktor');
  }

  /** The base32 secret as shown for typing into an authenticator app, spaces removed. */
  async secret(): Promise<string> {
    // The secret is in a <code> with no label of its own, so it is found by its id.
    const text = await this.page.locator('#kunci-rahasia').textContent();
    return (text ?? '').replace(/\s+/g, '');
  }

  /** The QR code; an image with empty alt text would not be found here. */
  get qrCode(): Locator {
    return this.page.getByRole('main').getByRole('img');
  }

  async enable(code: string): Promise<void> {
    await this.page.getByLabel('Kode verifikasi', { exact: true }).fill(code);
    await submitWith(this.page, this.page.getByRole('button', { name: 'Aktifkan', exact: true }));
  }

  /** Shown once, right after two-factor was switched on. */
  async recoveryCodes(): Promise<string[]> {
    const items = await this.page.locator('ul.code-list li').allTextContents();
    return items.map((item) => item.trim());
  }
}
