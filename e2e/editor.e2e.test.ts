import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Dialog, Locator, Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
  browserSkipReason,
  checkA11y,
  currentPath,
  useBrowser,
  newPage,
  visit,
} from './browser.js';
import { LoginPage, submitWith } from './pages.js';

const ADMIN = 'admin1@dinkes.pontianak.go.id';
const NEW_POST = '/admin/opd/dinkes/berita/baru';
const TABLE_BODY =
  '<p>Jadwal <em>imunisasi</em>:</p><table><tbody><tr><td>Senin</td><td>Posyandu Melati</td></tr></tbody></table>';

declare global {
  interface Window {
    reportCspViolation?: (text: string) => void;
  }
}

/**
 * Collects every Content-Security-Policy violation the page reports, on every page it loads, from before
 * its first script runs: the `securitypolicyviolation` events and, as a second witness, the console.
 */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.reportCspViolation?.(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  return violations;
}

/** The body field of /admin/opd/{slug}/berita/…, enhanced into the rich-text editor. */
class BodyEditor {
  constructor(private readonly page: Page) {}

  /** The editable area, found as a screen reader finds it: a text box named by the "Isi" label. */
  get text(): Locator {
    return this.page.getByRole('textbox', { name: 'Isi', exact: true });
  }

  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Format isi' });
  }

  button(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  /** What the form will post: the hidden textarea the editor writes into. */
  posted(): Promise<string> {
    return this.page.locator('textarea[name=body_html]').inputValue();
  }
}

describe('the rich-text editor of a post body', { skip: browserSkipReason() }, () => {
  const suite = useBrowser();
  let page: Page;
  let cspViolations: string[];
  let tablePath = '';

  before(async () => {
    page = await newPage(suite.browser);
    cspViolations = await watchCsp(page);
    await new LoginPage(page, suite.server.url).open();
    await new LoginPage(page, suite.server.url).signIn(ADMIN, DEMO_PASSWORD);
  });

  it('replaces the textarea with a labelled text box and toolbar, and passes axe', async () => {
    await visit(page, suite.server.url, NEW_POST);
    const editor = new BodyEditor(page);
    await editor.text.waitFor();
    assert.equal(await page.locator('textarea[name=body_html]').isHidden(), true);
    assert.equal(await editor.text.getAttribute('aria-multiline'), 'true');
    assert.equal(await editor.toolbar.getByRole('button').count(), 11);
    assert.equal(await editor.button('Tebal').getAttribute('aria-pressed'), 'false');
    assert.equal(await editor.button('Urungkan').getAttribute('aria-disabled'), 'true');
    await checkA11y(page);
  });

  it('makes the toolbar one tab stop that the arrow keys move through', async () => {
    const editor = new BodyEditor(page);
    await editor.button('Tebal').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Miring');
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Ulangi');
    assert.equal(await editor.toolbar.locator('button[tabindex="0"]').count(), 1);
    await page.keyboard.press('Home');
  });

  it('saves bold text and a bulleted list as a draft, and shows them again', async () => {
    const editor = new BodyEditor(page);
    await page.getByRole('textbox', { name: 'Judul', exact: true }).fill('Posyandu Melati buka setiap Senin');
    await editor.text.click();
    await page.keyboard.type('Posyandu Melati buka setiap Senin');
    await page.keyboard.press('Enter');
    await editor.button('Daftar berbutir').click();
    assert.equal(await editor.button('Daftar berbutir').getAttribute('aria-pressed'), 'true');
    await page.keyboard.type('Timbang berat badan');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Imunisasi dasar');
    // Select the first paragraph's last word with the keyboard, then make it bold from the toolbar.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Control+ArrowLeft');
    await editor.button('Tebal').click();
    assert.equal(await editor.button('Tebal').getAttribute('aria-pressed'), 'true');
    assert.equal(await editor.button('Daftar berbutir').getAttribute('aria-pressed'), 'false');
    assert.equal(
      await editor.posted(),
      '<p>Posyandu Melati buka setiap <strong>Senin</strong></p>' +
        '<ul><li><p>Timbang berat badan</p></li><li><p>Imunisasi dasar</p></li></ul>',
    );
    assert.equal(await editor.button('Urungkan').getAttribute('aria-disabled'), null);

    await submitWith(page, page.getByRole('button', { name: 'Simpan draf' }));
    assert.match(currentPath(page), /^\/admin\/opd\/dinkes\/berita\/[0-9a-f-]{36}$/);
    await page.reload();
    const stored = await editor.posted();
    assert.match(stored, /<strong>Senin<\/strong>/);
    assert.match(stored, /<ul>\s*<li>/);
    await editor.text.waitFor();
    assert.equal(await editor.text.locator('strong').innerText(), 'Senin');
    assert.equal(await editor.text.locator('ul > li').count(), 2);
    await checkA11y(page);
  });

  it('accepts only web and mail addresses for a link', async () => {
    const editor = new BodyEditor(page);
    // The prompts are answered in turn; an alert is only acknowledged.
    const answers = ['javascript:alert(1)', 'dinkes.pontianak.go.id/posyandu'];
    const dialogs: string[] = [];
    const answer = (dialog: Dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void (dialog.type() === 'prompt' ? dialog.accept(answers.shift()) : dialog.accept());
    };
    page.on('dialog', answer);
    try {
      await editor.text.locator('strong').dblclick();
      await editor.button('Tautan').click();
      assert.match(
        dialogs.join('\n'),
        /alert: Alamat tautan harus diawali http:\/\/, https:\/\/ atau mailto:/,
      );
      assert.doesNotMatch(await editor.posted(), /<a /);

      await editor.button('Tautan').click();
      assert.match(
        await editor.posted(),
        /<a href="https:\/\/dinkes\.pontianak\.go\.id\/posyandu"><strong>Senin<\/strong><\/a>/,
      );
      assert.equal(await editor.button('Hapus tautan').getAttribute('aria-disabled'), null);
      await editor.button('Hapus tautan').click();
      assert.doesNotMatch(await editor.posted(), /<a /);
      assert.equal(await editor.button('Hapus tautan').getAttribute('aria-disabled'), 'true');
    } finally {
      page.off('dialog', answer);
    }
  });

  it('runs without a single Content-Security-Policy violation', async () => {
    assert.deepEqual(cspViolations, []);
    // Not even one the policy would have allowed to be reported late: no inline style anywhere.
    assert.equal(await page.locator('style, [style]').count(), 0);
  });

  it('leaves the plain textarea working when JavaScript is off', async () => {
    const plain = await newPage(suite.browser, { javaScriptEnabled: false });
    await plain.context().addCookies(await page.context().cookies());
    try {
      await visit(plain, suite.server.url, NEW_POST);
      const body = plain.getByRole('textbox', { name: 'Isi', exact: true });
      assert.equal(await body.evaluate((el) => el.tagName), 'TEXTAREA');
      assert.equal(await plain.getByRole('toolbar').count(), 0);
      await checkA11y(plain);
      await plain.getByRole('textbox', { name: 'Judul', exact: true }).fill('Jadwal imunisasi');
      await body.fill(TABLE_BODY);
      await submitWith(plain, plain.getByRole('button', { name: 'Simpan draf' }));
      assert.match(currentPath(plain), /^\/admin\/opd\/dinkes\/berita\/[0-9a-f-]{36}$/);
      tablePath = currentPath(plain);
      assert.equal(await plain.getByRole('textbox', { name: 'Isi', exact: true }).inputValue(), TABLE_BODY);
    } finally {
      await plain.context().close();
    }
  });

  it('keeps the plain textarea for a body the editor would cut short, such as a table', async () => {
    await visit(page, suite.server.url, tablePath);
    const body = page.getByRole('textbox', { name: 'Isi', exact: true });
    assert.equal(await body.evaluate((el) => el.tagName), 'TEXTAREA');
    assert.equal(await body.inputValue(), TABLE_BODY);
    assert.equal(await page.getByRole('toolbar').count(), 0);
    assert.deepEqual(cspViolations, []);
  });
});
