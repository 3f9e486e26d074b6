import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { categoriesOf } from './news.repository.js';
import { latestPublished, listPublished } from './news.queries.js';

// Thirty posts newer than anything the demo holds, two of them at the same instant (the id decides).
const at = (i: number) => `2099-01-01T00:00:${String(Math.min(i, 28)).padStart(2, '0')}.000Z`;

for (const dialect of dialects()) {
  describe(`published lists, page by page (${dialect})`, () => {
    it('gives each page the next posts, newest first, with a category filter and its total', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const agency = await getAgencyBySlug(app.db, 'dinkes');
      const notice = (await categoriesOf(app.db, agency.id)).find((c) => c.slug === 'pengumuman')!;
      const before = (await listPublished(app.db, { agencyId: agency.id, categorySlug: 'pengumuman' }, 1, 1))
        .total;
      const rows = Array.from({ length: 30 }, (_, i) => ({
        id: `p-${String(i).padStart(2, '0')}`,
        agencyId: agency.id,
        slug: `uji-halaman-${i}`,
        title: `Uji ${i}`,
        summary: '',
        bodyHtml: '',
        byline: '',
        reviewNote: '',
        status: 'published' as const,
        categoryId: i % 3 === 0 ? notice.id : null,
        publishedAt: at(i),
        createdAt: at(i),
        updatedAt: at(i),
      }));
      await app.db.insertInto('posts').values(rows).execute();
      // Newest first: p-29 and p-28 share a time, so the larger id comes first.
      const newest = rows.map((r) => r.id).reverse();

      const second = await listPublished(app.db, { agencyId: agency.id }, 2, 12);
      assert.deepEqual(
        second.rows.map((r) => r.id),
        newest.slice(12, 24),
      );
      assert.equal(second.rows[0]!.agencySlug, 'dinkes');
      const portal = await latestPublished(app.db, {}, 3, 1);
      assert.deepEqual(
        portal.map((r) => r.id),
        newest.slice(1, 4),
      );

      const notices = await listPublished(app.db, { agencyId: agency.id, categorySlug: 'pengumuman' }, 2, 4);
      assert.equal(notices.total, before + 10);
      assert.deepEqual(
        notices.rows.map((r) => r.id),
        newest.filter((id) => Number(id.slice(2)) % 3 === 0).slice(4, 8),
      );
      assert.ok(notices.rows.every((r) => r.categorySlug === 'pengumuman'));
    });
  });
}
