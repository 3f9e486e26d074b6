import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import type { AgencyRole } from '../accounts/accounts.table.js';
import { buildTestApp, dialects } from '../test/app.js';
import { apiToken } from '../test/client.js';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { makeMember } from '../test/factories.js';

const PASSWORD = 'kata-sandi-uji-123';

/** A new member of `slug` with `role`, and their bearer token. */
async function member(app: FastifyInstance, slug: string, role: AgencyRole): Promise<string> {
  const { email, password } = await makeMember(app, slug, role, { password: PASSWORD });
  return apiToken(app, email, password);
}

const api = (app: FastifyInstance, token: string, method: HTTPMethods, url: string, payload?: object) =>
  app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload ? { payload } : {}),
  });

async function postsOf(app: FastifyInstance, slug: string) {
  const agency = await getAgencyBySlug(app.db, slug);
  return app.db.selectFrom('posts').selectAll().where('agencyId', '=', agency.id).execute();
}

interface ErrorJson {
  error: { code: string; message: string; fields?: Record<string, string> };
}

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();
const anHourAgo = () => new Date(Date.now() - 3600_000).toISOString();
const post = { title: 'Rapat Koordinasi Penanganan Banjir', body_html: '<p>Rapat di kantor lurah.</p>' };

for (const dialect of dialects()) {
  describe(`POST /api/v1/agencies/:slug/posts (${dialect})`, () => {
    it('publishes at once for an editor, and the database holds it as published', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const editor = await member(app, 'dinkes', 'editor');
      const res = await api(app, editor, 'POST', '/api/v1/agencies/dinkes/posts', {
        ...post,
        status: 'published',
      });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json() as { id: string; slug: string; status: string; url: string };
      assert.deepEqual(body, {
        id: body.id,
        slug: 'rapat-koordinasi-penanganan-banjir',
        status: 'published',
        url: `${config.baseUrl}/opd/dinkes/berita/rapat-koordinasi-penanganan-banjir`,
      });
      const [row] = await postsOf(app, 'dinkes');
      assert.equal(row?.id, body.id);
      assert.equal(row?.status, 'published');
      assert.ok(row?.publishedAt, 'the publication time is recorded');
    });

    it('saves a draft by default and submits for review when asked', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const author = await member(app, 'dinkes', 'author');
      const draft = await api(app, author, 'POST', '/api/v1/agencies/dinkes/posts', post);
      assert.equal(draft.statusCode, 201, draft.body);
      assert.equal((draft.json() as { status: string }).status, 'draft');
      const review = await api(app, author, 'POST', '/api/v1/agencies/dinkes/posts', {
        ...post,
        status: 'review',
      });
      assert.equal(review.statusCode, 201, review.body);
      assert.equal((review.json() as { status: string }).status, 'review');
      assert.deepEqual((await postsOf(app, 'dinkes')).map((p) => p.status).sort(), ['draft', 'review']);
    });

    it('refuses an author who asks to publish or schedule with 403, and saves nothing', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const author = await member(app, 'dinkes', 'author');
      for (const status of ['published', 'scheduled']) {
        const res = await api(app, author, 'POST', '/api/v1/agencies/dinkes/posts', {
          ...post,
          status,
          publish_at: inAnHour(),
        });
        assert.equal(res.statusCode, 403, `${status}: ${res.body}`);
        assert.equal((res.json() as ErrorJson).error.code, 'forbidden');
      }
      assert.deepEqual(await postsOf(app, 'dinkes'), []);
    });

    it('schedules at a future time, stored in UTC, and refuses a past or missing time with 422', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const editor = await member(app, 'dinkes', 'editor');
      const url = '/api/v1/agencies/dinkes/posts';
      const past = await api(app, editor, 'POST', url, {
        ...post,
        status: 'scheduled',
        publish_at: anHourAgo(),
      });
      assert.equal(past.statusCode, 422);
      assert.match((past.json() as ErrorJson).error.fields?.publish_at ?? '', /masa depan/);
      const missing = await api(app, editor, 'POST', url, { ...post, status: 'scheduled' });
      assert.equal(missing.statusCode, 422);
      assert.match((missing.json() as ErrorJson).error.fields?.publish_at ?? '', /waktu terbit/i);
      assert.deepEqual(await postsOf(app, 'dinkes'), [], 'a refused schedule leaves no draft behind');

      const local = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) + 'T08:00:00+07:00';
      const ok = await api(app, editor, 'POST', url, { ...post, status: 'scheduled', publish_at: local });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal((ok.json() as { status: string }).status, 'scheduled');
      const [row] = await postsOf(app, 'dinkes');
      assert.equal(row?.publishAt, new Date(local).toISOString());
    });

    it('names an unknown category on error.fields.category, and saves nothing', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const editor = await member(app, 'dinkes', 'editor');
      const res = await api(app, editor, 'POST', '/api/v1/agencies/dinkes/posts', {
        ...post,
        category: 'gosip',
      });
      assert.equal(res.statusCode, 422);
      const { error } = res.json() as ErrorJson;
      assert.equal(error.code, 'validation_failed');
      assert.equal(error.fields?.category, 'Kategori tidak dikenal. Pilih dari daftar.');
      assert.deepEqual(await postsOf(app, 'dinkes'), []);
    });

    it('explains a missing title and a wrong status in Indonesian', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const editor = await member(app, 'dinkes', 'editor');
      const res = await api(app, editor, 'POST', '/api/v1/agencies/dinkes/posts', {
        body_html: '<p>x</p>',
        status: 'terbit',
      });
      assert.equal(res.statusCode, 422);
      const fields = (res.json() as ErrorJson).error.fields ?? {};
      assert.equal(fields.title, 'Judul wajib diisi.');
      assert.match(fields.status ?? '', /Status/);
    });

    it('stores a hostile body sanitised: no script, event handler or javascript: URL', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const editor = await member(app, 'dinkes', 'editor');
      const created = await api(app, editor, 'POST', '/api/v1/agencies/dinkes/posts', {
        title: 'Berita dengan isi berbahaya',
        body_html:
          '<p onclick="alert(1)">Aman</p><script>alert(1)</script><img src=x onerror=alert(1)>' +
          '<a href="javascript:alert(1)">tautan</a><p style="position:fixed">gaya</p>' +
          '<svg onload=alert(1)></svg><iframe src="https://example.com"></iframe>',
      });
      assert.equal(created.statusCode, 201, created.body);
      const { id } = created.json() as { id: string };
      const res = await api(app, editor, 'GET', `/api/v1/posts/${id}`);
      const html = (res.json() as { body_html: string }).body_html;
      for (const banned of [
        '<script',
        'onerror',
        'onclick',
        'onload',
        'javascript:',
        'style=',
        '<iframe',
        '<svg',
      ])
        assert.ok(!html.toLowerCase().includes(banned), `body_html keeps "${banned}": ${html}`);
      assert.match(html, /<p>Aman<\/p>/);
      assert.match(html, /tautan/);
    });

    it('answers 404 to a member of another agency and 401 without a token', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const outsider = await member(app, 'dishub', 'admin');
      const res = await api(app, outsider, 'POST', '/api/v1/agencies/dinkes/posts', {
        ...post,
        status: 'draft',
      });
      assert.equal(res.statusCode, 404);
      const invalid = await api(app, outsider, 'POST', '/api/v1/agencies/dinkes/posts', { status: 'x' });
      assert.equal(invalid.statusCode, 404, 'a bad body does not reveal that the agency would accept posts');
      const anonymous = await app.inject({
        method: 'POST',
        url: '/api/v1/agencies/dinkes/posts',
        payload: post,
      });
      assert.equal(anonymous.statusCode, 401);
      assert.deepEqual(await postsOf(app, 'dinkes'), []);
    });
  });

  describe(`GET /api/v1/agencies/:slug/posts (${dialect})`, () => {
    it('lists every status to members, 20 to a page, filtered by status', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const editor = await member(app, 'dinkes', 'editor');
      const author = await member(app, 'dinkes', 'author');
      for (let i = 1; i <= 23; i++) {
        const status = i <= 3 ? 'published' : 'draft';
        const res = await api(app, editor, 'POST', '/api/v1/agencies/dinkes/posts', {
          title: `Kegiatan ke-${i}`,
          status,
        });
        assert.equal(res.statusCode, 201, res.body);
      }
      const first = await api(app, author, 'GET', '/api/v1/agencies/dinkes/posts');
      assert.equal(first.statusCode, 200, first.body);
      const page1 = first.json() as {
        agency: { slug: string };
        items: { status: string; url: string; actions: string[] }[];
        total: number;
        page: number;
        per_page: number;
      };
      assert.equal(page1.agency.slug, 'dinkes');
      assert.deepEqual([page1.items.length, page1.total, page1.page, page1.per_page], [20, 23, 1, 20]);
      const page2 = (await api(app, author, 'GET', '/api/v1/agencies/dinkes/posts?page=2')).json() as {
        items: unknown[];
        page: number;
      };
      assert.deepEqual([page2.items.length, page2.page], [3, 2]);
      const published = (
        await api(app, author, 'GET', '/api/v1/agencies/dinkes/posts?status=published')
      ).json() as typeof page1;
      assert.equal(published.total, 3);
      assert.ok(published.items.every((p) => p.status === 'published'));
      assert.deepEqual(published.items[0]?.actions, [], "an author may not unpublish an editor's post");
      const bad = await api(app, author, 'GET', '/api/v1/agencies/dinkes/posts?status=hilang');
      assert.equal(bad.statusCode, 422);
    });

    it('shows every post exactly once across pages, even when posts share a time', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const editor = await member(app, 'dinkes', 'editor');
      for (let i = 1; i <= 25; i++)
        await api(app, editor, 'POST', '/api/v1/agencies/dinkes/posts', { title: `Kegiatan ke-${i}` });
      // Posts imported or saved in one batch carry the same time.
      await app.db.updateTable('posts').set({ updatedAt: '2026-11-28T01:00:00.000Z' }).execute();
      const ids: string[] = [];
      for (const page of [1, 2]) {
        const res = await api(app, editor, 'GET', `/api/v1/agencies/dinkes/posts?page=${page}`);
        ids.push(...(res.json() as { items: { id: string }[] }).items.map((p) => p.id));
      }
      assert.equal(new Set(ids).size, 25, 'no post repeated or skipped between pages');
    });

    it('answers 404 to a member of another agency and to an unknown agency', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const outsider = await member(app, 'dishub', 'editor');
      assert.equal((await api(app, outsider, 'GET', '/api/v1/agencies/dinkes/posts')).statusCode, 404);
      assert.equal((await api(app, outsider, 'GET', '/api/v1/agencies/tidak-ada/posts')).statusCode, 404);
    });
  });
}
