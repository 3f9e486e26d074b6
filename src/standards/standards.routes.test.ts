import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { makeMember } from '../test/factories.js';
import { fieldError, fieldValue } from '../test/hostile.js';

const LIST = '/admin/opd/disdukcapil/layanan';
const KTP = '/opd/disdukcapil/layanan/penerbitan-ktp-el';

/** A form for a new service as an admin fills it in: lists one item per line. */
const NEW_SERVICE = {
  name: 'Penerbitan Akta Kelahiran',
  slug: '',
  summary: 'Akta kelahiran untuk bayi yang lahir di Kota Pontianak.',
  status: 'published',
  requirements: 'Surat keterangan lahir\nFotokopi KK\n- Fotokopi buku nikah orang tua',
  procedure: '1. Serahkan berkas\n2. Verifikasi\n3. Penerbitan akta',
  timeframe_value: '1',
  timeframe_unit: 'hari_kerja',
  fees_kind: 'gratis',
  fees_items: '',
  products: 'Akta Kelahiran',
  complaint_handling: 'Melalui kanal Aduan.',
  legal_basis: 'Perpres 96/2018',
  decree_number: '',
  decree_date: '',
};

/**
 * One app per dialect for the whole file (booting one costs seconds): buildTestApp registers its
 * cleanups with `after`, which this hands to the suite's own after-hook.
 */
function suiteContext(cleanups: (() => unknown)[]): TestContext {
  return { after: (fn: () => unknown) => void cleanups.push(fn) } as unknown as TestContext;
}

for (const dialect of dialects()) {
  describe(`service standards pages (${dialect})`, () => {
    let app: FastifyInstance;
    const cleanups: (() => unknown)[] = [];
    before(async () => {
      ({ app } = await buildTestApp(suiteContext(cleanups), dialect));
    });
    after(async () => {
      for (const fn of cleanups.reverse()) await fn();
    });

    it('shows the demo KTP-el standard to the public, the six service components first', async () => {
      const page = await new TestClient(app).get(KTP);
      assert.equal(page.statusCode, 200);
      const order = [
        'Persyaratan',
        'Sistem, mekanisme dan prosedur',
        'Jangka waktu penyelesaian',
        'Biaya/tarif',
        'Produk pelayanan',
        'Penanganan pengaduan',
        'Dasar hukum',
        'Evaluasi kinerja pelaksana',
      ];
      const positions = order.map((h) => page.body.indexOf(`>${h}`));
      assert.ok(
        positions.every((p) => p > 0),
        String(positions),
      );
      assert.deepEqual(
        [...positions].sort((a, b) => a - b),
        positions,
      );
      assert.match(
        page.body,
        /SK Nomor 800\/045\/DISDUKCAPIL\/2026 tanggal [A-Z][a-z]+, \d+ [A-Z][a-z]+ 20\d\d/,
      );
      assert.match(page.body, /Gratis/);
      assert.match(page.body, /1 hari kerja/);
      assert.match(page.body, /Maklumat|Standar pelayanan|Cetak poster/);
    });

    it('lists services on /layanan, by text and by OPD, and the maklumat on the OPD’s page', async () => {
      const visitor = new TestClient(app);
      const all = await visitor.get('/layanan');
      assert.equal(all.statusCode, 200);
      assert.match(all.body, /Penerbitan KTP-el/);
      assert.match(all.body, /Persetujuan Bangunan Gedung/);
      const found = await visitor.get('/layanan?q=ktp');
      assert.match(found.body, /Penerbitan KTP-el/);
      assert.doesNotMatch(found.body, /Persetujuan Bangunan Gedung/);
      const byAgency = await visitor.get('/layanan?opd=dpmptsp');
      assert.doesNotMatch(byAgency.body, /Penerbitan KTP-el/);
      assert.match(byAgency.body, /Persetujuan Bangunan Gedung/);
      const agency = await visitor.get('/opd/disdukcapil/layanan');
      assert.match(agency.body, /Maklumat pelayanan/);
      assert.match(agency.body, /sanggup menyelenggarakan pelayanan/);
      assert.equal((await visitor.get('/opd/disperpusip/layanan')).statusCode, 200);
      assert.equal((await visitor.get('/opd/disdukcapil/layanan/tidak-ada')).statusCode, 404);
    });

    it('answers on the agency’s own host too', async () => {
      const host = new TestClient(app, 'disdukcapil.pontianak.go.id');
      const list = await host.get('/layanan');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /href="\/layanan\/penerbitan-ktp-el"/);
      assert.equal((await host.get('/layanan/penerbitan-ktp-el')).statusCode, 200);
      assert.equal((await new TestClient(app).get('/layanan/penerbitan-ktp-el')).statusCode, 404);
    });

    it('prints a poster with a QR code and A4 print rules', async () => {
      const poster = await new TestClient(app).get(`${KTP}/poster`);
      assert.equal(poster.statusCode, 200);
      assert.match(
        poster.body,
        /<svg[^>]*role="img"[^>]*aria-label="Kode QR menuju http[^"]*\/opd\/disdukcapil\/layanan\/penerbitan-ktp-el"/,
      );
      assert.match(poster.body, /<path d="M\d+ \d+h1v1h-1z/);
      assert.match(poster.body, /css\/standards\.css/);
    });

    it('shows the completeness check to the OPD admin', async () => {
      const admin = await signedIn(app, 'admin1@disdukcapil.pontianak.go.id');
      const list = await admin.get(LIST);
      assert.equal(list.statusCode, 200);
      const ktpRow =
        /<tr>\s*<th scope="row"><a href="[^"]*penerbitan-ktp-el">[\s\S]*?<\/tr>/.exec(list.body)?.[0] ?? '';
      assert.match(ktpRow, /Tidak ada/);
      assert.match(ktpRow, />Lengkap</);
      const pbg = await signedIn(app, 'admin1@dpmptsp.pontianak.go.id');
      const pbgList = await pbg.get('/admin/opd/dpmptsp/layanan');
      assert.match(pbgList.body, /Belum lengkap/);
      assert.match(pbgList.body, /Biaya\/tarif/);
    });

    it('adds a service from the form, lists one per line, and publishes it', async () => {
      const admin = await signedIn(app, 'admin2@disdukcapil.pontianak.go.id');
      await admin.get(`${LIST}/baru`);
      const added = await admin.post(LIST, NEW_SERVICE);
      assert.equal(added.statusCode, 303, added.body.slice(0, 500));
      assert.equal(added.headers.location, `${LIST}/penerbitan-akta-kelahiran`);
      const form = await admin.get(`${LIST}/penerbitan-akta-kelahiran`);
      assert.equal(
        fieldValue(form.body, 'requirements'),
        'Surat keterangan lahir\nFotokopi KK\nFotokopi buku nikah orang tua',
      );
      const page = await new TestClient(app).get('/opd/disdukcapil/layanan/penerbitan-akta-kelahiran');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<ol>\s*<li>Serahkan berkas<\/li>/);
    });

    it('re-renders the form with 422, each field’s message and what was typed', async () => {
      const admin = await signedIn(app, 'admin1@disdukcapil.pontianak.go.id');
      await admin.get(`${LIST}/baru`);
      const bad = await admin.post(LIST, {
        ...NEW_SERVICE,
        name: 'Legalisir Dokumen',
        timeframe_value: 'dua',
        fees_kind: 'berbayar',
        fees_items: 'Legalisir | sepuluh ribu',
        decree_number: '800/1/2026',
        requirements: 'KTP asli',
      });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Ada masalah/);
      assert.match(fieldError(bad.body, 'timeframe_value') ?? '', /angka bulat/);
      assert.match(fieldError(bad.body, 'fees_items') ?? '', /Baris 1/);
      assert.match(fieldError(bad.body, 'decree_date') ?? '', /Tanggal SK wajib diisi/);
      assert.equal(fieldValue(bad.body, 'name'), 'Legalisir Dokumen');
      assert.equal(fieldValue(bad.body, 'requirements'), 'KTP asli');
      const taken = await admin.post(LIST, { ...NEW_SERVICE, slug: 'penerbitan-ktp-el' });
      assert.equal(taken.statusCode, 422);
      assert.match(fieldError(taken.body, 'slug') ?? '', /Sudah ada layanan/);
      const future = await admin.post(LIST, {
        ...NEW_SERVICE,
        name: 'Uji',
        decree_number: '1/2026',
        decree_date: '2999-01-01',
      });
      assert.equal(future.statusCode, 422);
      assert.match(fieldError(future.body, 'decree_date') ?? '', /tidak boleh setelah hari ini/);
    });

    it('saves the maklumat and shows it only when published', async () => {
      const admin = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      await admin.get('/admin/opd/dinkes/layanan/maklumat');
      const missing = await admin.post('/admin/opd/dinkes/layanan/maklumat', {
        body: '',
        signed_by: '',
        signer_position: '',
      });
      assert.equal(missing.statusCode, 422);
      const hidden = await admin.post('/admin/opd/dinkes/layanan/maklumat', {
        body: 'Kami sanggup melayani sesuai standar.',
        signed_by: 'dr. Uji',
        signer_position: 'Kepala Dinas Kesehatan',
        signed_on: '2026-01-05',
      });
      assert.equal(hidden.statusCode, 303);
      assert.doesNotMatch(
        (await new TestClient(app).get('/opd/dinkes/layanan')).body,
        /Kami sanggup melayani/,
      );
      await admin.get('/admin/opd/dinkes/layanan/maklumat');
      await admin.post('/admin/opd/dinkes/layanan/maklumat', {
        body: 'Kami sanggup melayani sesuai standar.',
        signed_by: 'dr. Uji',
        signer_position: 'Kepala Dinas Kesehatan',
        signed_on: '2026-01-05',
        published: 'ya',
      });
      const shown = (await new TestClient(app).get('/opd/dinkes/layanan')).body;
      assert.match(shown, /Kami sanggup melayani/);
      assert.match(shown, /Senin, 5 Januari 2026/);
    });

    it('keeps other agencies and authors out', async () => {
      const other = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      assert.equal((await other.get(LIST)).statusCode, 404);
      assert.equal((await other.get(`${LIST}/penerbitan-ktp-el`)).statusCode, 404);
      const { email, password } = await makeMember(app, 'disdukcapil', 'author');
      const author = await signedIn(app, email, password);
      assert.equal((await author.get(LIST)).statusCode, 403);
      const superAdmin = await signedIn(app, 'admin@pontianak.go.id');
      assert.equal((await superAdmin.get(LIST)).statusCode, 200);
    });
  });
}
