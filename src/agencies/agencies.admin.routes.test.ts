import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';

const profile = {
  name: 'Dinas Kesehatan',
  short_name: 'Dinkes',
  description: 'Melaksanakan urusan pemerintahan bidang kesehatan.',
  address: 'Jl. Letjen Sutoyo, Pontianak',
  phone: '(0561) 732121',
  email: 'DINKES@pontianak.go.id',
  service_hours: 'Senin–Jumat 07.30–16.00 WIB',
  instagram: 'https://instagram.com/dinkes.ptk',
  facebook: '',
  youtube: '',
  x: '',
};

for (const dialect of dialects()) {
  describe(`admin area: agencies (${dialect})`, () => {
    it('sends a visitor who is not signed in to the sign-in form and back afterwards', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = new TestClient(app);
      const res = await client.get('/admin/opd/dinkes');
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/masuk?lanjut=%2Fadmin%2Fopd%2Fdinkes');
      await client.get('/masuk?lanjut=%2Fadmin%2Fopd%2Fdinkes');
      const signIn = await client.post('/masuk?lanjut=%2Fadmin%2Fopd%2Fdinkes', {
        email: 'admin1@dinkes.pontianak.go.id',
        password: 'demo-password-123',
      });
      assert.equal(signIn.headers.location, '/admin/opd/dinkes');
    });

    it('shows an OPD admin only their own agency, and says two-factor is optional in the demo', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      const home = await client.get('/admin');
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /href="\/admin\/opd\/dinkes"/);
      assert.doesNotMatch(home.body, /href="\/admin\/opd\/dishub"/);
      assert.match(home.body, /instalasi demo/);
      const list = await client.get('/admin/opd');
      assert.equal((list.body.match(/href="\/admin\/opd\/[a-z0-9-]+"/g) ?? []).length, 1);
    });

    it('lets an OPD admin update the profile, which the public page then shows', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await signedIn(app, 'admin2@dinkes.pontianak.go.id');
      const form = await client.get('/admin/opd/dinkes');
      assert.match(form.body, /value="Dinas Kesehatan"/);
      const saved = await client.post('/admin/opd/dinkes', profile);
      assert.equal(saved.statusCode, 303);
      const page = await client.get('/opd/dinkes');
      assert.match(page.body, /\(0561\) 732121/);
      assert.match(page.body, /dinkes@pontianak\.go\.id/, 'email is stored lower-case');
      assert.match(page.body, /href="https:\/\/instagram.com\/dinkes.ptk"/);
      const audit = await app.db
        .selectFrom('auditEvents')
        .select('action')
        .where('action', '=', 'agency.profile_updated')
        .execute();
      assert.equal(audit.length, 1);
    });

    it('keeps what was typed and explains each problem when the profile is invalid', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      await client.get('/admin/opd/dinkes');
      const res = await client.post('/admin/opd/dinkes', {
        ...profile,
        name: '',
        phone: 'telepon saya',
        instagram: 'javascript:alert(1)',
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Ada masalah/);
      assert.match(res.body, /<a href="#f-name">Nama wajib diisi.<\/a>/);
      assert.match(res.body, /Telepon hanya boleh berisi angka/);
      assert.match(res.body, /Instagram harus berupa alamat lengkap/);
      assert.match(res.body, /value="telepon saya"/);
      const page = await client.get('/opd/dinkes');
      assert.doesNotMatch(page.body, /telepon saya/, 'nothing was half-saved');
    });

    it('lets the super admin add an agency that answers on its own host', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await signedIn(app, 'admin@pontianak.go.id');
      await client.get('/admin/opd/baru');
      const res = await client.post('/admin/opd/baru', {
        name: 'Dinas Arsip Digital',
        short_name: 'Disardig',
        slug: 'disardig',
        kind: 'dinas',
        parent: '',
      });
      assert.equal(res.statusCode, 303);
      const home = await new TestClient(app, 'disardig.pontianak.go.id').get('/');
      assert.match(home.body, /<h1>Dinas Arsip Digital<\/h1>/);
      const again = await client.post('/admin/opd/baru', {
        name: 'Lain',
        short_name: 'L',
        slug: 'disardig',
        kind: 'dinas',
        parent: '',
      });
      assert.equal(again.statusCode, 422);
      assert.match(again.body, /Slug sudah dipakai/);
    });

    it('does not let an OPD admin add agencies', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      assert.equal((await client.get('/admin/opd/baru')).statusCode, 403);
      const res = await client.post('/admin/opd/baru', {
        name: 'X',
        short_name: 'X',
        slug: 'xx',
        kind: 'dinas',
      });
      assert.equal(res.statusCode, 403);
    });
  });
}
