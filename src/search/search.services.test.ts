import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { apiToken, TestClient } from '../test/client.js';

const api = (app: FastifyInstance, token: string, method: HTTPMethods, url: string, payload?: object) =>
  app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

const results = (html: string) => html.match(/<li><article class="card">/g)?.length ?? 0;

const SERVICE = {
  name: 'Surat Keterangan Domisili Usaha',
  summary: 'Keterangan tempat usaha bagi pelaku usaha mikro.',
  status: 'published',
  components: {
    requirements: ['Fotokopi akta pendirian usaha', 'KTP-el pemilik'],
    procedure: ['Ajukan berkas di loket', 'Verifikasi lapangan'],
    timeframe: { value: 3, unit: 'hari_kerja' },
  },
};

for (const dialect of dialects()) {
  describe(`site search finds services (${dialect})`, () => {
    it('finds a published service by a word of its requirements and links to its standard', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const token = await apiToken(app, 'admin1@disdukcapil.pontianak.go.id');
      const created = await api(app, token, 'POST', '/api/v1/agencies/disdukcapil/services', SERVICE);
      assert.equal(created.statusCode, 201, created.body);
      const { id, slug } = created.json() as { id: string; slug: string };
      const draft = await api(app, token, 'POST', '/api/v1/agencies/disdukcapil/services', {
        name: 'Izin Pendirian Koperasi',
        status: 'draft',
      });
      assert.equal(draft.statusCode, 201, draft.body);

      const visitor = new TestClient(app);
      const found = await visitor.get('/cari?q=pendirian');
      assert.equal(results(found.body), 1, 'the published service only, not the draft');
      assert.match(found.body, new RegExp(`href="/opd/disdukcapil/layanan/${slug}"`));
      assert.match(found.body, /Layanan · Dinas Kependudukan/);
      assert.match(
        found.body,
        /akta <mark>pendirian<\/mark> usaha/,
        'the passage comes from the requirements',
      );

      const unpublished = await api(app, token, 'PATCH', `/api/v1/services/${id}`, { status: 'draft' });
      assert.equal(unpublished.statusCode, 200, unpublished.body);
      assert.equal(results((await visitor.get('/cari?q=pendirian')).body), 0);
    });

    it("finds the demo city's published services, such as KTP-el at Disdukcapil", async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const res = await new TestClient(app).get('/cari?q=ktp');
      assert.match(res.body, /href="\/opd\/disdukcapil\/layanan\/penerbitan-ktp-el"/);
    });
  });
}
