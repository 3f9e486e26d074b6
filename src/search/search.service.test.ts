import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { actorFor } from '../accounts/sessions.js';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import type { Dialect } from '../db/database.js';
import { deletePost, updatePost } from '../news/news.service.js';
import { transitionPost } from '../news/news.workflow.js';
import { buildTestApp, dialects } from '../test/app.js';
import {
  day,
  HOSTILE_QUERIES,
  makePage,
  makePost,
  RANKING_POSTS,
  RANKING_QUERIES,
} from './search.fixtures.js';
import { searchSite } from './search.service.js';
import { plainText } from './search.text.js';

const ids = (result: Awaited<ReturnType<typeof searchSite>>) => result.hits.map((h) => h.id);

async function publishRankingFixture(app: FastifyInstance): Promise<Map<string, string>> {
  const keyOf = new Map<string, string>();
  for (const p of RANKING_POSTS) {
    const post = await makePost(app, p.agency, p.text, day(p.at));
    keyOf.set(post.id, p.key);
  }
  return keyOf;
}

async function rankedKeys(app: FastifyInstance, keyOf: Map<string, string>) {
  const out: Record<string, string[]> = {};
  for (const query of RANKING_QUERIES) {
    // The fixture's posts only: the demo city's services are in the index too.
    const found = await searchSite(app.db, { query, page: 1, kinds: ['post'] });
    out[query] = found.hits.map((h) => keyOf.get(h.id) ?? h.id);
  }
  return out;
}

for (const dialect of dialects()) {
  describe(`searchSite (${dialect})`, () => {
    it('finds a published post by a word of its title or body, and never a draft', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const text = {
        title: 'Rapat Koordinasi Penanganan Banjir',
        body_html: '<p>Di kantor lurah Siantan.</p>',
      };
      const published = await makePost(app, 'dinkes', text, day(1));
      await makePost(app, 'dinkes', { ...text, body_html: '<p>Draf di Siantan.</p>' }, null);
      assert.deepEqual(ids(await searchSite(app.db, { query: 'banjir', page: 1 })), [published.id]);
      assert.deepEqual(ids(await searchSite(app.db, { query: 'siantan', page: 1 })), [published.id]);
      assert.deepEqual(ids(await searchSite(app.db, { query: 'draf', page: 1 })), []);
    });

    it('forgets an unpublished post and follows an edited one', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const post = await makePost(
        app,
        'dinkes',
        { title: 'Posyandu Balita', body_html: '<p>Timbang</p>' },
        day(1),
      );
      const agency = await getAgencyBySlug(app.db, 'dinkes');
      const admin = await app.db
        .selectFrom('users')
        .selectAll()
        .where('installationRole', '=', 'super_admin')
        .executeTakeFirstOrThrow();
      const actor = await actorFor(app.db, admin);
      await updatePost(app.db, actor, post, { title: 'Posyandu Lansia', body_html: '<p>Cek tensi</p>' });
      assert.equal(
        (await searchSite(app.db, { query: 'balita', page: 1 })).total,
        0,
        'the old title is gone',
      );
      assert.equal((await searchSite(app.db, { query: 'tensi', page: 1 })).total, 1, 'the new body is found');
      await transitionPost(app.db, actor, agency.id, post.id, 'unpublish');
      assert.equal((await searchSite(app.db, { query: 'lansia', page: 1 })).total, 0);
      await transitionPost(app.db, actor, agency.id, post.id, 'publish');
      assert.equal((await searchSite(app.db, { query: 'lansia', page: 1 })).total, 1, 'published again');
      await deletePost(app.db, actor, { ...post, status: 'published' });
      assert.equal((await searchSite(app.db, { query: 'lansia', page: 1 })).total, 0, 'deleted');
      const left = await sql<{
        n: number;
      }>`select count(*) as n from search_documents where kind = 'post'`.execute(app.db);
      assert.equal(Number(left.rows[0]?.n), 0, 'nothing is left behind in the index');
    });

    it('ranks a title match above a summary match above a body match, newest first among equals', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const keyOf = await publishRankingFixture(app);
      const found = await searchSite(app.db, { query: 'banjir', page: 1 });
      assert.deepEqual(
        found.hits.map((h) => keyOf.get(h.id)),
        ['title-new', 'two-words', 'title-old', 'summary-mid', 'body-new'],
      );
      assert.equal(found.total, 5);
      const both = await searchSite(app.db, { query: 'banjir kesehatan', page: 1 });
      assert.deepEqual(
        both.hits.map((h) => keyOf.get(h.id)),
        ['two-words'],
        'every word must be found',
      );
    });

    it('filters by agency and pages through the results', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await publishRankingFixture(app);
      const pupr = await getAgencyBySlug(app.db, 'pupr');
      const inPupr = await searchSite(app.db, { query: 'banjir', agencyId: pupr.id, page: 1 });
      assert.equal(inPupr.total, 2);
      assert.ok(inPupr.hits.every((h) => h.agency.slug === 'pupr'));
      const second = await searchSite(app.db, { query: 'banjir', page: 2, perPage: 2 });
      assert.equal(second.total, 5);
      assert.equal(second.hits.length, 2);
      const third = await searchSite(app.db, { query: 'banjir', page: 3, perPage: 2 });
      assert.equal(third.hits.length, 1);
      assert.equal((await searchSite(app.db, { query: 'banjir', page: 1e9 })).page, 1000);
    });

    it('finds agency pages and marks the matched words in the title and the passage', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await makePage(app, 'dinkes', {
        slug: 'kontak',
        title: 'Kontak Dinas Kesehatan',
        body_html: '<p>Layanan pengaduan kesehatan buka setiap hari kerja.</p>',
      });
      const [hit] = (await searchSite(app.db, { query: 'kesehatan', page: 1 })).hits;
      assert.equal(hit?.kind, 'page');
      assert.equal(hit?.path, '/opd/dinkes/kontak');
      assert.deepEqual(
        hit?.titleParts.filter((p) => p.mark).map((p) => p.text),
        ['Kesehatan'],
      );
      assert.equal(plainText(hit?.snippet ?? []), 'Layanan pengaduan kesehatan buka setiap hari kerja.');
      const posts = await searchSite(app.db, { query: 'kesehatan', page: 1, kinds: ['post'] });
      assert.equal(posts.total, 0, 'the API lists posts only');
    });

    it('indexes the words of a body, not its markup', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await makePost(
        app,
        'pupr',
        {
          title: 'Perbaikan',
          body_html:
            '<p>Genangan ban<strong>jir</strong> &amp; lumpur &lt;tebal&gt;</p><p>Lihat <a href="https://contoh.go.id/noopener">peta</a>' +
            '<img src="/media/abc/foto.jpg" alt="foto" width="10" height="10"></p><ul><li>satu</li><li>dua</li></ul>',
        },
        day(1),
      );
      for (const word of ['banjir', 'lumpur', 'tebal', 'peta', 'satu', 'dua'])
        assert.equal((await searchSite(app.db, { query: word, page: 1 })).total, 1, word);
      for (const word of ['strong', 'media', 'href', 'noopener', 'contoh', 'amp', 'lt', 'src', 'jir'])
        assert.equal((await searchSite(app.db, { query: `${word} `, page: 1 })).total, 0, word);
    });

    it('answers every hostile query without failing', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await makePost(
        app,
        'dinkes',
        { title: 'Banjir di Jalan', body_html: '<p>Dinas Kesehatan</p>' },
        day(1),
      );
      for (const query of HOSTILE_QUERIES) {
        const found = await searchSite(app.db, { query, page: 1 });
        assert.ok(found.total >= 0, JSON.stringify(query.slice(0, 40)));
      }
      for (const query of [
        '"banjir',
        'banjir*',
        '-banjir',
        'banjir:*',
        '(banjir) {jalan}',
        'Dinas 🏥 Kesehatan',
      ])
        assert.equal((await searchSite(app.db, { query, page: 1 })).total, 1, query);
    });
  });
}

async function fixtureRanking(t: TestContext, dialect: Dialect) {
  const { app } = await buildTestApp(t, dialect);
  return rankedKeys(app, await publishRankingFixture(app));
}

describe(
  'search on both databases',
  { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL' },
  () => {
    it('returns the same posts in the same order for the same query', async (t) => {
      const [sqlite, postgres] = [await fixtureRanking(t, 'sqlite'), await fixtureRanking(t, 'postgres')];
      assert.deepEqual(postgres, sqlite);
      assert.ok(
        Object.values(sqlite).filter((keys) => keys.length > 1).length >= 3,
        'the queries rank something',
      );
    });
  },
);
