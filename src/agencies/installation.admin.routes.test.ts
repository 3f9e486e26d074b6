import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { createAccount } from '../accounts/accounts.service.js';

const settings = {
  name: 'Pemerintah Kabupaten Contoh',
  short_name: 'Kab. Contoh',
  main_host: 'contohkab.go.id',
  address: 'Jl. Merdeka 1',
  phone: '(0561) 111222',
  email: 'info@contohkab.go.id',
  tfa_coordinator: 'ya',
  tfa_admin: 'ya',
};

for (const dialect of dialects()) {
  describe(`installation settings (${dialect})`, () => {
    it('lets the super admin rename the installation and choose who needs two-factor', async (t) => {
      const { app } = await buildTestApp(t, dialect, { BALAIRUNG_SEED: 'none' });
      await app.db
        .updateTable('installation')
        .set({ settings: JSON.stringify({ twoFactorRequiredFor: [], demo: false }) })
        .execute();
      await createAccount(app.db, null, {
        email: 'boss@contohkab.go.id',
        name: 'Boss',
        password: 'kata-sandi-panjang',
        installationRole: 'super_admin',
        memberships: [],
      });
      const client = await signedIn(app, 'boss@contohkab.go.id', 'kata-sandi-panjang');
      const form = await client.get('/admin/instalasi');
      assert.equal(form.statusCode, 200);
      const saved = await client.post('/admin/instalasi', settings);
      assert.equal(saved.statusCode, 303);
      const home = await new TestClient(app, 'contohkab.go.id').get('/');
      assert.match(home.body, /<h1 id="judul-beranda">Pemerintah Kabupaten Contoh<\/h1>/);
      const again = await client.get('/admin/instalasi');
      assert.match(again.body, /name="tfa_admin" value="ya" checked/);
      assert.doesNotMatch(again.body, /name="tfa_editor" value="ya" checked/);
      assert.equal(
        (await client.get('/admin')).statusCode,
        200,
        'super admins are not yet required to use it',
      );
      await client.post('/admin/instalasi', { ...settings, tfa_super_admin: 'ya' });
      const home2 = await client.get('/admin');
      assert.equal(home2.headers.location, '/admin/akun/dua-faktor', 'the new policy applies at once');
    });

    it('refuses an invalid host and keeps the typed values; an OPD admin may not open it', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const superAdmin = await signedIn(app, 'admin@pontianak.go.id');
      await superAdmin.get('/admin/instalasi');
      const bad = await superAdmin.post('/admin/instalasi', {
        ...settings,
        main_host: 'bukan host',
        tfa_admin: 'ya',
      });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Host utama tidak sah/);
      assert.match(bad.body, /value="Pemerintah Kabupaten Contoh"/);
      const taken = await superAdmin.post('/admin/instalasi', {
        ...settings,
        main_host: 'dinkes.pontianak.go.id',
      });
      assert.equal(taken.statusCode, 422);
      const opdAdmin = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      assert.equal((await opdAdmin.get('/admin/instalasi')).statusCode, 403);
    });
  });
}
