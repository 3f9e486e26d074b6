import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';

for (const dialect of dialects()) {
  describe(`agency identity: kind, parent, hosts (${dialect})`, () => {
    it('lets the super admin move an agency to new host names, which then serve its site', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin@pontianak.go.id');
      const form = await admin.get('/admin/opd/pkm-kampung-dalam/identitas');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /pkm-kampung-dalam\.pontianak\.go\.id<\/textarea>/);
      const res = await admin.post('/admin/opd/pkm-kampung-dalam/identitas', {
        kind: 'puskesmas',
        parent: 'dinkes',
        hosts: 'puskesmaskampungdalam.pontianak.go.id\nPKM-KD.pontianak.go.id',
      });
      assert.equal(res.statusCode, 303);
      const byNewHost = await new TestClient(app, 'pkm-kd.pontianak.go.id').get('/');
      assert.match(byNewHost.body, /<h1>Puskesmas Kampung Dalam<\/h1>/);
      const byOldHost = await new TestClient(app, 'pkm-kampung-dalam.pontianak.go.id').get('/');
      assert.match(byOldHost.body, /judul-beranda/, 'the old host is the portal again');
    });

    it('refuses a taken host, a bad host and a parent that would make a cycle, keeping what was typed', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin@pontianak.go.id');
      await admin.get('/admin/opd/dinkes/identitas');
      const taken = await admin.post('/admin/opd/dinkes/identitas', {
        kind: 'dinas',
        parent: '',
        hosts: 'dishub.pontianak.go.id',
      });
      assert.equal(taken.statusCode, 422);
      assert.match(taken.body, /dishub.pontianak.go.id sudah dipakai/);
      assert.match(taken.body, />dishub.pontianak.go.id<\/textarea>/);
      const bad = await admin.post('/admin/opd/dinkes/identitas', {
        kind: 'dinas',
        parent: '',
        hosts: 'bukan_host!',
      });
      assert.match(bad.body, /tidak sah/);
      const cycle = await admin.post('/admin/opd/dinkes/identitas', {
        kind: 'dinas',
        parent: 'pkm-kampung-dalam',
        hosts: '',
      });
      assert.equal(cycle.statusCode, 422);
      assert.match(cycle.body, /Induk tidak boleh unit ini sendiri atau unit di bawahnya/);
    });

    it('is for the super admin only: an OPD admin gets 403 on their own agency', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const opd = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      assert.equal((await opd.get('/admin/opd/dinkes/identitas')).statusCode, 403);
      assert.doesNotMatch((await opd.get('/admin/opd/dinkes')).body, /identitas/);
    });
  });
}
