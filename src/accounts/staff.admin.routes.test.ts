import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';

for (const dialect of dialects()) {
  describe(`POST /admin/pengguna: city-level staff (${dialect})`, () => {
    it('lets the super admin invite a complaint coordinator who then signs in with that role', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin@pontianak.go.id');
      await admin.get('/admin/pengguna');
      const res = await admin.post('/admin/pengguna', {
        name: 'Koordinator Dua',
        email: 'aduan2@pontianak.go.id',
        role: 'coordinator',
      });
      assert.equal(res.statusCode, 200, 'without SMTP the page shows the link');
      const link = /(\/atur-kata-sandi\?token=[A-Za-z0-9_-]+)/.exec(res.body)?.[1];
      assert.ok(link);
      const invited = new TestClient(app);
      await invited.get(link);
      const set = await invited.post(link, {
        password: 'kata-sandi-koordinator',
        password_confirmation: 'kata-sandi-koordinator',
      });
      assert.equal(set.statusCode, 303);
      const signIn = await invited.signIn('aduan2@pontianak.go.id', 'kata-sandi-koordinator');
      assert.equal(signIn.statusCode, 303);
      const users = await admin.get('/admin/pengguna');
      assert.match(users.body, /aduan2@pontianak.go.id<\/td>\s*<td>Koordinator aduan<\/td>/);
    });

    it('refuses to give a second city role to someone who holds one, and refuses OPD admins', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin@pontianak.go.id');
      await admin.get('/admin/pengguna');
      const res = await admin.post('/admin/pengguna', {
        name: 'X',
        email: 'aduan@pontianak.go.id',
        role: 'super_admin',
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /sudah memegang peran Koordinator aduan/);
      const opd = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      await opd.get('/admin');
      const refused = await opd.post('/admin/pengguna', {
        name: 'X',
        email: 'x@pontianak.go.id',
        role: 'super_admin',
      });
      assert.equal(refused.statusCode, 403);
    });
  });
}
