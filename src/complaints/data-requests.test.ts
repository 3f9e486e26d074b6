import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { HOSTILE_TEXT } from '../test/hostile.js';
import { signedIn, type TestClient } from '../test/client.js';
import { makeComplaint, makeMember } from '../test/factories.js';
import type { SubjectExport } from './data-requests.js';
import { removeExpiredPersonalData } from './retention.js';

const PATH = '/admin/aduan/permintaan-data';
const siti = {
  name: 'Siti Aminah',
  email: 'siti@example.com',
  phone: '081234567890',
  nik: '6171010101010001',
};
const other = { name: 'Budi Santoso', email: 'budi@example.com', phone: '089876543210' };
const photo = (storageKey: string) => ({
  kind: 'photo' as const,
  mime: 'image/jpeg',
  bytes: 2048,
  originalName: 'lubang.jpg',
  storageKey,
});

async function post(client: TestClient, path: string, fields: Record<string, string>) {
  await client.get(PATH);
  return client.post(path, fields);
}

const reporterOf = (app: FastifyInstance, id: string) =>
  app.db
    .selectFrom('complaints')
    .select([
      'reporterName',
      'reporterEmail',
      'reporterPhone',
      'reporterNik',
      'title',
      'personalDataRemovedAt',
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

/** buildTestApp registers its cleanups with `after`; this hands them to the suite's after-hook. */
function suiteContext(cleanups: (() => unknown)[]): TestContext {
  return { after: (fn: () => unknown) => void cleanups.push(fn) } as unknown as TestContext;
}

for (const dialect of dialects()) {
  describe(`data-subject requests (${dialect})`, () => {
    let app: FastifyInstance;
    let coordinator: TestClient;
    let filed: Awaited<ReturnType<typeof makeComplaint>>[];

    const cleanups: (() => unknown)[] = [];
    // One app for the suite (booting one costs seconds); the steps build on each other as a request does.
    before(async () => {
      ({ app } = await buildTestApp(suiteContext(cleanups), dialect));
      await app.complaintFiles.put('dsr/lubang.jpg', Buffer.from('foto'), 'image/jpeg');
      filed = [
        await makeComplaint(app, { reporter: siti }, { attachments: [photo('dsr/lubang.jpg')] }),
        // The same person by WhatsApp, written the international way, without an email.
        await makeComplaint(app, { reporter: { name: 'Siti A.', phone: '+62 812-3456-7890' } }),
        await makeComplaint(app, { reporter: other }),
      ];
      coordinator = await signedIn(app, 'aduan@pontianak.go.id');
    });
    after(async () => {
      for (const fn of cleanups.reverse()) await fn();
    });

    it('is closed to an OPD officer', async () => {
      const officer = await makeMember(app, 'pupr', 'complaint_officer');
      const client = await signedIn(app, officer.email, officer.password);
      assert.equal((await client.get(PATH)).statusCode, 403);
      const res = await post(client, `${PATH}/hapus`, { email: siti.email, confirm: 'ya' });
      assert.equal(res.statusCode, 403);
      assert.equal((await reporterOf(app, filed[0]!.complaint.id)).reporterEmail, siti.email);
    });

    it('refuses an empty request and a code without its key, keeping what was typed', async () => {
      const empty = await post(coordinator, PATH, {});
      assert.equal(empty.statusCode, 422);
      assert.match(empty.body, /Ada masalah/);
      assert.match(empty.body, /Isi email, nomor WhatsApp, atau kode lacak/);
      const code = await post(coordinator, PATH, { tracking_code: filed[2]!.complaint.trackingCode });
      assert.equal(code.statusCode, 422);
      assert.match(code.body, /href="#f-access_key"/);
      assert.match(code.body, new RegExp(`value="${filed[2]!.complaint.trackingCode}"`));
    });

    it('answers hostile input in every field with a 4xx or a page, never a 5xx', async () => {
      for (const path of [PATH, `${PATH}/unduh`]) {
        for (const field of ['email', 'phone', 'tracking_code', 'access_key']) {
          for (const { label, value } of HOSTILE_TEXT) {
            const res = await post(coordinator, path, { email: 'warga@example.com', [field]: value });
            assert.ok(res.statusCode < 500, `${path} ${field} = ${label}: ${res.statusCode}`);
            if (res.statusCode >= 400) assert.equal(res.statusCode, 422, `${field} = ${label}`);
            assert.doesNotMatch(res.body, /<script>alert|<img src=x/, `${field} = ${label} is escaped`);
          }
        }
      }
    });

    it('shows and exports everything held about the citizen, found by email or WhatsApp number', async () => {
      const page = await post(coordinator, PATH, { email: 'SITI@example.com', phone: '0812 3456 7890' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Ditemukan 2 laporan/);
      assert.match(page.body, /6171010101010001/);
      assert.match(page.body, /lubang\.jpg/);
      assert.doesNotMatch(page.body, /Budi Santoso/, 'another citizen is not in it');

      const download = await post(coordinator, `${PATH}/unduh`, { phone: '081234567890' });
      assert.equal(download.statusCode, 200);
      assert.match(String(download.headers['content-disposition']), /attachment; filename="data-pribadi-/);
      const data = download.json() as SubjectExport;
      assert.deepEqual(
        data.complaints.map((c) => c.tracking_code).sort(),
        [filed[0]!.complaint.trackingCode, filed[1]!.complaint.trackingCode].sort(),
      );
      const first = data.complaints.find((c) => c.tracking_code === filed[0]!.complaint.trackingCode)!;
      assert.deepEqual(first.reporter, siti);
      assert.equal(first.attachments[0]?.name, 'lubang.jpg');
      assert.ok(first.events.some((e) => e.action === 'file'));

      const byKey = await post(coordinator, `${PATH}/unduh`, {
        tracking_code: filed[2]!.complaint.trackingCode.toLowerCase(),
        access_key: filed[2]!.accessKey,
      });
      assert.deepEqual(
        (byKey.json() as SubjectExport).complaints.map((c) => c.reporter.name),
        ['Budi Santoso'],
      );
      const wrongKey = await post(coordinator, PATH, {
        tracking_code: filed[2]!.complaint.trackingCode,
        access_key: 'bukan-kuncinya',
      });
      assert.match(wrongKey.body, /Tidak ada laporan dengan data pribadi yang cocok/);
      const audit = await app.db
        .selectFrom('auditEvents')
        .select('details')
        .where('action', '=', 'complaint.personal_data_exported')
        .execute();
      assert.ok(audit.length >= 3, 'each look and download is recorded');
      assert.ok(!audit.some((a) => a.details.includes('siti')), 'without the personal data itself');
    });

    it('erases the personal data on request: fields blanked, files and mail gone, records kept, audited', async () => {
      const mailsBefore = await app.db
        .selectFrom('mailOutbox')
        .select('recipient')
        .where('recipient', '=', siti.email)
        .execute();
      assert.ok(mailsBefore.length > 0, 'the receipt mail to her is in the outbox');
      const unconfirmed = await post(coordinator, `${PATH}/hapus`, { email: siti.email, phone: siti.phone });
      assert.equal(unconfirmed.statusCode, 422);
      assert.match(unconfirmed.body, /href="#f-confirm"/);
      assert.equal((await reporterOf(app, filed[0]!.complaint.id)).reporterEmail, siti.email);

      const done = await post(coordinator, `${PATH}/hapus`, {
        email: siti.email,
        phone: siti.phone,
        confirm: 'ya',
      });
      assert.equal(done.statusCode, 303);
      for (const { complaint } of filed.slice(0, 2)) {
        const row = await reporterOf(app, complaint.id);
        assert.deepEqual(
          [row.reporterName, row.reporterEmail, row.reporterPhone, row.reporterNik],
          ['', '', '', ''],
        );
        assert.equal(row.title, complaint.title, 'the record stays');
        assert.ok(row.personalDataRemovedAt);
      }
      assert.equal((await reporterOf(app, filed[2]!.complaint.id)).reporterName, 'Budi Santoso');
      assert.equal(await app.complaintFiles.get('dsr/lubang.jpg'), undefined, 'her photo is deleted');
      const attachments = await app.db
        .selectFrom('complaintAttachments')
        .select('id')
        .where('complaintId', '=', filed[0]!.complaint.id)
        .execute();
      assert.equal(attachments.length, 0);
      const mails = await app.db.selectFrom('mailOutbox').select('recipient').execute();
      assert.ok(!mails.some((m) => m.recipient === siti.email), 'no mail to her is left');
      assert.ok(
        mails.some((m) => m.recipient === other.email),
        'mail to others stays',
      );
      const audit = await app.db
        .selectFrom('auditEvents')
        .select('details')
        .where('action', '=', 'complaint.personal_data_erased')
        .execute();
      assert.equal(audit.length, 1);
      assert.match(audit[0]!.details, new RegExp(filed[0]!.complaint.trackingCode));
      assert.doesNotMatch(audit[0]!.details, /siti|0812/i);
      const again = await post(coordinator, PATH, { email: siti.email });
      assert.match(again.body, /Tidak ada laporan dengan data pribadi yang cocok/);
    });

    it('leaves retention nothing to redo after an erasure, while it still purges mail past 30 days', async () => {
      const longAgo = new Date(Date.now() - 40 * 86_400_000).toISOString();
      await app.db
        .updateTable('complaints')
        .set({ status: 'closed', closedAt: longAgo.replace(/^\d{4}/, (y) => String(Number(y) - 3)) })
        .where('id', '=', filed[0]!.complaint.id)
        .execute();
      await app.db
        .updateTable('mailOutbox')
        .set({ createdAt: longAgo })
        .where('recipient', '=', other.email)
        .execute();
      const result = await removeExpiredPersonalData(app.db, app.complaintFiles);
      assert.equal(result.complaints, 0, 'the erased complaint is not removed (or audited) twice');
      assert.ok(result.mails >= 1, 'mail older than 30 days is purged');
      const left = await app.db.selectFrom('mailOutbox').select('recipient').execute();
      assert.ok(!left.some((m) => m.recipient === other.email));
    });
  });
}
