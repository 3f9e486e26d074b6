import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { createAccount } from '../accounts/accounts.service.js';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';

const post = {
  title: 'Posyandu Balita di Kelurahan Bansir Darat',
  summary: 'Kader memeriksa 42 balita.',
  body_html:
    '<p>Kegiatan <em>posyandu</em> rutin bulanan.</p><img src=x onerror="alert(1)"><a href="javascript:alert(1)">klik</a>',
  category: 'kegiatan',
  tags: 'posyandu, balita',
  activity_date: '2026-11-27',
  region: 'kel-bansir-darat',
};

for (const dialect of dialects()) {
  describe(`news in the admin area and on the public site (${dialect})`, () => {
    it('lets an editor write and publish a post that then shows on the agency site, the portal and /berita', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const editor = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      await editor.get('/admin/opd/dinkes/berita/baru');
      const created = await editor.post('/admin/opd/dinkes/berita', { ...post, intent: 'publish' });
      assert.equal(created.statusCode, 303, created.body.slice(0, 500));
      const visitor = new TestClient(app);
      const article = await visitor.get('/opd/dinkes/berita/posyandu-balita-di-kelurahan-bansir-darat');
      assert.equal(article.statusCode, 200);
      assert.match(article.body, /<h1>Posyandu Balita di Kelurahan Bansir Darat<\/h1>/);
      assert.match(article.body, /Kelurahan Bansir Darat/);
      assert.match(article.body, /<em>posyandu<\/em>/);
      assert.doesNotMatch(article.body, /onerror|javascript:alert/);
      assert.match(article.body, /https:\/\/wa\.me\/\?text=/);
      assert.match(
        article.body,
        /<link rel="canonical" href="http:\/\/127\.0\.0\.1:3000\/opd\/dinkes\/berita\/posyandu-balita-di-kelurahan-bansir-darat"/,
      );
      assert.match(article.body, /"@type":"NewsArticle"/);
      const byHost = await new TestClient(app, 'dinkes.pontianak.go.id').get(
        '/berita/posyandu-balita-di-kelurahan-bansir-darat',
      );
      assert.equal(byHost.statusCode, 200);
      for (const [client, url] of [
        [visitor, '/'],
        [visitor, '/berita'],
        [visitor, '/opd/dinkes'],
        [visitor, '/opd/dinkes/berita'],
      ] as const) {
        assert.match((await client.get(url)).body, /Posyandu Balita di Kelurahan Bansir Darat/, url);
      }
      const filtered = await visitor.get('/berita?opd=dishub');
      assert.doesNotMatch(filtered.body, /Posyandu Balita/);
      assert.match((await visitor.get('/berita?kategori=kegiatan')).body, /Posyandu Balita/);
    });

    it("keeps an author's draft off the site until an editor publishes it", async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const agency = await getAgencyBySlug(app.db, 'dinkes');
      await createAccount(app.db, null, {
        email: 'penulis@dinkes.pontianak.go.id',
        name: 'Penulis',
        password: 'sungai-kapuas-2026',
        memberships: [{ agencyId: agency.id, role: 'author' }],
      });
      const author = await signedIn(app, 'penulis@dinkes.pontianak.go.id', 'sungai-kapuas-2026');
      await author.get('/admin/opd/dinkes/berita/baru');
      const submitted = await author.post('/admin/opd/dinkes/berita', { ...post, intent: 'submit' });
      assert.equal(submitted.statusCode, 303);
      const id = /berita\/([0-9a-f-]{36})/.exec(submitted.headers.location as string)?.[1];
      assert.ok(id);
      const visitor = new TestClient(app);
      assert.equal(
        (await visitor.get('/opd/dinkes/berita/posyandu-balita-di-kelurahan-bansir-darat')).statusCode,
        404,
      );
      const forbidden = await author.post(`/admin/opd/dinkes/berita/${id}/langkah`, { action: 'publish' });
      assert.equal(forbidden.statusCode, 403);
      const editor = await signedIn(app, 'admin2@dinkes.pontianak.go.id');
      await editor.get(`/admin/opd/dinkes/berita/${id}`);
      const published = await editor.post(`/admin/opd/dinkes/berita/${id}/langkah`, { action: 'publish' });
      assert.equal(published.statusCode, 303);
      assert.equal(
        (await visitor.get('/opd/dinkes/berita/posyandu-balita-di-kelurahan-bansir-darat')).statusCode,
        200,
      );
    });

    it('keeps what was typed when the post is invalid, and says why in Indonesian', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const editor = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      await editor.get('/admin/opd/dinkes/berita/baru');
      const res = await editor.post('/admin/opd/dinkes/berita', {
        ...post,
        title: '',
        activity_date: 'kemarin',
        intent: 'draft',
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Judul wajib diisi/);
      assert.match(res.body, /Tanggal kegiatan harus berupa tanggal/);
      assert.match(res.body, /Kader memeriksa 42 balita/);
      const count = await app.db
        .selectFrom('posts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 0);
    });
  });
}
