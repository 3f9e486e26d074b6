import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { createAccount } from '../accounts/accounts.service.js';
import { makeComplaint } from '../test/factories.js';
import { getInstallation } from './agencies.repository.js';
import { complaintSettingsOf, settingsOf } from './settings.js';

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
    it('lets the super admin change the complaint numbers and office hours, with Indonesian messages', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const superAdmin = await signedIn(app, 'admin@pontianak.go.id');
      const page = await superAdmin.get('/admin/instalasi');
      assert.match(page.body, /name="complaint_verify_days"[^>]*value="3"/);
      assert.match(page.body, /name="complaint_code_prefix"[^>]*value="PTK"/);
      assert.match(page.body, /name="office_opens"[^>]*value="07:30"/);
      const numbers = {
        ...settings,
        main_host: 'pontianak.go.id',
        office_opens: '08:00',
        office_closes: '15:30',
        complaint_verify_days: '2',
        complaint_follow_up_days: ' 7 ',
        complaint_auto_close_days: '14',
        complaint_max_days: '45',
        complaint_retention_months: '36',
        complaint_code_prefix: 'pnk',
      };
      const bad = await superAdmin.post('/admin/instalasi', {
        ...numbers,
        complaint_verify_days: '0',
        complaint_max_days: 'enam puluh',
        complaint_code_prefix: 'P1',
      });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Ada masalah/);
      assert.match(bad.body, /Batas penyelesaian harus berupa bilangan bulat antara 7 dan 365 hari\./);
      assert.match(bad.body, /Awalan nomor tiket harus 2 sampai 5 huruf, misalnya PTK\./);
      assert.match(bad.body, /name="complaint_max_days"[^>]*value="enam puluh"/, 'typed values kept');
      const outOfRange = await superAdmin.post('/admin/instalasi', {
        ...numbers,
        complaint_verify_days: '0',
      });
      assert.equal(outOfRange.statusCode, 422);
      assert.match(
        outOfRange.body,
        /Batas verifikasi harus berupa bilangan bulat antara 1 dan 30 hari kerja\./,
      );
      assert.match(outOfRange.body, /name="complaint_verify_days"[^>]*value="0"/);
      const backwards = await superAdmin.post('/admin/instalasi', { ...numbers, office_closes: '07:00' });
      assert.equal(backwards.statusCode, 422);
      assert.match(backwards.body, /Jam tutup layanan harus setelah jam buka\./);
      assert.equal(complaintSettingsOf(await getInstallation(app.db)).verifyDays, 3, 'nothing half-saved');

      assert.equal((await superAdmin.post('/admin/instalasi', numbers)).statusCode, 303);
      const installation = await getInstallation(app.db);
      assert.deepEqual(complaintSettingsOf(installation), {
        verifyDays: 2,
        followUpDays: 7,
        autoCloseDays: 14,
        maxDays: 45,
        retentionMonths: 36,
        codePrefix: 'PNK',
      });
      assert.equal(settingsOf(installation).officeOpens, '08:00');
      assert.equal(settingsOf(installation).officeCloses, '15:30');
      const { complaint } = await makeComplaint(app);
      assert.match(complaint.trackingCode, /^PNK-/, 'new complaints take the new prefix');
      assert.equal(Date.parse(complaint.resolutionDueAt) - Date.parse(complaint.receivedAt), 45 * 86_400_000);
      // A client that leaves the numbers out leaves them as they are.
      assert.equal(
        (await superAdmin.post('/admin/instalasi', { ...settings, main_host: 'pontianak.go.id' })).statusCode,
        303,
      );
      assert.equal(complaintSettingsOf(await getInstallation(app.db)).verifyDays, 2);
    });
  });
}
