import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { currentPath, visit } from './browser.js';
import { LoginPage, SiteHeader, submitWith } from './pages.js';

/** The flash and other status messages of the page now shown, joined. */
export async function statusText(page: Page): Promise<string> {
  return (await page.getByRole('status').allTextContents()).join(' ');
}

/** Signs in from /masuk and checks that the admin dashboard answered. */
export async function signInAs(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  const login = new LoginPage(page, baseUrl);
  await login.open();
  await login.signIn(email, password);
  assert.equal(currentPath(page), '/admin', `sign-in as ${email} did not reach /admin`);
}

export async function signOut(page: Page): Promise<void> {
  await new SiteHeader(page).signOut();
}

/** /admin/opd/{slug}/pengguna: invites a person and returns the invitation link shown on screen. */
export async function invite(page: Page, name: string, email: string, roleLabel: string): Promise<string> {
  await page.getByLabel('Nama', { exact: true }).fill(name);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Peran').selectOption({ label: roleLabel });
  await submitWith(page, page.getByRole('button', { name: 'Kirim undangan' }));
  const link = (await page.locator('code.break').innerText()).trim();
  assert.match(link, /\/atur-kata-sandi\?token=/);
  return link;
}

/** Follows an invitation link (its path, on the test server) and chooses a password. */
export async function acceptInvitation(
  page: Page,
  baseUrl: string,
  link: string,
  password: string,
): Promise<void> {
  const { pathname, search } = new URL(link);
  await visit(page, baseUrl, `${pathname}${search}`);
  await page.getByLabel('Kata sandi baru', { exact: true }).fill(password);
  await page.getByLabel('Ulangi kata sandi baru', { exact: true }).fill(password);
  await submitWith(page, page.getByRole('button', { name: 'Simpan kata sandi' }));
  assert.equal(currentPath(page), '/masuk');
}

/** "Kegiatan baru", /admin/opd/{slug}/kegiatan-baru: the one phone screen for the day's activity. */
export class QuickPostScreen {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
    private readonly agency: string,
  ) {}

  async open(): Promise<void> {
    await visit(this.page, this.baseUrl, `/admin/opd/${this.agency}/kegiatan-baru`);
  }

  /** The label reads "Foto kegiatan (opsional)", so it is matched from its start. */
  get photos(): Locator {
    return this.page.getByLabel(/^Foto kegiatan/);
  }

  async choosePhotos(files: string[]): Promise<void> {
    await this.photos.setInputFiles(files);
  }

  /** Waits until `count` photos in the upload list say "Terunggah" (uploaded by the page's script). */
  async waitUploaded(count: number): Promise<void> {
    await this.page.waitForFunction(
      (n) =>
        Array.from(document.querySelectorAll('.upload-list__status')).filter((s) =>
          (s.textContent ?? '').startsWith('Terunggah'),
        ).length === n,
      count,
      { timeout: 30_000 },
    );
  }

  /** The per-photo progress bars and what each of them says. */
  async progress(): Promise<{ value: number; status: string }[]> {
    return this.page.locator('.upload-list__item').evaluateAll((items) =>
      items.map((item) => ({
        value: item.querySelector('progress')?.value ?? -1,
        status: item.querySelector('.upload-list__status')?.textContent ?? '',
      })),
    );
  }

  async fill(text: { alt: string; title: string; story: string }): Promise<void> {
    await this.page.getByLabel(/^Keterangan foto/).fill(text.alt);
    await this.page.getByLabel('Judul', { exact: true }).fill(text.title);
    await this.page.getByLabel('Cerita singkat', { exact: true }).fill(text.story);
  }

  async submitForReview(): Promise<void> {
    await submitWith(this.page, this.page.getByRole('button', { name: 'Ajukan untuk ditinjau' }));
  }
}

/** The editor /admin/opd/{slug}/berita/{id}, with its workflow buttons. */
export class PostEditor {
  constructor(private readonly page: Page) {}

  /** The id of the post from the editor's address. */
  id(): string {
    const id = currentPath(this.page).split('/').pop() ?? '';
    assert.match(id, /^[0-9a-f-]{36}$/, `not on a post's editor: ${this.page.url()}`);
    return id;
  }

  async status(): Promise<string> {
    const text = await this.page.getByRole('main').locator('p', { hasText: 'Status:' }).first().innerText();
    return text.replace(/\s+/g, ' ');
  }

  /** Photos ticked "Pakai di galeri". */
  checkedGalleryPhotos(): Promise<number> {
    return this.page.locator('input[name=gallery_media_ids]:checked').count();
  }

  async publishNow(): Promise<void> {
    await submitWith(this.page, this.page.getByRole('button', { name: 'Terbitkan sekarang' }));
  }

  /** The path of the published article ("Lihat di situs"). */
  async publicPath(): Promise<string> {
    const href = await this.page.getByRole('link', { name: 'Lihat di situs' }).getAttribute('href');
    assert.ok(href, 'no "Lihat di situs" link after publishing');
    return href;
  }
}

/** How many links in the page's main content point at `path` (absolute or relative). */
export function linksTo(page: Page, path: string): Promise<number> {
  return page
    .getByRole('main')
    .locator('a[href]')
    .evaluateAll(
      (links, p) => links.filter((a) => new URL((a as HTMLAnchorElement).href).pathname === p).length,
      path,
    );
}
