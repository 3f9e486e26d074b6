import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { PDF_AUTHOR, pdfWithAuthor } from '../complaints/complaints.attachments.fixtures.js';
import { photoPng } from '../media/media.fixtures.js';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { findServiceBySlug, listServices } from './standards.repository.js';
import { changeService, createService } from './standards.service.js';
import { summarizeStandards } from './standards.summary.js';

const ZONE = 'Asia/Pontianak';

for (const dialect of dialects()) {
  describe(`service standards data (${dialect})`, () => {
    it('summarises the demo per OPD: complete standards, maklumat, nothing for disperpusip', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const summary = await summarizeStandards(app.db);
      const id = async (slug: string) => (await getAgencyBySlug(app.db, slug)).id;
      assert.deepEqual(summary.get(await id('disdukcapil')), {
        servicesTotal: 2,
        servicesComplete: 2,
        pledgePublished: true,
      });
      assert.deepEqual(summary.get(await id('dpmptsp')), {
        servicesTotal: 1,
        servicesComplete: 0,
        pledgePublished: true,
      });
      assert.equal(summary.get(await id('disperpusip')), undefined);
      // A year and a half later the reviews are stale: nothing counts as complete.
      const later = await summarizeStandards(app.db, new Date(Date.now() + 540 * 86_400_000).toISOString());
      assert.equal(later.get(await id('disdukcapil'))?.servicesComplete, 0);
    });

    it('scopes services by agency and keeps addresses unique within one', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const dinkes = await getAgencyBySlug(app.db, 'dinkes');
      const dishub = await getAgencyBySlug(app.db, 'dishub');
      const a = await createService(app.db, dinkes, { name: 'Surat Keterangan Sehat' }, ZONE);
      const b = await createService(app.db, dishub, { name: 'Surat Keterangan Sehat' }, ZONE);
      assert.equal(a.slug, b.slug);
      assert.equal((await findServiceBySlug(app.db, dishub.id, a.slug))?.id, b.id);
      assert.deepEqual(
        (await listServices(app.db, dinkes.id)).map((s) => s.id),
        [a.id],
      );
      await assert.rejects(createService(app.db, dinkes, { name: 'Surat Keterangan Sehat' }, ZONE), {
        status: 422,
      });
      await assert.rejects(createService(app.db, dinkes, { name: 'Lain', slug: 'baru' }, ZONE), {
        status: 422,
      });
      const changed = await changeService(
        app.db,
        dinkes,
        a,
        { components: { requirements: ['KTP-el'] } },
        ZONE,
      );
      assert.deepEqual(changed.components.requirements, ['KTP-el']);
      const events = await app.db
        .selectFrom('auditEvents')
        .select('action')
        .where('subjectId', '=', a.id)
        .orderBy('createdAt')
        .execute();
      assert.deepEqual(
        events.map((e) => e.action),
        ['service.created', 'service.updated'],
      );
    });

    it('takes the SK as a PDF without its metadata, and refuses a photo', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin1@disdukcapil.pontianak.go.id');
      const form = '/admin/opd/disdukcapil/layanan/penerbitan-ktp-el';
      await admin.get(form);
      const photo = await admin.postMultipart(`${form}/sk`, {}, [
        { field: 'file', filename: 'sk.png', data: await photoPng(40, 40), type: 'image/png' },
      ]);
      assert.equal(photo.statusCode, 422);
      assert.match(photo.body, /Berkas SK harus PDF/);
      const pdf = await admin.postMultipart(`${form}/sk`, {}, [
        { field: 'file', filename: 'sk.pdf', data: await pdfWithAuthor(), type: 'application/pdf' },
      ]);
      assert.equal(pdf.statusCode, 303, pdf.body.slice(0, 300));
      const page = await new TestClient(app).get('/opd/disdukcapil/layanan/penerbitan-ktp-el');
      const href = /href="(\/media\/standar\/[^"]+\.pdf)"/.exec(page.body)?.[1];
      assert.ok(href, 'the public page links the SK');
      const file = await app.inject({ method: 'GET', url: href });
      assert.equal(file.statusCode, 200);
      assert.ok(!file.rawPayload.toString('latin1').includes(PDF_AUTHOR), 'the author is gone');
      assert.ok((await admin.get(form)).body.includes(`href="${href}"`), 'the admin form links it too');
    });
  });
}
