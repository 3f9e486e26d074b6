import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { buildTestApp, dialects } from '../test/app.js';
import { day, HOSTILE_QUERIES, makePage, makePost, RANKING_POSTS } from './search.fixtures.js';
import type { PostList } from './search.schemas.js';

async function list(app: FastifyInstance, query: string): Promise<PostList> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/posts${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

for (const dialect of dialects()) {
  describe(`GET /api/v1/posts (${dialect})`, () => {
    it('lists published posts newest first, a page at a time, with the total', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      for (let i = 1; i <= 23; i++)
        await makePost(app, i % 2 ? 'dinkes' : 'dishub', { title: `Kegiatan ${i}` }, day(i));
      await makePost(app, 'dinkes', { title: 'Draf rahasia' }, null);
      const first = await list(app, '');
      assert.equal(first.total, 23, 'drafts are not counted');
      assert.equal(first.per_page, 20);
      assert.equal(first.page, 1);
      assert.equal(first.items.length, 20);
      assert.deepEqual(
        first.items.slice(0, 2).map((p) => p.title),
        ['Kegiatan 23', 'Kegiatan 22'],
      );
      assert.deepEqual(first.items[0], {
        id: first.items[0]!.id,
        agency: 'dinkes',
        slug: 'kegiatan-23',
        title: 'Kegiatan 23',
        summary: '',
        published_at: day(23),
        url: `${config.baseUrl}/opd/dinkes/berita/kegiatan-23`,
      });
      const second = await list(app, '?page=2');
      assert.deepEqual(
        second.items.map((p) => p.title),
        ['Kegiatan 3', 'Kegiatan 2', 'Kegiatan 1'],
      );
      const dishub = await list(app, '?agency=dishub');
      assert.equal(dishub.total, 11);
      assert.ok(dishub.items.every((p) => p.agency === 'dishub'));
    });

    it('ranks by the search with q, lists posts only, and filters by agency', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      for (const p of RANKING_POSTS) await makePost(app, p.agency, p.text, day(p.at));
      await makePage(app, 'bpbd', { slug: 'profil', title: 'Banjir dan kita', body_html: '' });
      const found = await list(app, '?q=banjir');
      assert.equal(found.total, 5, 'the agency page is not a post');
      assert.deepEqual(
        found.items.map((p) => p.slug),
        [
          'pompa-banjir-baru-di-pasar-flamboyan',
          'layanan-kesehatan-korban-banjir',
          'banjir-rob-merendam-jalan-tanjung-raya',
          'siaga-musim-hujan',
          'normalisasi-parit-sungai-jawi',
        ],
      );
      const inPupr = await list(app, '?q=banjir&agency=pupr&page=1');
      assert.deepEqual(
        inPupr.items.map((p) => p.agency),
        ['pupr', 'pupr'],
      );
      assert.equal((await list(app, '?q=banjir&page=2')).items.length, 0);
    });

    it('gives the cover as the JPEG of about phone width', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const agency = await getAgencyBySlug(app.db, 'dinkes');
      const id = randomUUID();
      const variant = (width: number, format: string) => ({
        width,
        height: width / 2,
        format,
        key: `a/${id}/${width}.${format}`,
        bytes: 1,
      });
      await app.db
        .insertInto('media')
        .values({
          id,
          agencyId: agency.id,
          originalName: 'foto.jpg',
          mime: 'image/jpeg',
          width: 1280,
          height: 640,
          bytes: 1,
          alt: 'Posko banjir',
          caption: '',
          credit: '',
          storageKey: `a/${id}`,
          variants: JSON.stringify([
            variant(320, 'jpeg'),
            variant(640, 'webp'),
            variant(960, 'jpeg'),
            variant(640, 'jpeg'),
          ]),
          warnings: '[]',
          createdBy: null,
          createdAt: day(0),
        })
        .execute();
      await makePost(app, 'dinkes', { title: 'Posko banjir', cover_media_id: id }, day(1));
      for (const query of ['', '?q=posko']) {
        const [item] = (await list(app, query)).items;
        assert.equal(item?.cover_url, `${config.baseUrl}/media/a/${id}/640.jpeg`, query);
      }
    });

    it('refuses an unknown agency or page with a JSON error, and survives hostile queries', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await makePost(app, 'dinkes', { title: 'Banjir' }, day(1));
      for (const query of ['?agency=tidak-ada', '?page=0', '?page=abc', `?q=${'x'.repeat(1001)}`]) {
        const res = await app.inject({ method: 'GET', url: `/api/v1/posts${query}` });
        assert.equal(res.statusCode, 422, query);
        assert.equal((res.json() as { error: { code: string } }).error.code, 'validation_failed');
      }
      for (const q of HOSTILE_QUERIES) {
        const res = await app.inject({ method: 'GET', url: `/api/v1/posts?q=${encodeURIComponent(q)}` });
        assert.equal(res.statusCode, 200, JSON.stringify(q.slice(0, 40)));
      }
    });
  });
}

describe('GET /api/v1/posts in the API document', () => {
  it('is documented under the posts tag with its query and answer', async (t) => {
    const { app } = await buildTestApp(t, 'sqlite');
    const doc = (await app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { tags: string[]; parameters: { name: string }[] }>>;
    };
    const operation = doc.paths['/api/v1/posts']?.get;
    assert.deepEqual(operation?.tags, ['posts']);
    assert.deepEqual(
      operation?.parameters.map((p) => p.name),
      ['agency', 'q', 'page'],
    );
  });
});
