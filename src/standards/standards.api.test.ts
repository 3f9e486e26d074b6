import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { apiToken } from '../test/client.js';
import { makeMember } from '../test/factories.js';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { randomUUID } from 'node:crypto';
import { COMPONENT_KEYS } from './standards.completeness.js';
import type { ServiceJson } from './standards.presenter.js';

const api = (app: FastifyInstance, token: string, method: HTTPMethods, url: string, payload?: object) =>
  app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

interface ErrorJson {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** A photo in an agency's library, as the media upload would leave it (without files). */
async function photoOf(app: FastifyInstance, slug: string): Promise<string> {
  const id = randomUUID();
  await app.db
    .insertInto('media')
    .values({
      id,
      agencyId: (await getAgencyBySlug(app.db, slug)).id,
      originalName: 'alur.png',
      mime: 'image/jpeg',
      width: 800,
      height: 600,
      bytes: 1,
      alt: 'Bagan alur',
      caption: '',
      credit: '',
      storageKey: `a/uji/${id}`,
      variants: '[]',
      warnings: '[]',
      createdBy: null,
      createdAt: new Date().toISOString(),
    })
    .execute();
  return id;
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** A full standard as an integrator sends it. */
const FULL = {
  name: 'Penerbitan Surat Pindah',
  summary: 'Surat keterangan pindah antar kabupaten/kota.',
  status: 'published',
  components: {
    legal_basis: 'Permendagri Nomor 108 Tahun 2019',
    requirements: ['KK', 'KTP-el'],
    procedure: ['Isi formulir', 'Verifikasi', 'Terbitkan SKPWNI'],
    timeframe: { value: 1, unit: 'hari_kerja' },
    fees: { free: true },
    products: ['SKPWNI'],
    facilities: 'Ruang tunggu',
    competence: 'Bimtek adminduk',
    internal_oversight: 'Kepala bidang',
    complaint_handling: 'Kanal Aduan',
    staffing: '3 orang',
    service_guarantee: 'Sesuai standar',
    safety_guarantee: 'Data dijaga',
    performance_evaluation: 'Survei kepuasan',
  },
  decree: { number: '800/050/DISDUKCAPIL/2026', date: daysAgo(10) },
};

for (const dialect of dialects()) {
  describe(`services API (${dialect})`, () => {
    it('creates a complete standard, reports it complete, and patches one component', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const token = await apiToken(app, 'admin1@disdukcapil.pontianak.go.id');
      const created = await api(app, token, 'POST', '/api/v1/agencies/disdukcapil/services', FULL);
      assert.equal(created.statusCode, 201, created.body);
      const service = created.json() as ServiceJson;
      assert.equal(service.slug, 'penerbitan-surat-pindah');
      assert.deepEqual(service.completeness, {
        missing: [],
        public_published: true,
        has_decree: true,
        reviewed_within_year: true,
        complete: true,
      });
      assert.deepEqual(Object.keys(service.components), [...COMPONENT_KEYS]);

      const patched = await api(app, token, 'PATCH', `/api/v1/services/${service.id}`, {
        components: { staffing: '', fees: { free: false, items: [{ name: 'Legalisir', amount: 5000 }] } },
      });
      assert.equal(patched.statusCode, 200, patched.body);
      const after = patched.json() as ServiceJson;
      assert.deepEqual(after.completeness.missing, ['staffing']);
      assert.equal(after.completeness.complete, false);
      assert.deepEqual(after.components.requirements, ['KK', 'KTP-el']);
      assert.deepEqual(after.components.fees, {
        free: false,
        items: [{ name: 'Legalisir', amount: 5000, legal_basis: '' }],
      });

      const foreign = await api(app, token, 'PATCH', `/api/v1/services/${service.id}`, {
        flow_media_id: await photoOf(app, 'dinkes'),
      });
      assert.equal(foreign.statusCode, 422, 'another OPD’s photo is not a flow chart of this one');
      const own = await photoOf(app, 'disdukcapil');
      const flow = await api(app, token, 'PATCH', `/api/v1/services/${service.id}`, { flow_media_id: own });
      assert.equal((flow.json() as ServiceJson).flow_media_id, own);
      const page = await app.inject({ url: '/opd/disdukcapil/layanan/penerbitan-surat-pindah' });
      assert.match(page.body, /alt="Bagan alur prosedur Penerbitan Surat Pindah"/);

      const list = await api(app, token, 'GET', '/api/v1/agencies/disdukcapil/services');
      assert.equal(list.statusCode, 200);
      const body = list.json() as { agency: { slug: string }; services: ServiceJson[] };
      assert.equal(body.agency.slug, 'disdukcapil');
      const ktp = body.services.find((s) => s.slug === 'penerbitan-ktp-el');
      assert.equal(ktp?.completeness.complete, true);
      assert.ok(body.services.some((s) => s.id === service.id));
    });

    it('refuses bad bodies with 422 and Indonesian messages per field', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const token = await apiToken(app, 'admin1@disdukcapil.pontianak.go.id');
      const bad = await api(app, token, 'POST', '/api/v1/agencies/disdukcapil/services', {
        name: '',
        components: { timeframe: { value: 'satu', unit: 'minggu' }, requirements: 'KK' },
        decree: { number: '1/2026', date: '31-12-2026' },
      });
      assert.equal(bad.statusCode, 422, bad.body);
      const fields = (bad.json() as ErrorJson).error.fields ?? {};
      assert.equal(fields.name, 'Nama layanan wajib diisi.');
      assert.match(fields['decree.date'] ?? '', /Format Tanggal SK tidak sesuai/);
      assert.match(fields['components.requirements'] ?? '', /Persyaratan harus berupa daftar/);

      const future = await api(app, token, 'POST', '/api/v1/agencies/disdukcapil/services', {
        ...FULL,
        decree: { number: '1/2026', date: '2999-01-01' },
        components: { ...FULL.components, fees: { free: false, items: [] } },
      });
      assert.equal(future.statusCode, 422, future.body);
      const why = (future.json() as ErrorJson).error.fields ?? {};
      assert.match(why['decree.date'] ?? '', /tidak boleh setelah hari ini/);
      assert.match(why['components.fees'] ?? '', /rincian biaya/);
    });

    it('keeps other agencies’ services out of reach (404) and authors from writing (403)', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const own = await apiToken(app, 'admin1@disdukcapil.pontianak.go.id');
      const list = (await api(app, own, 'GET', '/api/v1/agencies/disdukcapil/services')).json() as {
        services: ServiceJson[];
      };
      const id = list.services[0]!.id;
      const other = await apiToken(app, 'admin1@dinkes.pontianak.go.id');
      assert.equal(
        (await api(app, other, 'PATCH', `/api/v1/services/${id}`, { name: 'Dibajak' })).statusCode,
        404,
      );
      assert.equal((await api(app, other, 'GET', '/api/v1/agencies/disdukcapil/services')).statusCode, 404);
      assert.equal(
        (await api(app, other, 'POST', '/api/v1/agencies/disdukcapil/services', FULL)).statusCode,
        404,
      );
      const author = await makeMember(app, 'disdukcapil', 'author');
      const authorToken = await apiToken(app, author.email, author.password);
      assert.equal(
        (await api(app, authorToken, 'PATCH', `/api/v1/services/${id}`, { name: 'X' })).statusCode,
        403,
      );
      assert.equal(
        (await api(app, own, 'PATCH', '/api/v1/services/00000000-0000-0000-0000-000000000000', {}))
          .statusCode,
        404,
      );
    });
  });
}
