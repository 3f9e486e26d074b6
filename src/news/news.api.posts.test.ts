import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import type { AgencyRole } from '../accounts/accounts.table.js';
import { buildTestApp, dialects } from '../test/app.js';
import { apiToken } from '../test/client.js';
import { makeMember } from '../test/factories.js';
import type { PostJson, RevisionJson } from './news.presenter.js';

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

interface ErrorJson {
  error: { code: string; message: string; fields?: Record<string, string> };
}

async function create(app: FastifyInstance, token: string, fields: object = {}): Promise<string> {
  const res = await api(app, token, 'POST', '/api/v1/agencies/dinkes/posts', {
    title: 'Posyandu Balita di Kelurahan Bansir Darat',
    body_html: '<p>Penimbangan balita.</p>',
    ...fields,
  });
  assert.equal(res.statusCode, 201, res.body);
  return (res.json() as { id: string }).id;
}

async function boot(t: Parameters<typeof buildTestApp>[0], dialect: Parameters<typeof buildTestApp>[1]) {
  const { app, config } = await buildTestApp(t, dialect);
  return {
    app,
    config,
    author: await member(app, 'dinkes', 'author'),
    editor: await member(app, 'dinkes', 'editor'),
  };
}

for (const dialect of dialects()) {
  describe(`GET /api/v1/posts/:id (${dialect})`, () => {
    it("shows the whole post, with the caller's next steps", async (t) => {
      const { app, config, author, editor } = await boot(t, dialect);
      const id = await create(app, author, {
        category: 'kegiatan',
        tags: ['Posyandu', 'balita'],
        status: 'review',
      });
      const asAuthor = await api(app, author, 'GET', `/api/v1/posts/${id}`);
      assert.equal(asAuthor.statusCode, 200, asAuthor.body);
      const json = asAuthor.json() as PostJson;
      assert.deepEqual(json, {
        id,
        agency: 'dinkes',
        slug: 'posyandu-balita-di-kelurahan-bansir-darat',
        title: 'Posyandu Balita di Kelurahan Bansir Darat',
        summary: 'Penimbangan balita.',
        body_html: '<p>Penimbangan balita.</p>',
        status: 'review',
        category: 'kegiatan',
        tags: ['balita', 'posyandu'],
        cover_media_id: null,
        gallery_media_ids: [],
        activity_date: null,
        region: null,
        author: 'Uji author dinkes',
        publish_at: null,
        published_at: null,
        created_at: json.created_at,
        updated_at: json.updated_at,
        url: `${config.baseUrl}/opd/dinkes/berita/posyandu-balita-di-kelurahan-bansir-darat`,
        review_note: '',
        actions: [],
      });
      const asEditor = (await api(app, editor, 'GET', `/api/v1/posts/${id}`)).json() as PostJson;
      assert.deepEqual(asEditor.actions, ['publish', 'schedule', 'reject']);
    });

    it('answers 403 to a member of the agency without a news role', async (t) => {
      const { app, editor } = await boot(t, dialect);
      const id = await create(app, editor);
      const officer = await member(app, 'dinkes', 'complaint_officer');
      for (const url of [
        `/api/v1/posts/${id}`,
        `/api/v1/posts/${id}/revisions`,
        '/api/v1/agencies/dinkes/posts',
      ])
        assert.equal((await api(app, officer, 'GET', url)).statusCode, 403, url);
    });

    it('answers 404 to an unknown or malformed id', async (t) => {
      const { app, editor } = await boot(t, dialect);
      for (const id of ['00000000-0000-4000-8000-000000000000', 'bukan-id', '%00'])
        assert.equal((await api(app, editor, 'GET', `/api/v1/posts/${id}`)).statusCode, 404, id);
    });
  });

  describe(`PATCH /api/v1/posts/:id (${dialect})`, () => {
    it('changes only the fields sent, keeps the slug and adds a revision', async (t) => {
      const { app, author } = await boot(t, dialect);
      const id = await create(app, author, { tags: ['banjir'], category: 'berita' });
      const res = await api(app, author, 'PATCH', `/api/v1/posts/${id}`, { title: 'Judul yang Diperbaiki' });
      assert.equal(res.statusCode, 200, res.body);
      const json = res.json() as PostJson;
      assert.equal(json.title, 'Judul yang Diperbaiki');
      assert.equal(json.slug, 'posyandu-balita-di-kelurahan-bansir-darat', 'shared links keep working');
      assert.deepEqual(
        [json.tags, json.category, json.body_html],
        [['banjir'], 'berita', '<p>Penimbangan balita.</p>'],
      );
      const revisions = await api(app, author, 'GET', `/api/v1/posts/${id}/revisions`);
      assert.equal(revisions.statusCode, 200);
      const list = revisions.json() as RevisionJson[];
      assert.deepEqual(
        list.map((r) => [r.title, r.author]),
        [
          ['Judul yang Diperbaiki', 'Uji author dinkes'],
          ['Posyandu Balita di Kelurahan Bansir Darat', 'Uji author dinkes'],
        ],
      );
      const cleared = (
        await api(app, author, 'PATCH', `/api/v1/posts/${id}`, { category: '' })
      ).json() as PostJson;
      assert.equal(cleared.category, null);
    });

    it("refuses an author's edit of a published post with 403, and an unknown category with 422", async (t) => {
      const { app, author, editor } = await boot(t, dialect);
      const id = await create(app, author, { status: 'review' });
      assert.equal((await api(app, editor, 'POST', `/api/v1/posts/${id}/publish`)).statusCode, 200);
      const res = await api(app, author, 'PATCH', `/api/v1/posts/${id}`, { title: 'Diubah diam-diam' });
      assert.equal(res.statusCode, 403);
      const bad = await api(app, editor, 'PATCH', `/api/v1/posts/${id}`, { category: 'gosip' });
      assert.equal(bad.statusCode, 422);
      assert.ok((bad.json() as ErrorJson).error.fields?.category);
    });
  });

  describe(`editorial steps over /api/v1/posts/:id/{step} (${dialect})`, () => {
    it('walks submit, reject with a note, publish, unpublish and schedule', async (t) => {
      const { app, author, editor } = await boot(t, dialect);
      const id = await create(app, author);
      const step = (token: string, name: string, body?: object) =>
        api(app, token, 'POST', `/api/v1/posts/${id}/${name}`, body);

      const submitted = await step(author, 'submit');
      assert.equal(submitted.statusCode, 200, submitted.body);
      assert.equal((submitted.json() as PostJson).status, 'review');
      assert.equal((await step(author, 'publish')).statusCode, 403);

      const noNote = await step(editor, 'reject', { note: '  ' });
      assert.equal(noNote.statusCode, 422);
      assert.equal((noNote.json() as ErrorJson).error.fields?.note, 'Catatan wajib diisi.');
      const rejected = (
        await step(editor, 'reject', { note: 'Tambahkan jumlah peserta.' })
      ).json() as PostJson;
      assert.deepEqual([rejected.status, rejected.review_note], ['draft', 'Tambahkan jumlah peserta.']);
      assert.deepEqual(rejected.actions, ['submit', 'publish', 'schedule']);

      const published = (await step(editor, 'publish')).json() as PostJson;
      assert.equal(published.status, 'published');
      assert.ok(published.published_at);
      const again = await step(editor, 'publish');
      assert.equal(again.statusCode, 422, 'a published post cannot be published twice');

      assert.equal(((await step(editor, 'unpublish')).json() as PostJson).status, 'draft');
      const past = await step(editor, 'schedule', {
        publish_at: new Date(Date.now() - 60_000).toISOString(),
      });
      assert.equal(past.statusCode, 422);
      assert.match((past.json() as ErrorJson).error.fields?.publish_at ?? '', /masa depan/);
      const future = new Date(Date.now() + 86_400_000).toISOString();
      const scheduled = (await step(editor, 'schedule', { publish_at: future })).json() as PostJson;
      assert.deepEqual([scheduled.status, scheduled.publish_at], ['scheduled', future]);
    });
  });

  describe(`DELETE /api/v1/posts/:id (${dialect})`, () => {
    it("deletes an author's own draft with 204, and refuses the author a published post", async (t) => {
      const { app, author, editor } = await boot(t, dialect);
      const draft = await create(app, author);
      const res = await api(app, author, 'DELETE', `/api/v1/posts/${draft}`);
      assert.equal(res.statusCode, 204);
      assert.equal(res.body, '');
      assert.equal((await api(app, author, 'GET', `/api/v1/posts/${draft}`)).statusCode, 404);
      const live = await create(app, editor, { status: 'published' });
      assert.equal((await api(app, author, 'DELETE', `/api/v1/posts/${live}`)).statusCode, 403);
    });
  });

  describe(`another agency's post (${dialect})`, () => {
    it('is a 404 for every route that names it, and stays untouched', async (t) => {
      const { app, editor } = await boot(t, dialect);
      const id = await create(app, editor, { status: 'review' });
      const before = (await api(app, editor, 'GET', `/api/v1/posts/${id}`)).json() as PostJson;
      const outsider = await member(app, 'dishub', 'admin');
      const calls: [HTTPMethods, string, object?][] = [
        ['GET', ''],
        ['PATCH', '', { title: 'Diambil alih' }],
        ['PATCH', '', { category: 'tidak-ada' }],
        ['DELETE', ''],
        ['POST', '/submit'],
        ['POST', '/publish'],
        ['POST', '/reject', { note: 'Bukan urusan Anda' }],
        ['POST', '/reject', {}],
        ['POST', '/unpublish'],
        ['POST', '/schedule', { publish_at: new Date(Date.now() + 86_400_000).toISOString() }],
        ['GET', '/revisions'],
      ];
      for (const [method, suffix, body] of calls) {
        const res = await api(app, outsider, method, `/api/v1/posts/${id}${suffix}`, body);
        assert.equal(res.statusCode, 404, `${method} ${suffix}: ${res.body}`);
        assert.ok(!res.body.includes(before.title), `${method} ${suffix} shows the title`);
      }
      const after = (await api(app, editor, 'GET', `/api/v1/posts/${id}`)).json() as PostJson;
      assert.deepEqual(after, before);
    });
  });
}
