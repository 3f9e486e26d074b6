import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { currentPath, visit } from './browser.js';
import { submitWith } from './pages.js';

/** What a citizen types into the complaint form. */
export interface ComplaintReport {
  /** the visible label of the class's radio button, e.g. "Pengaduan" */
  classLabel: string;
  title: string;
  description: string;
  categoryLabel: string;
  kelurahanLabel: string;
  name: string;
  email: string;
  phone: string;
  anonymous: boolean;
}

/** Text of one <dd> in a description list, found by its <dt>. */
async function detail(scope: Locator, term: string): Promise<string> {
  const row = scope.locator('.details__row').filter({ has: scope.page().getByText(term, { exact: true }) });
  const text = await row.locator('dd').innerText();
  return text.replace(/\s+/g, ' ').trim();
}

/** /aduan: the city's complaint form, with the proof of work its script solves in the background. */
export class ComplaintForm {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await visit(this.page, this.baseUrl, '/aduan');
  }

  /** The status line under the form where the script says how the "not a robot" check is going. */
  get powStatus(): Locator {
    return this.page.locator('form.aduan-form').getByRole('status');
  }

  get attachments(): Locator {
    return this.page.getByLabel(/^Foto atau dokumen PDF/);
  }

  async fill(report: ComplaintReport): Promise<void> {
    const p = this.page;
    // The radio's and checkbox's labels carry their explanation too, so they are matched from the start.
    await p.getByRole('radio', { name: new RegExp(`^${report.classLabel}\\b`) }).check();
    await p.getByLabel('Judul laporan', { exact: true }).fill(report.title);
    await p.getByLabel('Isi laporan', { exact: true }).fill(report.description);
    await p.getByLabel('Kategori', { exact: true }).selectOption({ label: report.categoryLabel });
    await p.getByLabel(/^Kelurahan/).selectOption({ label: report.kelurahanLabel });
    await p.getByLabel('Nama', { exact: true }).fill(report.name);
    await p.getByRole('textbox', { name: /^Email/ }).fill(report.email);
    await p.getByRole('textbox', { name: /^Nomor WhatsApp/ }).fill(report.phone);
    await p.getByRole('checkbox', { name: /^Anonim:/ }).setChecked(report.anonymous);
    await p.getByRole('checkbox', { name: /^Saya setuju data saya dipakai/ }).check();
  }

  async attach(files: string[]): Promise<void> {
    await this.attachments.setInputFiles(files);
  }

  /** Waits until the script has solved the proof of work and says "Siap dikirim." */
  async waitReady(timeout = 60_000): Promise<void> {
    await this.powStatus.filter({ hasText: 'Siap dikirim.' }).waitFor({ timeout });
  }

  /** Taps "Kirim laporan" (a phone has no mouse) and waits for the receipt page. */
  async submit(): Promise<void> {
    const arrived = this.page.waitForURL((url) => url.pathname === '/aduan/terkirim');
    await this.page.getByRole('button', { name: 'Kirim laporan', exact: true }).tap();
    await arrived;
    await this.page.waitForLoadState('load');
  }
}

/** /aduan/terkirim: the tracking code and the private link, shown once after filing. */
export class ComplaintReceipt {
  constructor(private readonly page: Page) {}

  /** The code, found through its label "Nomor tiket" (aria-labelledby). */
  async trackingCode(): Promise<string> {
    const text = await this.page.getByLabel('Nomor tiket', { exact: true }).innerText();
    return text.trim();
  }

  /** The private link as shown on screen (it is also the link's text, so a person can copy it). */
  async privateLink(): Promise<string> {
    const link = this.page.getByRole('link', { name: /\/aduan\/lacak\?kode=.*&kunci=/ });
    const href = await link.getAttribute('href');
    assert.ok(href, 'no private link on the receipt');
    assert.equal((await link.innerText()).trim(), href, 'the link text should be the link itself');
    return href;
  }
}

/** /admin/aduan: the staff queue, with its tabs. */
export class ComplaintQueue {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await visit(this.page, this.baseUrl, '/admin/aduan');
  }

  /** Follows a tab of "Antrean aduan", e.g. "Baru"; the tab's name ends with its count. */
  async openTab(name: string): Promise<void> {
    const tabs = this.page.getByRole('navigation', { name: 'Antrean aduan' });
    await tabs.getByRole('link', { name: new RegExp(`^${name}( \\(\\d+\\))?$`) }).click();
    await this.page.waitForLoadState('load');
  }

  /** The queue's row of a complaint, found by its tracking code. */
  row(code: string): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: code, exact: true }) });
  }

  async openComplaint(code: string): Promise<void> {
    await this.row(code).getByRole('link', { name: code, exact: true }).click();
    await this.page.waitForLoadState('load');
    assert.equal(currentPath(this.page), `/admin/aduan/${code}`);
  }
}

/** /admin/aduan/{code}: one complaint as staff see it, with one folded form per step allowed now. */
export class ComplaintDetail {
  constructor(private readonly page: Page) {}

  /** The folded form of a step, by the text of its <summary>; opened when it is still closed. */
  private async step(title: string): Promise<Locator> {
    // `>`: the assign form folds its co-assignees in a <details> of its own.
    const summary = this.page.locator('details.complaint-action > summary').getByText(title, { exact: true });
    const details = summary.locator('..');
    if (!(await details.evaluate((el: HTMLDetailsElement) => el.open))) await summary.click();
    return details;
  }

  async status(): Promise<string> {
    return detail(this.page.getByRole('main'), 'Status');
  }

  async fact(term: string): Promise<string> {
    return detail(this.page.getByRole('main'), term);
  }

  /** The "Pelapor" section: the reporter's data, or the note that it is hidden. */
  get reporter(): Locator {
    return this.page.getByRole('region', { name: 'Pelapor', exact: true });
  }

  /** Links of the attachments, as paths. */
  async attachmentPaths(): Promise<string[]> {
    const links = this.page.getByRole('region', { name: 'Lampiran', exact: true }).getByRole('link');
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    return hrefs;
  }

  async assign(agencyName: string, message: string): Promise<void> {
    const form = await this.step('Teruskan ke OPD (disposisi)');
    await form.getByLabel('OPD penanggung jawab', { exact: true }).selectOption({ label: agencyName });
    await form.getByLabel(/^Pesan untuk pelapor/).fill(message);
    await submitWith(this.page, form.getByRole('button', { name: 'Teruskan', exact: true }));
  }

  async acknowledge(): Promise<void> {
    const form = await this.step('Mulai tindak lanjut');
    await submitWith(this.page, form.getByRole('button', { name: 'Mulai tindak lanjut', exact: true }));
  }

  async answer(text: string, internalNote: string): Promise<void> {
    const form = await this.step('Beri tanggapan');
    await form.getByLabel('Tanggapan untuk pelapor', { exact: true }).fill(text);
    await form.getByLabel(/^Catatan internal/).fill(internalNote);
    await submitWith(this.page, form.getByRole('button', { name: 'Kirim tanggapan', exact: true }));
  }
}

/** /aduan/lacak: by code (public view) or, after the private link, the citizen's own view. */
export class TrackingPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Follows a private link (its path and query, on the test server); the server drops the key from the address. */
  async openPrivateLink(link: string): Promise<void> {
    const { pathname, search } = new URL(link);
    await visit(this.page, this.baseUrl, `${pathname}${search}`);
    assert.doesNotMatch(this.page.url(), /kunci=/, 'the access key should leave the address bar');
  }

  /** Types a code into "Nomor tiket" on /aduan/lacak and follows "Lacak". */
  async lookUp(code: string): Promise<void> {
    await visit(this.page, this.baseUrl, '/aduan/lacak');
    await this.page.getByLabel('Nomor tiket', { exact: true }).fill(code);
    await submitWith(this.page, this.page.getByRole('button', { name: 'Lacak', exact: true }));
  }

  private get summary(): Locator {
    return this.page.getByRole('region', { name: 'Ringkasan', exact: true });
  }

  async trackingCode(): Promise<string> {
    return detail(this.summary, 'Nomor tiket');
  }

  async agency(): Promise<string> {
    return detail(this.summary, 'OPD yang menangani');
  }

  async status(): Promise<string> {
    const text = await this.summary.getByText(/^Status:/).innerText();
    return text.replace(/^Status:\s*/, '').trim();
  }

  /** The answers under "Tanggapan", each as "meta" (OPD · time) and text. */
  async answers(): Promise<{ meta: string; text: string }[]> {
    const items = this.page.getByRole('region', { name: 'Tanggapan', exact: true }).getByRole('article');
    return items.evaluateAll((articles) =>
      articles.map((el) => ({
        meta: el.querySelector('.answer__meta')?.textContent?.trim() ?? '',
        text: el.querySelector('.answer__text')?.textContent?.trim() ?? '',
      })),
    );
  }

  /** The private part "Laporan Anda" that only the link's holder sees. */
  get ownData(): Locator {
    return this.page.getByRole('region', { name: 'Laporan Anda', exact: true });
  }

  async accept(): Promise<void> {
    const button = this.page.getByRole('button', { name: 'Terima tanggapan dan tutup laporan', exact: true });
    // The step answers with a redirect to the same address, so the wait is for a new document, not a new URL.
    const navigated = this.page.waitForEvent('framenavigated', (frame) => frame === this.page.mainFrame());
    await button.tap();
    await navigated;
    await this.page.waitForLoadState('load');
  }

  async rate(stars: number, comment: string): Promise<void> {
    const form = this.page.getByRole('group', { name: 'Nilai untuk tanggapan ini' });
    await form.getByRole('radio', { name: new RegExp(`^${stars}\\b`) }).check();
    await this.page.getByLabel(/^Komentar/).fill(comment);
    await submitWith(this.page, this.page.getByRole('button', { name: 'Kirim penilaian', exact: true }));
  }

  /** Each public step of "Riwayat", its label and message joined. */
  async timeline(): Promise<string[]> {
    const items = this.page.getByRole('region', { name: 'Riwayat', exact: true }).getByRole('listitem');
    return (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }
}

/** /aduan/laporan: the city's public list of complaints. */
export class PublicComplaintList {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await visit(this.page, this.baseUrl, '/aduan/laporan');
  }

  /** The list item of a complaint, found by the link of its title. */
  item(title: string): Locator {
    return this.page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }
}
