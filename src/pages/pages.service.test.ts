import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { findUserByEmail } from '../accounts/accounts.repository.js';
import { actorFor } from '../accounts/sessions.js';
import type { Actor } from '../accounts/accounts.policy.js';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import type { Agency } from '../agencies/agencies.table.js';
import { AppError } from '../errors.js';
import { searchSite } from '../search/search.service.js';
import { buildTestApp, dialects } from '../test/app.js';
import { PageSlug } from './pages.schemas.js';
import {
  addPage,
  DEFAULT_PAGES,
  menuOf,
  movePage,
  pageOf,
  pagesOf,
  removePage,
  RESERVED_PAGE_SLUGS,
  savePage,
} from './pages.service.js';

async function setUp(app: FastifyInstance): Promise<{ agency: Agency; admin: Actor }> {
  const agency = await getAgencyBySlug(app.db, 'dinkes');
  const admin = await actorFor(app.db, (await findUserByEmail(app.db, 'admin1@dinkes.pontianak.go.id'))!);
  return { agency, admin };
}

/** The field messages a refused operation carries. */
async function refusal(work: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await work;
  } catch (err) {
    assert.ok(err instanceof AppError, String(err));
    return err.fields ?? { _: err.message };
  }
  assert.fail('expected a refusal');
}

const slugs = async (app: FastifyInstance, agency: Agency) =>
  (await pagesOf(app.db, agency)).map((p) => p.slug);

for (const dialect of dialects()) {
  describe(`agency pages (${dialect})`, () => {
    it('creates the five default pages once, with Tugas dan Fungsi taken from the description', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency } = await setUp(app);
      const described = { ...agency, description: 'Urusan <b>kesehatan</b> & gizi.\n\nPelayanan\nrujukan.' };
      const [first, second] = await Promise.all([pagesOf(app.db, described), pagesOf(app.db, described)]);
      assert.deepEqual(
        first!.map((p) => p.slug),
        DEFAULT_PAGES.map((p) => p.slug),
      );
      assert.deepEqual(
        second!.map((p) => p.id),
        first!.map((p) => p.id),
        'a second first visit adds nothing',
      );
      assert.equal(
        first!.find((p) => p.slug === 'tugas-fungsi')?.bodyHtml,
        '<p>Urusan &lt;b&gt;kesehatan&lt;/b&gt; &amp; gizi.</p><p>Pelayanan<br />rujukan.</p>',
      );
      assert.deepEqual(
        menuOf(first!).map((i) => i.slug),
        ['tugas-fungsi', 'kontak'],
        'empty pages stay out of the menu, Kontak stays in',
      );
      const other = await getAgencyBySlug(app.db, 'dishub');
      assert.equal((await pagesOf(app.db, other)).length, 5, 'each agency has its own');
    });

    it('reserves every fixed path the app answers where a page address could stand', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const slugPattern = new RegExp(PageSlug.pattern!);
      const fixed = new Set<string>();
      for (const { url } of app.routeList) {
        const top = /^\/([^/:*]+)/.exec(url)?.[1];
        const underAgency = /^\/opd\/:slug\/([^/:*]+)/.exec(url)?.[1];
        for (const segment of [top, underAgency])
          if (segment && slugPattern.test(segment)) fixed.add(segment);
      }
      assert.ok(fixed.has('berita') && fixed.has('masuk') && fixed.has('admin'), [...fixed].join(' '));
      for (const segment of fixed)
        assert.ok(
          RESERVED_PAGE_SLUGS.has(segment),
          `add "${segment}" to RESERVED_PAGE_SLUGS in pages.service.ts`,
        );
    });

    it('refuses a reserved or taken address, and a title with no letters, in Indonesian', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency, admin } = await setUp(app);
      assert.match(
        (await refusal(addPage(app.db, admin, agency, { title: 'Berita' }))).title!,
        /sudah dipakai/,
      );
      assert.match(
        (await refusal(addPage(app.db, admin, agency, { title: 'Lain', slug: 'cari' }))).slug!,
        /"cari" sudah dipakai/,
      );
      assert.match(
        (await refusal(addPage(app.db, admin, agency, { title: 'Visi & Misi', slug: 'visi-misi' }))).slug!,
        /Sudah ada halaman/,
      );
      assert.match((await refusal(addPage(app.db, admin, agency, { title: 'Kontak' }))).title!, /Sudah ada/);
      assert.match(
        (await refusal(addPage(app.db, admin, agency, { title: '!!!' }))).title!,
        /huruf atau angka/,
      );
      const added = await addPage(app.db, admin, agency, { title: 'Sejarah Dinas', slug: '' });
      assert.equal(added.slug, 'sejarah-dinas');
      assert.equal((await slugs(app, agency)).at(-1), 'sejarah-dinas', 'added at the end of the menu');
      assert.match(
        (await refusal(addPage(app.db, admin, agency, { title: 'Sejarah dinas' }))).title!,
        /Sudah ada halaman dengan alamat "sejarah-dinas"/,
      );
    });

    it('moves a page one place at a time and stops at either end', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency, admin } = await setUp(app);
      const kontak = (await pageOf(app.db, agency, 'kontak'))!;
      await movePage(app.db, admin, agency, kontak, 'turun');
      await movePage(app.db, admin, agency, kontak, 'naik');
      const profil = (await pageOf(app.db, agency, 'profil'))!;
      await movePage(app.db, admin, agency, profil, 'naik');
      assert.deepEqual(await slugs(app, agency), [
        'profil',
        'visi-misi',
        'struktur-organisasi',
        'kontak',
        'tugas-fungsi',
      ]);
      const audits = await app.db
        .selectFrom('auditEvents')
        .select('action')
        .where('subjectType', '=', 'agency_page')
        .execute();
      assert.equal(audits.filter((a) => a.action === 'page.moved').length, 1, 'the moves that moved');
    });

    it('sanitises the body and keeps the search index current through edits, moves and deletion', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency, admin } = await setUp(app);
      const page = await addPage(app.db, admin, agency, { title: 'Sejarah Dinas' });
      const saved = await savePage(app.db, admin, agency, page, {
        title: ' Sejarah Dinas Kesehatan ',
        body_html: '<p onclick="x()">Didirikan di tepi Kapuas.</p><script>alert(1)</script>',
      });
      assert.equal(saved.title, 'Sejarah Dinas Kesehatan');
      assert.equal(saved.bodyHtml, '<p>Didirikan di tepi Kapuas.</p>');
      const find = async () => (await searchSite(app.db, { query: 'kapuas', page: 1 })).hits;
      const [hit] = await find();
      assert.equal(hit?.path, '/opd/dinkes/sejarah-dinas');
      assert.equal(hit?.title, 'Sejarah Dinas Kesehatan');
      await movePage(app.db, admin, agency, saved, 'naik');
      assert.equal((await find())[0]?.date, hit?.date, 'reordering leaves the page as it was indexed');
      await removePage(app.db, admin, agency, saved);
      assert.deepEqual(await find(), []);
      assert.equal(await pageOf(app.db, agency, 'sejarah-dinas'), undefined);
    });

    it('keeps the default pages: they can be emptied, not deleted', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency, admin } = await setUp(app);
      const profil = (await pageOf(app.db, agency, 'profil'))!;
      const refused = await refusal(removePage(app.db, admin, agency, profil));
      assert.match(refused._!, /Halaman bawaan tidak bisa dihapus/);
      assert.ok(await pageOf(app.db, agency, 'profil'));
    });
  });
}
