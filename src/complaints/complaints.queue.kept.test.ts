import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn } from '../test/client.js';
import { coordinator, makeComplaint, makeMember } from '../test/factories.js';
import { actOnComplaint } from './complaints.actions.js';

const COORDINATOR = 'aduan@pontianak.go.id';
// A minute: long enough that nothing in the test outlives it by chance.
const KEPT = { BALAIRUNG_STAFF_PAGE_CACHE_MS: '60000' };

for (const dialect of dialects()) {
  describe(`the queue page kept per person for a moment (${dialect})`, () => {
    it('serves one render to the same person, shows their own write at once and another OPD its own queue', async (t) => {
      const { app } = await buildTestApp(t, dialect, KEPT);
      const dlh = await makeMember(app, 'dlh', 'complaint_officer');
      const pupr = await makeMember(app, 'pupr', 'complaint_officer');
      const first = await makeComplaint(app, { title: 'Drainase tersumbat di Gang Merpati' });
      await actOnComplaint(
        app.db,
        { kind: 'staff', actor: await coordinator(app) },
        first.complaint.trackingCode,
        { action: 'assign', agency: 'dlh' },
        { baseUrl: app.config.baseUrl },
      );

      // Everyone signs in first: signing in is a write, and would drop the kept pages by itself.
      const coord = await signedIn(app, COORDINATOR);
      const other = await signedIn(app, pupr.email, pupr.password);
      const opd = await signedIn(app, dlh.email, dlh.password);
      const before = await coord.get('/admin/aduan?tab=semua');
      assert.equal(before.statusCode, 200);
      assert.ok(before.body.includes(first.complaint.trackingCode));
      assert.equal(before.headers['cache-control'], 'no-store', 'a staff page is never kept by a browser');

      // Filed from elsewhere (another process, a timed job): this person's page within the moment is the same render.
      const second = await makeComplaint(app, { title: 'Sampah di tepi Sungai Kapuas' });
      const again = await coord.get('/admin/aduan?tab=semua');
      assert.equal(again.body, before.body);
      // Compressed once for each encoding a browser asks for: the same page.
      for (const [encoding, inflate] of [
        ['br', brotliDecompressSync],
        ['gzip', gunzipSync],
      ] as const) {
        const packed = await coord.get('/admin/aduan?tab=semua', { 'accept-encoding': encoding });
        assert.equal(packed.headers['content-encoding'], encoding);
        assert.match(String(packed.headers.vary), /accept-encoding/i);
        assert.equal(inflate(packed.rawPayload).toString('utf8'), before.body);
      }
      // Another address is its own page.
      assert.ok(
        (await coord.get('/admin/aduan?tab=semua&q=Sampah')).body.includes(second.complaint.trackingCode),
      );

      // Another OPD's officer asking for the same address gets their own queue, not the coordinator's.
      const theirs = await other.get('/admin/aduan?tab=semua');
      assert.equal(theirs.statusCode, 200);
      assert.ok(
        !theirs.body.includes(first.complaint.trackingCode),
        "DLH's complaint is not in PUPR's queue",
      );

      // The assigned OPD hands the complaint back: a write through this process, so every page is made afresh,
      // and the message after it is shown once.
      assert.ok((await opd.get('/admin/aduan')).body.includes(first.complaint.trackingCode));
      await opd.get(`/admin/aduan/${first.complaint.trackingCode}`);
      const back = await opd.post(`/admin/aduan/${first.complaint.trackingCode}/tindakan`, {
        action: 'return',
        reason: 'Saluran di jalan kota wewenang PUPR.',
      });
      assert.equal(back.statusCode, 303);
      assert.equal(back.headers.location, '/admin/aduan');
      const landed = await opd.get('/admin/aduan');
      assert.match(landed.body, /class="notice notice--success"/, 'the flash message after the action');
      assert.ok(!landed.body.includes(first.complaint.trackingCode), 'handed back: no longer in their queue');
      const next = await opd.get('/admin/aduan');
      assert.doesNotMatch(
        next.body,
        /class="notice notice--success"/,
        'the message is shown once, not kept with the page',
      );

      const fresh = await coord.get('/admin/aduan?tab=semua');
      assert.ok(
        fresh.body.includes(second.complaint.trackingCode),
        'after the write the coordinator sees both',
      );
    });
  });
}
