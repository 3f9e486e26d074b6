import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { findPledge } from '../standards/standards.repository.js';
import * as photo from '../media/media.fixtures.js';
import { getMedia } from '../media/media.repository.js';
import { uploadMedia } from '../media/media.service.js';
import { buildTestApp, dialects } from '../test/app.js';
import { apiToken, signedIn } from '../test/client.js';
import { runCli } from '../cli.js';
import { assertApiError, assertRefusedForm, fieldError } from '../test/hostile.js';

const SPAM = 'Situs slot gacor hari ini, maxwin dijamin. Daftar di gacor88.xyz';
// An agency warning its citizens names the same words; it must still be saved.
const WARNING = 'Waspada judi online: Diskominfo memblokir situs slot dan mengajak warga melapor.';
const ADMIN = 'admin1@dinkes.pontianak.go.id';
const REFUSED = /terindikasi promosi judi online.*judi online/;

const profile = {
  name: 'Dinas Kesehatan',
  short_name: 'Dinkes',
  description: 'Melaksanakan urusan pemerintahan bidang kesehatan.',
  address: 'Jl. Letjen Sutoyo, Pontianak',
  phone: '(0561) 732121',
  email: 'dinkes@pontianak.go.id',
  service_hours: 'Senin–Jumat 07.30–16.00 WIB',
  instagram: '',
  facebook: '',
  youtube: '',
  x: '',
};

const description = async (app: FastifyInstance) => (await getAgencyBySlug(app.db, 'dinkes')).description;

for (const dialect of dialects()) {
  describe(`judi-online text outside posts and pages is refused when saved (${dialect})`, () => {
    it('refuses a spam profile beside the field, keeps what was typed, and saves nothing', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const before = await description(app);
      const admin = await signedIn(app, ADMIN);
      await admin.get('/admin/opd/dinkes');
      const sent = { ...profile, description: SPAM };
      const res = await admin.post('/admin/opd/dinkes', sent);
      assertRefusedForm(res, sent, ['name', 'description', 'address', 'service_hours'], 'profile');
      assert.match(fieldError(res.body, 'description') ?? '', REFUSED);
      assert.equal(fieldError(res.body, 'address'), undefined, 'only the spam field is named');
      assert.equal(await description(app), before);
      assert.doesNotMatch((await app.inject({ url: '/opd/dinkes' })).body, /gacor/);

      const warned = await admin.post('/admin/opd/dinkes', { ...profile, description: WARNING });
      assert.equal(warned.statusCode, 303, 'a warning about judi online is not spam');
      assert.equal(await description(app), WARNING);
    });

    it('refuses a service whose components promote gambling, through the API and the form', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const token = await apiToken(app, ADMIN);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/agencies/dinkes/services',
        headers: { authorization: `Bearer ${token}` },
        payload: { name: 'Imunisasi Anak', components: { requirements: ['Buku KIA', SPAM] } },
      });
      assert.equal(res.statusCode, 422, res.body);
      assertApiError(res, 'service API');
      const fields = (res.json() as { error: { fields: Record<string, string> } }).error.fields;
      assert.deepEqual(Object.keys(fields), ['components.requirements']);
      assert.match(fields['components.requirements'] ?? '', REFUSED);
      const stored = await app.db
        .selectFrom('services')
        .select('id')
        .where('name', '=', 'Imunisasi Anak')
        .execute();
      assert.equal(stored.length, 0);

      const admin = await signedIn(app, ADMIN);
      await admin.get('/admin/opd/dinkes/layanan/baru');
      const form = await admin.post('/admin/opd/dinkes/layanan', {
        name: 'Imunisasi Anak',
        summary: SPAM,
        legal_basis: SPAM,
      });
      assert.equal(form.statusCode, 422);
      assert.match(fieldError(form.body, 'summary') ?? '', REFUSED);
      assert.match(fieldError(form.body, 'legal_basis') ?? '', REFUSED);
    });

    it('refuses a spam maklumat and keeps the one saved before', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, ADMIN);
      await admin.get('/admin/opd/dinkes/layanan/maklumat');
      const sent = { body: SPAM, signed_by: 'dr. Uji', signer_position: 'Kepala Dinas Kesehatan' };
      const res = await admin.post('/admin/opd/dinkes/layanan/maklumat', sent);
      assertRefusedForm(res, sent, ['body', 'signed_by', 'signer_position'], 'maklumat');
      assert.match(fieldError(res.body, 'body') ?? '', REFUSED);
      const agency = await getAgencyBySlug(app.db, 'dinkes');
      assert.equal(await findPledge(app.db, agency.id), undefined);
    });

    it('refuses a spam photo caption, on upload and on edit, and keeps the caption it had', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const storage = app.storage;
      const agency = await getAgencyBySlug(app.db, 'dinkes');
      await assert.rejects(
        uploadMedia(app.db, storage, {
          agencyId: agency.id,
          actorId: null,
          buffer: await photo.tinyJpeg(),
          filename: 'a.jpg',
          caption: SPAM,
        }),
        (err: Error & { fields?: Record<string, string> }) => REFUSED.test(err.fields?.caption ?? ''),
      );
      const media = await uploadMedia(app.db, storage, {
        agencyId: agency.id,
        actorId: null,
        buffer: await photo.tinyJpeg(),
        filename: 'b.jpg',
        caption: 'Posyandu balita',
      });
      const admin = await signedIn(app, ADMIN);
      await admin.get(`/admin/opd/dinkes/media/${media.id}`);
      const sent = { alt: 'Warga antre di loket', caption: SPAM, credit: 'Humas' };
      const res = await admin.post(`/admin/opd/dinkes/media/${media.id}`, sent);
      assertRefusedForm(res, sent, ['alt', 'caption', 'credit'], 'caption');
      assert.match(fieldError(res.body, 'caption') ?? '', REFUSED);
      assert.equal((await getMedia(app.db, agency.id, media.id)).caption, 'Posyandu balita');
    });
    it('lists such texts written behind its back in scan-content, with the admin page that fixes them', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const agency = await getAgencyBySlug(app.db, 'dinkes');
      await app.db.updateTable('agencies').set({ description: SPAM }).where('id', '=', agency.id).execute();
      const media = await uploadMedia(app.db, app.storage, {
        agencyId: agency.id,
        actorId: null,
        buffer: await photo.tinyJpeg(),
        filename: 'promo.jpg',
      });
      await app.db.updateTable('media').set({ caption: SPAM }).where('id', '=', media.id).execute();
      const lines: string[] = [];
      const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
      assert.equal(await runCli(['scan-content', '--agency', 'dinkes', '--hold'], config, io), 1);
      const out = lines.join('\n');
      assert.match(out, /^\/admin\/opd\/dinkes\tprofil OPD\t/m);
      assert.match(out, /description: Memuat istilah khas judi online/);
      assert.match(out, new RegExp(`^/admin/opd/dinkes/media/${media.id}\tfoto\t`, 'm'));
      assert.match(
        out,
        /2 konten terindikasi judi online\.\nProfil, layanan, maklumat dan teks foto tidak ditahan/,
      );
      assert.equal(
        await description(app),
        SPAM,
        'listed, not changed: there is no earlier text to go back to',
      );
    });
  });
}
