import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { TestClient } from '../test/client.js';
import { coordinator, makeComplaint, makeMember } from '../test/factories.js';
import { decodeEntities } from '../test/hostile.js';
import { actOnComplaint, type Caller } from './complaints.actions.js';

const REPORTER = ['Siti Aminah', 'siti@example.com', '081234567890'];

for (const dialect of dialects()) {
  describe(`public accountability pages (${dialect})`, () => {
    it('list the public complaints without any reporter data and without rahasia ones', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
      const named = await makeComplaint(app, { title: 'Saluran tersumbat di Jalan Gajah Mada' });
      const anonim = await makeComplaint(app, { title: 'Lampu jalan padam di Siantan', anonymous: true });
      const secret = await makeComplaint(app, {
        title: 'Pungutan liar di kantor kelurahan',
        confidential: true,
      });
      for (const { complaint } of [named, secret])
        await actOnComplaint(
          app.db,
          coord,
          complaint.trackingCode,
          { action: 'assign', agency: 'pupr' },
          { baseUrl: app.config.baseUrl },
        );
      const client = new TestClient(app);

      const list = await client.get('/aduan/laporan');
      assert.equal(list.statusCode, 200);
      const html = decodeEntities(list.body);
      assert.ok(html.includes(named.complaint.title));
      assert.ok(html.includes(anonim.complaint.title));
      assert.ok(
        html.includes(`/aduan/lacak?kode=${named.complaint.trackingCode}`),
        'links to the tracking page',
      );
      assert.ok(!html.includes(secret.complaint.title), 'no rahasia complaint');
      assert.ok(!html.includes(secret.complaint.trackingCode));
      for (const data of REPORTER) assert.ok(!html.includes(data), `no ${data}`);

      const byOpd = decodeEntities((await client.get('/aduan/laporan?opd=pupr&status=assigned')).body);
      assert.ok(byOpd.includes(named.complaint.title));
      assert.ok(!byOpd.includes(anonim.complaint.title), 'filtered by OPD and status');
      assert.equal((await client.get('/aduan/laporan?opd=tidak-ada')).statusCode, 404);
      const hostile = await client.get('/aduan/laporan?status=%3Cscript%3E&halaman=-1');
      assert.ok(hostile.statusCode >= 400 && hostile.statusCode < 500);

      const figures = await client.get('/aduan/kinerja?opd=pupr');
      assert.equal(figures.statusCode, 200);
      const numbers = decodeEntities(figures.body);
      assert.match(
        numbers,
        /<dt>Laporan diterima<\/dt><dd>2<\/dd>/,
        'the rahasia complaint counts as a number',
      );
      assert.ok(!numbers.includes(secret.complaint.title), 'but shows nothing of itself');
      const table = decodeEntities((await client.get('/aduan/kinerja?tahun=2026')).body);
      assert.ok(table.includes('href="/aduan/kinerja?opd=pupr"'));
      assert.equal((await client.get('/aduan/kinerja?opd=tidak-ada')).statusCode, 404);
      assert.equal((await client.get('/aduan/kinerja?tahun=dua-ribu')).statusCode, 422);
      const past = decodeEntities((await client.get('/aduan/kinerja?tahun=2020')).body);
      assert.ok(past.includes('Belum ada laporan yang diteruskan'));
    });

    it('shows the OPD’s answer time on its figures page', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
      const opd: Caller = { kind: 'staff', actor: (await makeMember(app, 'pupr', 'admin')).actor };
      const { complaint } = await makeComplaint(app);
      const ctx = { baseUrl: app.config.baseUrl };
      await actOnComplaint(app.db, coord, complaint.trackingCode, { action: 'assign', agency: 'pupr' }, ctx);
      await actOnComplaint(
        app.db,
        opd,
        complaint.trackingCode,
        { action: 'answer', message: 'Selesai.' },
        ctx,
      );
      // Assigned Monday 09:00 WIB, answered Wednesday 10:00 WIB: two working days, within five.
      await app.db
        .updateTable('complaints')
        .set({
          assignedAt: '2026-11-02T02:00:00.000Z',
          firstAnsweredAt: '2026-11-04T03:00:00.000Z',
          firstAnswerDueAt: '2026-11-09T09:00:00.000Z',
        })
        .where('id', '=', complaint.id)
        .execute();
      const html = decodeEntities((await new TestClient(app).get('/aduan/kinerja?opd=pupr')).body);
      assert.match(html, /<dt>Ditanggapi tepat waktu<\/dt><dd>1 dari 1 \(100%\)<\/dd>/);
      assert.match(html, /<dt>Median waktu tanggapan<\/dt><dd>2 hari kerja<\/dd>/);
    });
  });
}
