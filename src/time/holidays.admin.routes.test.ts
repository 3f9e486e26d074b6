import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { assertRefusedForm, fieldError } from '../test/hostile.js';
import { loadCalendar } from './calendar.repository.js';
import { isWorkingDay } from './working-days.js';

const PATH = '/admin/hari-libur';

async function auditOf(app: FastifyInstance, action: string) {
  return app.db
    .selectFrom('auditEvents')
    .select(['subjectId', 'details', 'actorId'])
    .where('action', '=', action)
    .execute();
}

for (const dialect of dialects()) {
  describe(`GET /admin/hari-libur (${dialect})`, () => {
    it('lists a year’s holidays with dates written for people', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin@pontianak.go.id');
      const page = await admin.get(`${PATH}?tahun=2026`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>Hari libur 2026<\/h1>/);
      assert.match(page.body, /<time datetime="2026-03-20">Jumat, 20 Maret 2026<\/time>/);
      assert.match(page.body, /<time datetime="2026-01-01">Kamis, 1 Januari 2026<\/time>/);
      assert.match(page.body, /2026: 17 hari libur nasional dan 8 hari cuti bersama\./);
      assert.match(page.body, /<option value="2027">2027<\/option>/);
      assert.doesNotMatch(page.body, /2027-08-17/, 'only the chosen year');
      const next = await admin.get(`${PATH}?tahun=2027`);
      assert.match(next.body, /Selasa, 17 Agustus 2027/);
      assert.match(next.body, /<option value="2027" selected>2027<\/option>/);
      const empty = await admin.get(`${PATH}?tahun=2030`);
      assert.match(empty.body, /Belum ada hari libur untuk tahun 2030\./);
      assert.equal((await admin.get(`${PATH}?tahun=tahun-depan`)).statusCode, 422);
    });

    it('is linked from the super admin’s dashboard', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin@pontianak.go.id');
      assert.match((await admin.get('/admin')).body, /<a href="\/admin\/hari-libur">Hari libur<\/a>/);
    });

    it('is closed to everyone but the super admin', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      for (const email of ['aduan@pontianak.go.id', 'admin1@dinkes.pontianak.go.id']) {
        const other = await signedIn(app, email);
        assert.equal((await other.get(PATH)).statusCode, 403, `${email} may not look`);
        assert.doesNotMatch((await other.get('/admin')).body, /hari-libur/, `${email} sees no link`);
        const add = await other.post(PATH, { date: '2026-11-30', name: 'Libur', kind: 'cuti_bersama' });
        assert.equal(add.statusCode, 403, `${email} may not add`);
        assert.equal((await other.post(`${PATH}/2026-03-20/hapus`, {})).statusCode, 403);
      }
      const anonymous = await new TestClient(app).get(PATH);
      assert.notEqual(anonymous.statusCode, 200);
      assert.equal((await auditOf(app, 'holiday.added')).length, 0);
      assert.ok(
        await app.db.selectFrom('holidays').selectAll().where('date', '=', '2026-03-20').executeTakeFirst(),
      );
    });
  });

  describe(`POST /admin/hari-libur (${dialect})`, () => {
    it('adds a holiday, audited, and shows it in its year', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin@pontianak.go.id');
      await admin.get(PATH);
      const added = await admin.post(`${PATH}?tahun=2026`, {
        date: '2027-03-10',
        name: 'Idul Fitri 1448 Hijriah',
        kind: 'libur_nasional',
      });
      assert.equal(added.statusCode, 303);
      assert.equal(added.headers.location, `${PATH}?tahun=2027`);
      const page = await admin.get(`${PATH}?tahun=2027`);
      assert.match(page.body, /Rabu, 10 Maret 2027 \(Idul Fitri 1448 Hijriah\) sudah ditambahkan\./);
      assert.match(page.body, /<time datetime="2027-03-10">Rabu, 10 Maret 2027<\/time>/);
      const row = await app.db
        .selectFrom('holidays')
        .selectAll()
        .where('date', '=', '2027-03-10')
        .executeTakeFirstOrThrow();
      assert.deepEqual([row.name, row.kind], ['Idul Fitri 1448 Hijriah', 'libur_nasional']);
      const [event] = await auditOf(app, 'holiday.added');
      assert.equal(event?.subjectId, '2027-03-10');
      assert.deepEqual(JSON.parse(event?.details ?? '{}'), {
        name: 'Idul Fitri 1448 Hijriah',
        kind: 'libur_nasional',
      });
    });

    it('refuses a date already in the table and keeps what was typed', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin@pontianak.go.id');
      await admin.get(PATH);
      const sent = { date: '2026-03-20', name: 'Libur <script>alert(1)</script>', kind: 'libur_nasional' };
      const dup = await admin.post(`${PATH}?tahun=2026`, sent);
      assertRefusedForm(dup, sent, ['date', 'name'], 'duplicate date');
      assert.equal(fieldError(dup.body, 'date'), 'Tanggal ini sudah ada.');
      assert.match(dup.body, /<a href="#f-date">Tanggal ini sudah ada\.<\/a>/);
      assert.match(dup.body, /<option value="libur_nasional" selected>/);
      assert.match(dup.body, /<h1>Hari libur 2026<\/h1>/, 'the list of the year being viewed');
      assert.equal(dup.body.match(/<option value="2026"/g)?.length, 1, 'each year offered once');
      const row = await app.db
        .selectFrom('holidays')
        .select('name')
        .where('date', '=', '2026-03-20')
        .executeTakeFirstOrThrow();
      assert.equal(row.name, 'Cuti bersama Idul Fitri 1447 Hijriah', 'the stored day is untouched');
      assert.equal((await auditOf(app, 'holiday.added')).length, 0);
    });

    const refusals: [string, Record<string, string>, string, string][] = [
      ['an empty date', { date: '' }, 'date', 'Tanggal wajib diisi.'],
      ['a date written the Indonesian way', { date: '20/03/2027' }, 'date', 'Tanggal harus berupa tanggal yang benar, misalnya 2026-08-17.'],
      ['a day that does not exist', { date: '2027-02-30' }, 'date', 'Tanggal harus berupa tanggal yang benar, misalnya 2026-08-17.'],
      ['a thirteenth month', { date: '2027-13-01' }, 'date', 'Tanggal harus berupa tanggal yang benar, misalnya 2026-08-17.'],
      ['a year out of range', { date: '1999-12-31' }, 'date', 'Tanggal harus antara tahun 2000 dan 2100.'],
      ['an empty name', { name: '   ' }, 'name', 'Nama hari libur wajib diisi.'],
      ['a name too long', { name: 'a'.repeat(121) }, 'name', 'Nama hari libur paling banyak 120 karakter.'],
      ['no kind chosen', { kind: '' }, 'kind', 'Pilih Jenis dari pilihan yang tersedia.'],
      ['an unknown kind', { kind: 'libur_daerah' }, 'kind', 'Pilih Jenis dari pilihan yang tersedia.'],
    ]; // prettier-ignore
    it('refuses bad input with an Indonesian message beside the field', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin@pontianak.go.id');
      await admin.get(PATH);
      for (const [what, change, field, message] of refusals) {
        const sent = { date: '2027-03-10', name: 'Idul Fitri', kind: 'libur_nasional', ...change };
        const res = await admin.post(PATH, sent);
        assertRefusedForm(res, sent, ['date', 'name'], what);
        assert.equal(fieldError(res.body, field), message, what);
      }
      assert.equal(
        (await app.db.selectFrom('holidays').where('date', 'like', '2027-03%').selectAll().execute()).length,
        0,
        'nothing was stored',
      );
    });
  });

  describe(`POST /admin/hari-libur/:date/hapus (${dialect})`, () => {
    it('deletes a holiday, audited, so the day counts as a working day again', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin@pontianak.go.id');
      await admin.get(`${PATH}?tahun=2026`);
      const res = await admin.post(`${PATH}/2026-03-20/hapus`, {});
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${PATH}?tahun=2026`);
      const page = await admin.get(`${PATH}?tahun=2026`);
      assert.match(
        page.body,
        /Jumat, 20 Maret 2026 \(Cuti bersama Idul Fitri 1447 Hijriah\) sudah dihapus\./,
      );
      assert.doesNotMatch(page.body, /datetime="2026-03-20"/);
      const [event] = await auditOf(app, 'holiday.deleted');
      assert.equal(event?.subjectId, '2026-03-20');
      assert.equal(JSON.parse(event?.details ?? '{}').kind, 'cuti_bersama');
      assert.equal(isWorkingDay(await loadCalendar(app.db), '2026-03-20'), true);
      assert.equal((await admin.post(`${PATH}/2026-03-20/hapus`, {})).statusCode, 404, 'gone already');
      assert.equal((await admin.post(`${PATH}/bukan-tanggal/hapus`, {})).statusCode, 404);
    });

    it('needs the form’s CSRF token', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin@pontianak.go.id');
      const res = await admin.post(`${PATH}/2026-03-20/hapus`, {}, { csrf: false });
      assert.equal(res.statusCode, 403);
      assert.ok(
        await app.db.selectFrom('holidays').selectAll().where('date', '=', '2026-03-20').executeTakeFirst(),
      );
    });
  });
}
