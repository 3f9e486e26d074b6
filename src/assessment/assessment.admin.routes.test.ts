import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import * as fixture from '../media/media.fixtures.js';
import { getMedia } from '../media/media.repository.js';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn } from '../test/client.js';
import { makeMember } from '../test/factories.js';
import { fieldError, fieldValue } from '../test/hostile.js';
import { makeStandards, YEAR } from './assessment.test-support.js';

const ADMIN = 'admin1@dinkes.pontianak.go.id';
const SUPER = 'admin@pontianak.go.id';
const FORM = `/admin/opd/dinkes/penilaian/${YEAR}`;

async function scoreOf(app: FastifyInstance, itemKey: string, serviceId = '') {
  const agency = await getAgencyBySlug(app.db, 'dinkes');
  return app.db
    .selectFrom('assessmentScores as s')
    .innerJoin('assessments as a', 'a.id', 's.assessmentId')
    .selectAll('s')
    .where('a.agencyId', '=', agency.id)
    .where('a.year', '=', YEAR)
    .where('a.serviceId', '=', serviceId)
    .where('s.itemKey', '=', itemKey)
    .executeTakeFirst();
}

for (const dialect of dialects()) {
  describe(`self-assessment pages (${dialect})`, () => {
    it('shows automatic items as such, saves what the OPD fills in, and keeps the OPD off the automatic ones', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await makeStandards(app, 'dinkes');
      const admin = await signedIn(app, ADMIN);
      const page = await admin.get(FORM);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /dari data Balairung/);
      assert.match(page.body, /1 dari 2 layanan memublikasikan enam komponen/);
      assert.match(page.body, /\/aset\/css\/assessment\.css\?v=/);
      assert.equal(
        fieldValue(page.body, 'score_komponen_publik'),
        undefined,
        'no field for an automatic item',
      );

      const saved = await admin.post(FORM, {
        score_kompetensi_pelaksana: '3',
        note_kompetensi_pelaksana: 'Bimtek pelayanan prima, Mei',
        score_sarana_rentan: '2',
        score_komponen_publik: '3',
      });
      assert.equal(saved.statusCode, 303, saved.body);
      const again = await admin.get(FORM);
      assert.match(again.body, /<option value="3" selected>3 — memadai sepenuhnya<\/option>/);
      assert.equal(fieldValue(again.body, 'note_kompetensi_pelaksana'), 'Bimtek pelayanan prima, Mei');
      assert.equal((await scoreOf(app, 'kompetensi_pelaksana'))?.score, 3);
      const auto = await scoreOf(app, 'komponen_publik');
      assert.deepEqual([auto?.score, auto?.source], [1, 'auto'], 'the posted 3 was ignored');

      const audit = await app.db
        .selectFrom('auditEvents')
        .selectAll()
        .where('action', '=', 'assessment.scored')
        .executeTakeFirstOrThrow();
      const details = JSON.parse(audit.details) as { changes: Record<string, { after: { score: number } }> };
      assert.equal(details.changes.kompetensi_pelaksana?.after.score, 3);
      assert.deepEqual(Object.keys(details.changes).sort(), ['kompetensi_pelaksana', 'sarana_rentan']);
    });

    it('refuses a bad score, a long note and another OPD’s photo with 422, keeping what was typed', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, ADMIN);
      await admin.get(FORM);
      const res = await admin.post(FORM, {
        score_ruang_tunggu: '5',
        note_ruang_tunggu: 'Kursi tunggu kurang',
        note_survei_kepuasan: 'x'.repeat(1001),
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Ada masalah/);
      assert.equal(fieldError(res.body, 'score_ruang_tunggu'), 'Pilih nilai 0, 1, 2 atau 3.');
      assert.ok(fieldError(res.body, 'note_survei_kepuasan'));
      assert.equal(fieldValue(res.body, 'note_ruang_tunggu'), 'Kursi tunggu kurang');
      assert.equal(await scoreOf(app, 'ruang_tunggu'), undefined, 'nothing saved');

      const dishub = await getAgencyBySlug(app.db, 'dishub');
      const photo = await app.db
        .selectFrom('media')
        .select('id')
        .where('agencyId', '=', dishub.id)
        .executeTakeFirst();
      const foreign = photo?.id ?? '00000000-0000-4000-8000-000000000000';
      const wrong = await admin.post(FORM, { score_ruang_tunggu: '2', evidence_ruang_tunggu: foreign });
      assert.equal(wrong.statusCode, 422);
      assert.equal(
        fieldError(wrong.body, 'evidence_ruang_tunggu'),
        'Foto tidak ada di pustaka foto OPD ini.',
      );
    });

    it('answers 404 to another OPD’s admin, to the OPD’s editor, and to an OPD admin on the city pages', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const other = await signedIn(app, 'admin1@dishub.pontianak.go.id');
      for (const url of [
        `/admin/opd/dinkes/penilaian`,
        FORM,
        `${FORM}/cetak`,
        '/admin/penilaian',
        '/admin/penilaian.csv',
      ])
        assert.equal((await other.get(url)).statusCode, 404, url);
      assert.equal((await other.post(FORM, { score_ruang_tunggu: '3' })).statusCode, 404);
      const editor = await makeMember(app, 'dinkes', 'editor');
      const asEditor = await signedIn(app, editor.email, editor.password);
      assert.equal((await asEditor.get(FORM)).statusCode, 404);
      const admin = await signedIn(app, ADMIN);
      assert.equal((await admin.get(`/admin/opd/dinkes/penilaian/1999`)).statusCode, 404);
      assert.equal((await admin.get(`${FORM}/layanan/tidak-ada`)).statusCode, 404);
    });

    it('assesses one service, prints the OPD report, and closes the year', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { complete } = await makeStandards(app, 'dinkes');
      const admin = await signedIn(app, ADMIN);
      const servicePage = await admin.get(`${FORM}/layanan/${complete.slug}`);
      assert.equal(servicePage.statusCode, 200);
      assert.match(servicePage.body, /1 dari 1 layanan memublikasikan enam komponen/);
      const saved = await admin.post(`${FORM}/layanan/${complete.slug}`, { score_ruang_tunggu: '3' });
      assert.equal(saved.statusCode, 303, saved.body);
      assert.equal((await scoreOf(app, 'ruang_tunggu', complete.id))?.score, 3);
      assert.equal(await scoreOf(app, 'ruang_tunggu'), undefined, 'the OPD-level assessment is apart');

      await admin.get(FORM);
      const print = await admin.get(`${FORM}/cetak`);
      assert.equal(print.statusCode, 200);
      assert.match(print.body, new RegExp(`Laporan Penilaian Kepatuhan Pelayanan Publik ${YEAR}`));
      assert.match(print.body, /Penerbitan Surat Keterangan Sehat/);

      const overview = await admin.get('/admin/opd/dinkes/penilaian');
      assert.match(overview.body, new RegExp(`href="/admin/opd/dinkes/penilaian/${YEAR}">${YEAR}</a>`));

      assert.equal((await admin.post(`${FORM}/kunci`, {})).statusCode, 303);
      const closed = await admin.post(FORM, { score_ruang_tunggu: '1' });
      assert.equal(closed.statusCode, 422);
      assert.match(closed.body, /sudah dikunci/);
      assert.equal(await scoreOf(app, 'ruang_tunggu'), undefined);

      // Only the super admin opens a closed year again.
      assert.equal((await admin.post(`${FORM}/buka`, {})).statusCode, 403);
      const city = await signedIn(app, SUPER);
      await city.get(FORM);
      assert.equal((await city.post(`${FORM}/buka`, {})).statusCode, 303);
      assert.equal((await admin.post(FORM, { score_ruang_tunggu: '1' })).statusCode, 303);
      assert.equal((await scoreOf(app, 'ruang_tunggu'))?.score, 1);
    });

    it('gives the super admin every OPD’s score and category, on the page and as CSV', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, ADMIN);
      await admin.get(FORM);
      await admin.post(FORM, { score_kompetensi_pelaksana: '3' });
      assert.match(
        (await admin.get('/admin')).body,
        /href="\/admin\/opd\/dinkes\/penilaian"/,
        'linked from the admin home',
      );
      const city = await signedIn(app, SUPER);
      assert.match(
        (await city.get('/admin')).body,
        /href="\/admin\/penilaian"/,
        'linked from the admin home',
      );
      const page = await city.get(`/admin/penilaian?tahun=${YEAR}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Dinas Kesehatan/);
      assert.match(page.body, /class="zone zone--merah"/);
      const csv = await city.get(`/admin/penilaian.csv?tahun=${YEAR}`);
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.equal(
        lines[0],
        '"Tahun","Perangkat daerah","Slug","Input","Proses","Output","Pengaduan","Nilai akhir","Kategori","Zona","Status"',
      );
      const dinkes = lines.find((l) => l.includes('"dinkes"'));
      assert.ok(dinkes, 'a row for Dinkes');
      assert.match(
        dinkes,
        new RegExp(`^"${YEAR}","Dinas Kesehatan","dinkes","25",`),
        'input: one 3 of four items',
      );
      assert.match(dinkes, /"Terbuka"$/);
    });

    it('stores an evidence photo without its EXIF and GPS, in the library, and names it on the item', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, ADMIN);
      await admin.get(FORM);
      const photo = await fixture.photoJpeg({ gps: true });
      const res = await admin.postMultipart(`${FORM}/bukti/sarana_rentan`, {}, [
        { field: 'file', filename: 'ramp-difabel.jpg', data: photo },
      ]);
      assert.equal(res.statusCode, 303, res.body);
      const row = await scoreOf(app, 'sarana_rentan');
      assert.ok(row?.evidenceMediaId);
      const media = await getMedia(app.db, row.agencyId, row.evidenceMediaId);
      const file = await app.inject(`/media/${media.storageKey}/original.jpg`);
      assert.equal(file.statusCode, 200);
      const meta = await sharp(file.rawPayload).metadata();
      assert.equal(meta.exif, undefined, 'no EXIF, so no GPS');
      assert.ok(!file.rawPayload.toString('latin1').includes('BalairungCam'));

      const none = await admin.postMultipart(`${FORM}/bukti/sarana_rentan`, {});
      assert.equal(none.statusCode, 422);
      assert.equal(fieldError(none.body, 'file_sarana_rentan'), 'Pilih foto yang akan diunggah.');
      assert.equal((await admin.postMultipart(`${FORM}/bukti/kompetensi_pelaksana`, {})).statusCode, 422);
    });
  });
}
