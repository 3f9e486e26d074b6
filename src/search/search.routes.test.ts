import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { TestClient } from '../test/client.js';
import { day, HOSTILE_QUERIES, makePage, makePost, RANKING_POSTS } from './search.fixtures.js';

const results = (html: string) => html.match(/<li><article class="card">/g)?.length ?? 0;
const hrefOf = (html: string, rel: string) =>
  new RegExp(`<a class="[^"]*" rel="${rel}" href="([^"]+)"`).exec(html)?.[1]?.replace(/&amp;/g, '&');

for (const dialect of dialects()) {
  describe(`GET /cari (${dialect})`, () => {
    it('offers a labelled search form that works without JavaScript', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const res = await new TestClient(app).get('/cari');
      assert.equal(res.statusCode, 200);
      assert.match(
        res.body,
        /<form method="get" action="\/cari" class="filter-bar" role="search" aria-label="[^"]+">/,
      );
      assert.match(res.body, /<label class="field__label" for="cari-q">Kata kunci<\/label>/);
      assert.match(res.body, /<label class="field__label" for="cari-opd">Perangkat daerah<\/label>/);
      assert.match(res.body, /<option value="dinkes">Dinas Kesehatan<\/option>/);
      assert.equal(results(res.body), 0);
    });

    it('lists matches best first, with the OPD, the date and the words marked', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      for (const p of RANKING_POSTS) await makePost(app, p.agency, p.text, day(p.at));
      await makePage(app, 'bpbd', {
        slug: 'profil',
        title: 'Profil BPBD',
        body_html: '<p>Tanggap banjir.</p>',
      });
      const res = await new TestClient(app).get('/cari?q=banjir');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<title>Hasil pencarian “banjir” — /);
      assert.match(res.body, /role="status">6 hasil untuk “banjir”\.</);
      assert.equal(results(res.body), 6);
      const first = res.body.indexOf('Pompa <mark>Banjir</mark> Baru di Pasar Flamboyan');
      assert.ok(first > 0, 'the newest title match comes first, marked');
      assert.ok(first < res.body.indexOf('Normalisasi Parit Sungai Jawi'), 'a body match comes after');
      assert.match(res.body, /href="\/opd\/pupr\/berita\/pompa-banjir-baru-di-pasar-flamboyan"/);
      assert.match(res.body, /href="\/opd\/bpbd\/profil"/);
      assert.match(
        res.body,
        /Dinas Pekerjaan Umum dan Penataan Ruang · <time datetime="2026-01-09T02:00:00.000Z">Jumat, 9 Januari 2026<\/time>/,
      );
      assert.match(res.body, /mengurangi risiko <mark>banjir<\/mark> di permukiman/);
    });

    it('escapes markup in titles and text, marking only with its own <mark>', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await makePost(
        app,
        'dinkes',
        {
          title: 'Banjir <script>alert(1)</script> <mark>x</mark>',
          summary: 'Awas <img src=x onerror=alert(1)> banjir',
        },
        day(1),
      );
      const res = await new TestClient(app).get('/cari?q=banjir');
      assert.doesNotMatch(res.body, /<script>alert|<img src=x|<mark>x<\/mark>/);
      assert.match(res.body, /<mark>Banjir<\/mark> &lt;script>alert\(1\)&lt;\/script> &lt;mark>x&lt;\/mark>/);
      assert.match(res.body, /Awas &lt;img src=x onerror=alert\(1\)> <mark>banjir<\/mark>/);
    });

    it('filters by OPD, and starts within the agency on its own host', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      for (const p of RANKING_POSTS) await makePost(app, p.agency, p.text, day(p.at));
      const portal = new TestClient(app);
      const inPupr = await portal.get('/cari?q=banjir&opd=pupr');
      assert.equal(results(inPupr.body), 2);
      assert.match(inPupr.body, /<option value="pupr" selected>/);
      assert.match(inPupr.body, /2 hasil untuk “banjir” di Dinas Pekerjaan Umum/);
      const host = new TestClient(app, 'dinkes.pontianak.go.id');
      const onHost = await host.get('/cari?q=banjir');
      assert.equal(results(onHost.body), 1, 'the agency host searches its own posts');
      assert.match(onHost.body, /<option value="dinkes" selected>/);
      const everywhere = await host.get('/cari?q=banjir&opd=');
      assert.equal(results(everywhere.body), 5, '"all agencies" is a choice there too');
      assert.equal(results((await portal.get('/cari?q=banjir&opd=tidak-ada')).body), 5);
    });

    it('pages ten at a time with rel="next" and rel="prev" links', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      for (let i = 1; i <= 12; i++) await makePost(app, 'bpbd', { title: `Patroli banjir ${i}` }, day(i));
      const client = new TestClient(app);
      const first = await client.get('/cari?q=patroli');
      assert.equal(results(first.body), 10);
      assert.match(first.body, /Halaman 1 dari 2/);
      assert.equal(hrefOf(first.body, 'prev'), undefined);
      const next = hrefOf(first.body, 'next');
      assert.equal(next, '/cari?q=patroli&opd=&halaman=2');
      const second = await client.get(next);
      assert.equal(results(second.body), 2);
      assert.match(second.body, /<mark>Patroli<\/mark> banjir 1</, 'the oldest comes last');
      assert.equal(hrefOf(second.body, 'prev'), '/cari?q=patroli&opd=');
      assert.equal(hrefOf(second.body, 'next'), undefined);
      const beyond = await client.get('/cari?q=patroli&halaman=9');
      assert.match(beyond.body, /sudah melewati hasil terakhir/);
    });

    it('says so when nothing is found, and suggests what to try', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const res = await new TestClient(app).get('/cari?q=zzzyx&opd=dinkes');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /0 hasil untuk “zzzyx” di Dinas Kesehatan\./);
      assert.match(res.body, /Tidak ada hasil/);
      assert.match(res.body, /<a href="\/cari\?q=zzzyx&amp;opd=">Cari di semua perangkat daerah<\/a>/);
    });

    it('never fails on hostile input', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await makePost(app, 'dinkes', { title: 'Banjir di Jalan' }, day(1));
      const client = new TestClient(app);
      const urls = [
        ...HOSTILE_QUERIES.map((q) => `/cari?q=${encodeURIComponent(q)}`),
        '/cari?q=banjir&halaman=abc',
        '/cari?q=banjir&halaman=-5',
        '/cari?q=banjir&halaman=99999999999',
        `/cari?q=banjir&opd=${encodeURIComponent('<script>')}`,
        '/cari?q=banjir&q=jalan',
        '/cari?q=%FF%FE',
      ];
      for (const url of urls) {
        const res = await client.get(url);
        assert.ok(res.statusCode < 500, `${url.slice(0, 60)}: ${res.statusCode}`);
        assert.doesNotMatch(res.body, /<script>/, url.slice(0, 60));
        assert.ok(!res.body.includes(String.fromCharCode(0)), `${url.slice(0, 60)}: a NUL in the page`);
      }
    });
  });
}
