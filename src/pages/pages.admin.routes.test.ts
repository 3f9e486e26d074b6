import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { AgencyRole } from '../accounts/accounts.table.js';
import { makeMember } from '../test/factories.js';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { fieldError, fieldValue } from '../test/hostile.js';

const LIST = '/admin/opd/dinkes/halaman';
const PASSWORD = 'Halaman-Kuat-2026';

async function member(app: FastifyInstance, role: AgencyRole): Promise<TestClient> {
  const { email } = await makeMember(app, 'dinkes', role, {
    email: `${role.replace('_', '-')}@dinkes.example.go.id`,
    name: `Uji ${role}`,
    password: PASSWORD,
  });
  return signedIn(app, email, PASSWORD);
}

/** Page titles in the admin list, in menu order. */
const listed = (html: string) =>
  [...html.matchAll(/<a href="\/admin\/opd\/dinkes\/halaman\/([a-z0-9-]+)">/g)].map((a) => a[1]);

for (const dialect of dialects()) {
  describe(`agency pages in the admin area (${dialect})`, () => {
    it('lists the default pages, adds one, orders and deletes it', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      const list = await admin.get(LIST);
      assert.equal(list.statusCode, 200);
      assert.deepEqual(listed(list.body), [
        'profil',
        'visi-misi',
        'struktur-organisasi',
        'tugas-fungsi',
        'kontak',
      ]);

      const added = await admin.post(LIST, { title: 'Sejarah Dinas', slug: '' });
      assert.equal(added.statusCode, 303, added.body.slice(0, 300));
      assert.equal(added.headers.location, `${LIST}/sejarah-dinas`);
      await admin.post(`${LIST}/sejarah-dinas`, { title: 'Sejarah Dinas', body_html: '<p>Sejak 1959.</p>' });
      const up = await admin.post(`${LIST}/sejarah-dinas/pindah`, { arah: 'naik' });
      assert.equal(up.statusCode, 303);
      assert.deepEqual(listed((await admin.get(LIST)).body).slice(-2), ['sejarah-dinas', 'kontak']);
      const visitor = new TestClient(app);
      assert.match((await visitor.get('/opd/dinkes/sejarah-dinas')).body, /Sejak 1959/);
      assert.equal(
        (await admin.post(`${LIST}/sejarah-dinas/pindah`, { arah: 'ke-samping' })).statusCode,
        422,
      );

      const removed = await admin.post(`${LIST}/sejarah-dinas/hapus`, {});
      assert.equal(removed.statusCode, 303);
      assert.equal((await visitor.get('/opd/dinkes/sejarah-dinas')).statusCode, 404);
      const kept = await admin.post(`${LIST}/profil/hapus`, {});
      assert.equal(kept.statusCode, 409);
      assert.match(kept.body, /Halaman bawaan tidak bisa dihapus/);
      const actions = await app.db
        .selectFrom('auditEvents')
        .select('action')
        .where('subjectType', '=', 'agency_page')
        .execute();
      assert.deepEqual(actions.map((a) => a.action).sort(), [
        'page.created',
        'page.deleted',
        'page.moved',
        'page.updated',
      ]);
    });

    it('refuses a reserved or taken address with an Indonesian message and keeps what was typed', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      await admin.get(LIST);
      const reserved = await admin.post(LIST, { title: 'Berita', slug: '' });
      assert.equal(reserved.statusCode, 422);
      assert.match(reserved.body, /Ada masalah/);
      assert.match(
        fieldError(reserved.body, 'title') ?? '',
        /Alamat "berita" sudah dipakai oleh bagian lain situs/,
      );
      assert.equal(fieldValue(reserved.body, 'title'), 'Berita');
      assert.match(reserved.body, /href="#f-title"/);

      const taken = await admin.post(LIST, { title: 'Visi & Misi Kami', slug: 'visi-misi' });
      assert.equal(taken.statusCode, 422);
      assert.match(fieldError(taken.body, 'slug') ?? '', /Sudah ada halaman dengan alamat "visi-misi"/);
      assert.equal(fieldValue(taken.body, 'title'), 'Visi & Misi Kami');
      assert.equal(fieldValue(taken.body, 'slug'), 'visi-misi');

      const badSlug = await admin.post(LIST, { title: 'Sejarah', slug: 'Sejarah Kami' });
      assert.equal(badSlug.statusCode, 422);
      assert.match(fieldError(badSlug.body, 'slug') ?? '', /huruf kecil, angka dan tanda hubung/);

      const blank = await admin.post(`${LIST}/profil`, {
        title: '  ',
        body_html: '<p>Teks yang diketik</p>',
      });
      assert.equal(blank.statusCode, 422);
      assert.match(fieldError(blank.body, 'title') ?? '', /Judul wajib diisi/);
      assert.equal(fieldValue(blank.body, 'body_html'), '<p>Teks yang diketik</p>');
      assert.deepEqual(
        await app.db
          .selectFrom('agencyPages')
          .select('slug')
          .where('slug', 'in', ['berita', 'sejarah'])
          .execute(),
        [],
      );
    });

    it("answers 404 to another agency's admin and 403 to an author, and lets editors and super admins in", async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const outsider = await signedIn(app, 'admin1@dishub.pontianak.go.id');
      for (const url of [LIST, `${LIST}/profil`])
        assert.equal((await outsider.get(url)).statusCode, 404, url);
      await outsider.get('/admin/opd/dishub/halaman');
      const edit = await outsider.post(`${LIST}/profil`, { title: 'Diubah OPD lain', body_html: '<p>x</p>' });
      assert.equal(edit.statusCode, 404);
      assert.doesNotMatch(edit.body, /Dinas Kesehatan/);
      assert.equal((await outsider.post(LIST, { title: 'Titipan' })).statusCode, 404);
      assert.equal((await outsider.post(`${LIST}/kontak/pindah`, { arah: 'naik' })).statusCode, 404);

      const author = await member(app, 'author');
      assert.equal((await author.get(LIST)).statusCode, 403);
      assert.equal(
        (await author.post(`${LIST}/profil`, { title: 'Profil', body_html: '<p>x</p>' })).statusCode,
        403,
      );
      assert.equal((await author.post(LIST, { title: 'Titipan penulis' })).statusCode, 403);

      const profil = await app.db
        .selectFrom('agencyPages')
        .select(['title', 'bodyHtml'])
        .where('slug', '=', 'profil')
        .execute();
      assert.ok(
        profil.every((p) => p.title === 'Profil' && p.bodyHtml === ''),
        "Dinkes's page is untouched",
      );
      assert.equal(
        (await app.db.selectFrom('agencyPages').select('id').where('title', 'like', 'Titipan%').execute())
          .length,
        0,
      );

      const editor = await member(app, 'editor');
      assert.equal((await editor.get(`${LIST}/profil`)).statusCode, 200);
      const superAdmin = await signedIn(app, 'admin@pontianak.go.id');
      assert.equal((await superAdmin.get(LIST)).statusCode, 200);
      const saved = await superAdmin.post(`${LIST}/profil`, {
        title: 'Profil',
        body_html: '<p>Profil Dinkes.</p>',
      });
      assert.equal(saved.statusCode, 303);
      assert.equal(
        (await new TestClient(app).get('/opd/dishub/profil')).body.includes('Profil Dinkes.'),
        false,
      );
    });
  });
}
