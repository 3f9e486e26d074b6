import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn } from '../test/client.js';
import { fieldValue } from '../test/hostile.js';

const COORDINATOR = 'aduan@pontianak.go.id';

const phoneCall = (submissionKey: string) => ({
  submission_key: submissionKey,
  channel: 'phone',
  lapor_number: '2611-0042-LPR',
  class: 'pengaduan',
  title: 'Lampu jalan padam di Jalan Gajah Mada',
  description: 'Penelepon melaporkan tiga tiang lampu padam sejak Senin, jalan gelap dan rawan.',
  category: 'lampu-lalu-lintas',
  kelurahan: 'kel-benua-melayu-darat',
  address: 'Depan toko emas',
  occurred_on: '',
  reporter_name: 'Pak Hasan',
  reporter_email: '',
  reporter_phone: '0813 5555 1234',
  reporter_nik: '',
  consent: 'ya',
});

for (const dialect of dialects()) {
  describe(`staff entry of a complaint from another channel (${dialect})`, () => {
    it('records a phone complaint with its LAPOR! number, shows the code and key once, and records one for a double submit', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const coord = await signedIn(app, COORDINATOR);
      const form = await coord.get('/admin/aduan/baru');
      assert.equal(form.statusCode, 200);
      const key = fieldValue(form.body, 'submission_key');
      assert.ok(key);

      const refused = await coord.post('/admin/aduan/baru', {
        ...phoneCall(key),
        reporter_name: '',
        consent: '',
      });
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /Ada masalah/);
      assert.match(refused.body, /href="#f-reporter_name"/);
      assert.match(refused.body, /Isi nama pelapor\./);
      assert.equal(fieldValue(refused.body, 'title'), 'Lampu jalan padam di Jalan Gajah Mada');

      const done = await coord.post('/admin/aduan/baru', phoneCall(key));
      assert.equal(done.statusCode, 200, done.body.slice(0, 500));
      const code = /<dd class="complaint-code">(PTK-[0-9A-Z]{6})<\/dd>/.exec(done.body)?.[1];
      assert.ok(code, 'the tracking code is shown');
      assert.match(done.body, /Kunci akses/);
      const row = await app.db
        .selectFrom('complaints')
        .selectAll()
        .where('trackingCode', '=', code)
        .executeTakeFirstOrThrow();
      assert.equal(row.channel, 'phone');
      assert.equal(row.laporNumber, '2611-0042-LPR');
      assert.equal(row.reporterPhone, '081355551234');
      assert.ok(row.createdBy, 'the staff member is recorded');

      const again = await coord.post('/admin/aduan/baru', phoneCall(key));
      assert.equal(again.statusCode, 200);
      assert.ok(again.body.includes(code), 'a double submit shows the same complaint');
      const count = await app.db
        .selectFrom('complaints')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1);
      const queue = await coord.get('/admin/aduan?tab=baru');
      assert.ok(queue.body.includes(code));
      const detail = await coord.get(`/admin/aduan/${code}`);
      assert.match(detail.body, /Telepon/);
      assert.match(detail.body, /2611-0042-LPR/);
    });
  });
}
