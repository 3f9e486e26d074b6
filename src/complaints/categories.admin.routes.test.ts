import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn } from '../test/client.js';
import { makeComplaint } from '../test/factories.js';
import { findCategoryByCode } from './complaints.repository.js';

for (const dialect of dialects()) {
  describe(`complaint categories in the admin area (${dialect})`, () => {
    it('adds a category, changes its default OPD, and refuses to remove one in use', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await makeComplaint(app);
      const admin = await signedIn(app, 'admin@pontianak.go.id');
      const list = await admin.get('/admin/aduan/kategori');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /Jalan dan jembatan/);

      const bad = await admin.post('/admin/aduan/kategori', { code: 'Lampu Taman', name: '', position: 'x' });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /href="#f-code"/);
      assert.match(bad.body, /href="#f-name"/);
      const added = await admin.post('/admin/aduan/kategori', {
        code: 'lampu-taman',
        name: 'Lampu taman',
        description: 'Lampu di taman kota.',
        default_agency: 'dishub',
        position: '',
      });
      assert.equal(added.statusCode, 303);
      const taken = await admin.post('/admin/aduan/kategori', {
        code: 'lampu-taman',
        name: 'Lagi',
        position: '3',
      });
      assert.equal(taken.statusCode, 422);
      assert.match(taken.body, /sudah dipakai/);

      const edited = await admin.post('/admin/aduan/kategori/lampu-taman', {
        name: 'Lampu taman dan ruang terbuka',
        description: '',
        default_agency: 'dlh',
        position: '4',
      });
      assert.equal(edited.statusCode, 303);
      const category = await findCategoryByCode(app.db, 'lampu-taman');
      assert.equal(category?.defaultAgencyId, (await getAgencyBySlug(app.db, 'dlh')).id);
      assert.equal(category?.name, 'Lampu taman dan ruang terbuka');
      assert.equal(category?.position, 4);

      const inUse = await admin.post('/admin/aduan/kategori/jalan-jembatan/hapus', {});
      assert.equal(inUse.statusCode, 409);
      assert.match(inUse.body, /tidak bisa dihapus karena dipakai 1 aduan/);
      assert.ok(await findCategoryByCode(app.db, 'jalan-jembatan'));
      assert.equal((await admin.post('/admin/aduan/kategori/lampu-taman/hapus', {})).statusCode, 303);
      assert.equal(await findCategoryByCode(app.db, 'lampu-taman'), undefined);
      assert.equal((await admin.get('/admin/aduan/kategori/lampu-taman')).statusCode, 404);

      const coord = await signedIn(app, 'aduan@pontianak.go.id');
      assert.equal((await coord.get('/admin/aduan/kategori/kesehatan')).statusCode, 200);
    });
  });
}
