import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { TestClient } from '../test/client.js';

for (const dialect of dialects()) {
  describe(`public agency pages (${dialect})`, () => {
    it('serves the portal home of the demo city in Indonesian', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const res = await new TestClient(app).get('/');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<html lang="id">/);
      assert.match(res.body, /<h1 id="judul-beranda">Pemerintah Kota Pontianak<\/h1>/);
      assert.match(res.body, /Langsung ke konten utama/);
    });

    it('lists at least 30 agencies grouped by kind and filters by name and kind', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = new TestClient(app);
      const all = await client.get('/opd');
      assert.equal(all.statusCode, 200);
      assert.ok((all.body.match(/href="\/opd\/[a-z0-9-]+"/g) ?? []).length >= 30);
      assert.match(all.body, /<h2 id="kelompok-kecamatan">Kecamatan<\/h2>/);
      const filtered = await client.get('/opd?q=kesehatan');
      assert.match(filtered.body, /Dinas Kesehatan/);
      assert.doesNotMatch(filtered.body, /Dinas Perhubungan/);
      const kecamatan = await client.get('/opd?jenis=kecamatan');
      assert.equal((kecamatan.body.match(/href="\/opd\/kec-[a-z-]+"/g) ?? []).length, 6);
    });

    it('shows an agency home by path and by its own host', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const byPath = await new TestClient(app).get('/opd/dinkes');
      assert.equal(byPath.statusCode, 200);
      assert.match(byPath.body, /<h1>Dinas Kesehatan<\/h1>/);
      assert.match(byPath.body, /Unit di bawahnya/, 'Dinas Kesehatan lists its puskesmas');
      assert.match(byPath.body, /"@type":"GovernmentOrganization","name":"Dinas Kesehatan"/);
      assert.match(byPath.body, /<link rel="canonical" href="http:\/\/127\.0\.0\.1:3000\/opd\/dinkes"/);
      const byHost = await new TestClient(app, 'dinkes.pontianak.go.id').get('/');
      assert.equal(byHost.statusCode, 200);
      assert.match(byHost.body, /<h1>Dinas Kesehatan<\/h1>/);
      const portalHost = await new TestClient(app, 'pontianak.go.id').get('/');
      assert.match(portalHost.body, /judul-beranda/);
    });

    it('answers an unknown agency and an unknown path with the Indonesian 404 page', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = new TestClient(app);
      for (const url of ['/opd/tidak-ada', '/halaman/tidak/ada']) {
        const res = await client.get(url);
        assert.equal(res.statusCode, 404);
        assert.match(res.body, /Halaman tidak ditemukan/);
      }
    });

    it('reports health with a database check and publishes robots.txt', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const health = await app.inject('/healthz');
      assert.equal(health.statusCode, 200);
      assert.deepEqual(health.json(), { status: 'ok', database: 'ok' });
      const robots = await app.inject('/robots.txt');
      assert.match(robots.body, /Disallow: \/admin/);
    });

    it('lists the agencies in the public API with snake_case fields', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const res = await app.inject('/api/v1/agencies');
      assert.equal(res.statusCode, 200);
      const agencies = res.json() as {
        slug: string;
        short_name: string;
        parent: string | null;
        url: string;
      }[];
      assert.ok(agencies.length >= 30);
      const puskesmas = agencies.find((a) => a.slug.startsWith('pkm-'));
      assert.equal(puskesmas?.parent, 'dinkes');
      assert.match(agencies[0]!.url, /\/opd\/[a-z0-9-]+$/);
    });
  });
}
