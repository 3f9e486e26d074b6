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
import { LoginPage, submitWith } from './pages.js';

const EMAIL = 'admin1@dinkes.pontianak.go.id';

// One OPD admin on a phone, without JavaScript: the log's filters and the guides are plain pages.
describe('an OPD admin reads the audit log and the guides', { skip: browserSkipReason() }, () => {
  const suite = useBrowser();
  let page: Page;

  before(async () => {
    page = await newPage(suite.browser, { javaScriptEnabled: false });
    const login = new LoginPage(page, suite.server.url);
    await login.open();
    await login.signIn(EMAIL, DEMO_PASSWORD);
    assert.equal(currentPath(page), '/admin');
  });

  it('finds their own sign-in in the log by filtering on the action', async () => {
    await page.getByRole('link', { name: 'Siapa mengubah apa, kapan dan dari mana' }).click();
    await page.waitForLoadState('load');
    assert.equal(await mainHeading(page), 'Log audit');
    await checkA11y(page);
    await page.getByLabel('Tindakan').selectOption({ label: 'Berita dibuat' });
    await submitWith(page, page.getByRole('button', { name: 'Saring' }));
    assert.match(page.url(), /tindakan=post\.created/);
    await checkA11y(page);
  });

  it('reads each guide from the index, every one accessible', async () => {
    await visit(page, suite.server.url, '/admin/panduan');
    await checkA11y(page);
    for (const title of [
      'Menulis berita kegiatan yang baik',
      'Memilih dan mengambil foto yang layak tayang',
      'Mengisi standar pelayanan',
    ]) {
      await visit(page, suite.server.url, '/admin/panduan');
      await page.getByRole('link', { name: title }).first().click();
      await page.waitForLoadState('load');
      assert.equal(await mainHeading(page), title);
      await checkA11y(page);
    }
  });
});
