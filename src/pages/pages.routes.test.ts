import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { decodeEntities } from '../test/hostile.js';

const HOST = 'dinkes.pontianak.go.id';

/** The agency's menu: the nav landmark and the titles it links, in order. */
function menu(html: string): { label: string; items: { href: string; title: string; current: boolean }[] } {
  const nav = /<nav class="agency-menu" aria-label="([^"]+)">([\s\S]*?)<\/nav>/.exec(html);
  assert.ok(nav, 'the page has an agency menu');
  const items = [...nav[2]!.matchAll(/<a href="([^"]+)"( aria-current="page")?>([^<]+)<\/a>/g)].map((a) => ({
    href: a[1]!,
    title: decodeEntities(a[3]!),
    current: Boolean(a[2]),
  }));
  return { label: nav[1]!, items };
}

for (const dialect of dialects()) {
  describe(`agency pages on the public site (${dialect})`, () => {
    it('has the default pages from the first visit, with only the filled ones and Kontak in the menu', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const visitor = new TestClient(app);
      const home = await visitor.get('/opd/dinkes');
      assert.equal(home.statusCode, 200);
      const nav = menu(home.body);
      assert.equal(nav.label, 'Menu Dinkes');
      assert.deepEqual(nav.items, [
        { href: '/opd/dinkes/tugas-fungsi', title: 'Tugas dan Fungsi', current: false },
        { href: '/opd/dinkes/kontak', title: 'Kontak', current: false },
      ]);

      const duties = await visitor.get('/opd/dinkes/tugas-fungsi');
      assert.equal(duties.statusCode, 200);
      assert.match(duties.body, /<h1>Tugas dan Fungsi<\/h1>/);
      assert.match(duties.body, /Melaksanakan urusan pemerintahan bidang kesehatan/);
      assert.equal(menu(duties.body).items.find((i) => i.current)?.title, 'Tugas dan Fungsi');

      const contact = await visitor.get('/opd/dinkes/kontak');
      assert.equal(contact.statusCode, 200);
      for (const detail of ['Jl. Jenderal Sudirman, Pontianak', '(0561) 734985', 'dinkes@pontianak.go.id'])
        assert.ok(contact.body.includes(detail), detail);

      const empty = await visitor.get('/opd/dinkes/visi-misi');
      assert.equal(empty.statusCode, 200, 'an empty page still answers (search may link to it)');
      assert.match(empty.body, /Halaman ini belum diisi/);
      assert.match(empty.body, /<meta name="robots" content="noindex"/);
      assert.equal((await visitor.get('/opd/dinkes/tidak-ada')).statusCode, 404);
      assert.equal((await visitor.get('/opd/tidak-ada/profil')).statusCode, 404);
    });

    it("shows an admin's Visi dan Misi by path and on the agency's host, with the script stripped", async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      const form = await admin.get('/admin/opd/dinkes/halaman/visi-misi');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /data-editor="html"/);
      const saved = await admin.post('/admin/opd/dinkes/halaman/visi-misi', {
        title: 'Visi dan Misi',
        body_html:
          '<h2>Visi</h2><p>Pontianak <strong>sehat</strong>.</p><script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">misi</a>',
      });
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
      assert.equal(saved.headers.location, '/admin/opd/dinkes/halaman/visi-misi');

      const byPath = await new TestClient(app).get('/opd/dinkes/visi-misi');
      assert.equal(byPath.statusCode, 200);
      assert.match(byPath.body, /<h2>Visi<\/h2><p>Pontianak <strong>sehat<\/strong>.<\/p>/);
      assert.doesNotMatch(byPath.body, /alert\(|onerror|javascript:/);
      assert.doesNotMatch(byPath.body, /noindex/);
      assert.match(
        byPath.body,
        /<link rel="canonical" href="http:\/\/127\.0\.0\.1:3000\/opd\/dinkes\/visi-misi"/,
      );
      assert.deepEqual(
        menu(byPath.body).items.map((i) => [i.title, i.current]),
        [
          ['Visi dan Misi', true],
          ['Tugas dan Fungsi', false],
          ['Kontak', false],
        ],
      );

      const site = new TestClient(app, HOST);
      const byHost = await site.get('/visi-misi');
      assert.equal(byHost.statusCode, 200);
      assert.match(byHost.body, /Pontianak <strong>sehat<\/strong>/);
      assert.equal(menu(byHost.body).items[0]?.href, '/visi-misi', 'links stay on the host');
      assert.equal(menu((await site.get('/')).body).items[0]?.href, '/visi-misi', 'the home has the menu');
      assert.equal((await new TestClient(app).get('/visi-misi')).statusCode, 404, 'not on the portal');

      const audit = await app.db
        .selectFrom('auditEvents')
        .select(['action', 'subjectType'])
        .where('action', '=', 'page.updated')
        .execute();
      assert.deepEqual(audit, [{ action: 'page.updated', subjectType: 'agency_page' }]);
    });

    it("does not shadow the site's own paths on the agency's host", async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const site = new TestClient(app, HOST);
      assert.match((await site.get('/berita')).body, /<h1>Berita Dinkes<\/h1>/);
      assert.match((await site.get('/masuk')).body, /name="password"/);
      assert.equal((await site.get('/cari?q=sehat')).statusCode, 200);
      assert.equal((await site.get('/robots.txt')).statusCode, 200);
      // the complaint form of this OPD, not a page called "aduan"
      assert.equal((await site.get('/aduan')).statusCode, 200);
      for (const path of ['/admin', '/halaman', '/tidak-ada', '/Profil', '/profil.php'])
        assert.ok([303, 404].includes((await site.get(path)).statusCode), path);
      assert.equal((await site.get('/profil')).statusCode, 200);
    });
  });
}
