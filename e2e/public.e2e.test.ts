import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  browserSkipReason,
  checkA11y,
  currentPath,
  useBrowser,
  mainHeading,
  newPage,
  visit,
} from './browser.js';
import { LoginPage, submitWith } from './pages.js';

const SKIP = browserSkipReason();

/** Types a name into the directory's filter and submits it with "Saring". */
async function filterDirectory(page: Page, name: string): Promise<void> {
  await page.getByLabel('Cari nama', { exact: true }).fill(name);
  await submitWith(page, page.getByRole('button', { name: 'Saring', exact: true }));
}

function agencyLinks(page: Page): Locator {
  return page.getByRole('main').getByRole('link');
}

describe('public pages', { skip: SKIP }, () => {
  const suite = useBrowser();
  let page: Page;

  before(async () => {
    page = await newPage(suite.browser);
  });

  it('shows the city portal at / with its name as the main heading', async () => {
    await visit(page, suite.server.url, '/');
    assert.equal(await mainHeading(page), 'Pemerintah Kota Pontianak');
    await checkA11y(page);
  });

  it('puts keyboard focus on the skip link first', async () => {
    await visit(page, suite.server.url, '/');
    await page.keyboard.press('Tab');
    const focused = await page.locator(':focus').textContent();
    assert.equal(focused?.trim(), 'Langsung ke konten utama');
    await checkA11y(page);
  });

  it('lists every agency in /opd as a link and filters them by name', async () => {
    await visit(page, suite.server.url, '/opd');
    const all = await agencyLinks(page).count();
    assert.ok(all >= 30, `expected at least 30 agency links, found ${all}`);
    await checkA11y(page);

    await filterDirectory(page, 'kesehatan');
    assert.equal(currentPath(page), '/opd');
    assert.equal(await page.getByRole('link', { name: 'Dinas Kesehatan', exact: true }).count(), 1);
    const filtered = await agencyLinks(page).count();
    assert.ok(filtered < all, `the filter kept all ${all} agencies`);
    assert.equal(await page.getByLabel('Cari nama', { exact: true }).inputValue(), 'kesehatan');
    await checkA11y(page);
  });

  it("shows an agency's own home page at /opd/dinkes", async () => {
    await visit(page, suite.server.url, '/opd/dinkes');
    assert.equal(await mainHeading(page), 'Dinas Kesehatan');
    await checkA11y(page);
  });

  it('answers an unknown address with a 404 page', async () => {
    await visit(page, suite.server.url, '/tidak-ada', 404);
    assert.equal(await mainHeading(page), 'Halaman tidak ditemukan');
    await checkA11y(page);
  });

  it('shows the sign-in form at /masuk with labelled fields', async () => {
    const login = new LoginPage(page, suite.server.url);
    await login.open();
    assert.equal(await login.email.count(), 1);
    assert.equal(await login.password.count(), 1);
    await checkA11y(page);
  });

  describe('without JavaScript', () => {
    let noScript: Page;

    before(async () => {
      noScript = await newPage(suite.browser, { javaScriptEnabled: false });
    });

    after(async () => {
      await noScript?.context().close();
    });

    it('renders the portal, an agency and the sign-in page', async () => {
      for (const [path, heading] of [
        ['/', 'Pemerintah Kota Pontianak'],
        ['/opd/dinkes', 'Dinas Kesehatan'],
      ] as const) {
        await visit(noScript, suite.server.url, path);
        assert.equal(await mainHeading(noScript), heading);
        await checkA11y(noScript);
      }
      await new LoginPage(noScript, suite.server.url).open();
      assert.equal(await new LoginPage(noScript, suite.server.url).email.count(), 1);
      await checkA11y(noScript);
    });

    it('filters the agency directory with its GET form', async () => {
      await visit(noScript, suite.server.url, '/opd');
      await checkA11y(noScript);
      await filterDirectory(noScript, 'kesehatan');
      const url = new URL(noScript.url());
      assert.equal(url.pathname, '/opd');
      assert.equal(url.searchParams.get('q'), 'kesehatan');
      assert.equal(await noScript.getByRole('link', { name: 'Dinas Kesehatan', exact: true }).count(), 1);
      await checkA11y(noScript);
    });
  });
});
