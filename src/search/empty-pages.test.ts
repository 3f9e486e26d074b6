import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { actorFor } from '../accounts/sessions.js';
import { findUserByEmail } from '../accounts/accounts.repository.js';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { pageOf, pagesOf, savePage } from '../pages/pages.service.js';
import { searchSite } from './search.service.js';

for (const dialect of dialects()) {
  describe(`search and agency pages (${dialect})`, () => {
    it('finds an agency page once someone has written it, not while it is empty', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const agency = await getAgencyBySlug(app.db, 'dinkes');
      await pagesOf(app.db, agency);
      const empty = await searchSite(app.db, { query: 'visi misi', page: 1 });
      assert.equal(empty.total, 0, 'an empty Visi dan Misi page is no result');
      const page = await pageOf(app.db, agency, 'visi-misi');
      assert.ok(page);
      const actor = await actorFor(app.db, (await findUserByEmail(app.db, 'admin1@dinkes.pontianak.go.id'))!);
      await savePage(app.db, actor, agency, page, {
        title: page.title,
        body_html: '<p>Masyarakat Pontianak sehat.</p>',
      });
      const found = await searchSite(app.db, { query: 'visi misi', page: 1 });
      assert.equal(found.total, 1);
      assert.equal(found.hits[0]?.kind, 'page');
    });
  });
}
