import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';

for (const dialect of dialects()) {
  describe(`feeds and the sitemap (${dialect})`, () => {
    it('lists a published post in the city feed, its agency feed and the sitemap, but not a draft', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const editor = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      await editor.get('/admin/opd/dinkes/berita/baru');
      await editor.post('/admin/opd/dinkes/berita', {
        title: 'Imunisasi Campak & Rubela',
        body_html: '<p>Isi</p>',
        intent: 'publish',
      });
      await editor.post('/admin/opd/dinkes/berita', {
        title: 'Draf Rahasia',
        body_html: '<p>Belum</p>',
        intent: 'draft',
      });
      const visitor = new TestClient(app);
      for (const url of ['/feed.xml', '/opd/dinkes/feed.xml']) {
        const feed = await visitor.get(url);
        assert.equal(feed.statusCode, 200);
        assert.match(feed.headers['content-type'] as string, /application\/rss\+xml/);
        assert.match(feed.body, /<rss version="2.0"/);
        assert.match(feed.body, /Imunisasi Campak &amp; Rubela|<!\[CDATA\[Imunisasi Campak & Rubela\]\]>/);
        assert.match(feed.body, /\/opd\/dinkes\/berita\/imunisasi-campak-dan-rubela/);
        assert.doesNotMatch(feed.body, /Draf Rahasia/);
      }
      assert.doesNotMatch((await visitor.get('/opd/dishub/feed.xml')).body, /Imunisasi/);
      const byHost = await new TestClient(app, 'dinkes.pontianak.go.id').get('/feed.xml');
      assert.match(byHost.body, /Imunisasi/);
      const sitemap = await visitor.get('/sitemap.xml');
      assert.match(sitemap.body, /<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
      assert.match(
        sitemap.body,
        /<loc>http:\/\/127.0.0.1:3000\/opd\/dinkes\/berita\/imunisasi-campak-dan-rubela<\/loc><lastmod>\d{4}-/,
      );
      assert.match(sitemap.body, /<loc>http:\/\/127.0.0.1:3000\/opd\/dishub<\/loc>/);
      assert.doesNotMatch(sitemap.body, /draf-rahasia/);
      assert.match((await visitor.get('/robots.txt')).body, /Sitemap: http:\/\/127.0.0.1:3000\/sitemap.xml/);
    });

    it('lists the published service standards, the portal its catalogue and every agency, an agency host its own', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await app.db
        .updateTable('services')
        .set({ status: 'draft' })
        .where('slug', '=', 'penerbitan-kartu-keluarga')
        .execute();
      const portal = (await new TestClient(app).get('/sitemap.xml')).body;
      assert.match(portal, /<loc>http:\/\/127.0.0.1:3000\/layanan<\/loc>/);
      assert.match(
        portal,
        /<loc>http:\/\/127.0.0.1:3000\/opd\/disdukcapil\/layanan\/penerbitan-ktp-el<\/loc><lastmod>\d{4}-/,
      );
      assert.match(portal, /\/opd\/dpmptsp\/layanan\/persetujuan-bangunan-gedung</);
      assert.doesNotMatch(portal, /penerbitan-kartu-keluarga/, 'a draft is not listed');
      const own = (await new TestClient(app, 'disdukcapil.pontianak.go.id').get('/sitemap.xml')).body;
      assert.match(own, /\/opd\/disdukcapil\/layanan\/penerbitan-ktp-el</);
      assert.doesNotMatch(
        own,
        /persetujuan-bangunan-gedung|\/layanan<\/loc>/,
        "no other agency's, no catalogue",
      );
    });
  });
}
