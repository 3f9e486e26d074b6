import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { createChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { buildTestApp, dialects } from '../test/app.js';
import { TestClient } from '../test/client.js';
import { decodeEntities, fieldError, fieldValue } from '../test/hostile.js';
import { photoJpeg, TEXT_AS_JPEG } from '../media/media.fixtures.js';
import { PDF_AUTHOR, pdfWithAuthor } from './complaints.attachments.fixtures.js';
import { challengeOf, countComplaints, fileForm, solved, valid } from './filing.fixtures.js';
import { encodePayload, powKeys } from './filing.pow.js';

for (const dialect of dialects()) {
  describe(`the public complaint form (${dialect})`, () => {
    it('shows every field with its label, the privacy choices explained, and the purpose notice', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const res = await new TestClient(app).get('/aduan');
      assert.equal(res.statusCode, 200);
      const html = decodeEntities(res.body);
      for (const label of [
        'Jenis laporan',
        'Pengaduan',
        'Aspirasi',
        'Permintaan informasi',
        'Judul laporan',
        'Isi laporan',
        'Kategori',
        'Jalan dan jembatan',
        'Kecamatan Pontianak Barat',
        'Alamat atau patokan',
        'Tanggal kejadian',
        'Foto atau dokumen PDF',
        'Nama',
        'Nomor WhatsApp',
        'NIK',
      ])
        assert.ok(html.includes(label), `label ${label}`);
      assert.match(html, /Foto bisa mengungkap siapa Anda/);
      assert.match(html, /Anonim: rahasiakan identitas saya/);
      assert.match(html, /tidak diberikan kepada OPD.*Hanya koordinator pengaduan/);
      assert.match(html, /Rahasia: jangan tampilkan laporan ini kepada publik/);
      assert.match(html, /Undang-Undang Nomor 27 Tahun 2022/);
      assert.match(html, /dihapus 24 bulan setelah laporan ditutup/);
      assert.match(res.body, /enctype="multipart\/form-data"/);
      assert.match(
        res.body,
        /<input id="f-situs-web" name="situs_web" type="text" value tabindex="-1" autocomplete="off"/,
      );
      assert.match(res.body, /class="aduan-honeypot" aria-hidden="true"/);
      assert.match(res.body, /id="f-altcha" role="status" aria-live="polite"/);
      assert.match(res.body, /<script src="\/aset\/js\/complaint-form\.js\?v=[0-9a-f]+" defer/);
      assert.match(res.body, /<a href="\/aduan" aria-current="page">Aduan<\/a>/);
      assert.match(fieldValue(res.body, 'submission_key') ?? '', /^[A-Za-z0-9_-]{22}$/);
    });

    it('files a complaint with a phone photo, stores it without GPS, and shows the receipt', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = new TestClient(app);
      const photo = await photoJpeg({ gps: true, width: 800, height: 600 });
      const { res } = await fileForm(client, valid(), [
        { field: 'attachments', filename: 'IMG_01.jpg', data: photo },
      ]);
      assert.equal(res.statusCode, 303, res.body.slice(0, 400));
      assert.equal(res.headers.location, '/aduan/terkirim', 'no access key in the address');
      const complaint = await app.db.selectFrom('complaints').selectAll().executeTakeFirstOrThrow();
      assert.equal(complaint.channel, 'web');
      assert.equal(complaint.reporterEmail, 'siti1@example.com');
      assert.ok(complaint.consentAt);
      const files = await app.db.selectFrom('complaintAttachments').selectAll().execute();
      assert.equal(files.length, 1);
      assert.equal(files[0]!.complaintId, complaint.id);
      const stored = await app.complaintFiles.get(files[0]!.storageKey);
      assert.ok(stored);
      const meta = await sharp(stored).metadata();
      assert.equal(meta.exif, undefined, 'no EXIF (GPS) left');
      assert.equal(meta.xmp, undefined);
      const receipt = await client.get('/aduan/terkirim');
      assert.equal(receipt.statusCode, 200);
      const text = decodeEntities(receipt.body);
      assert.ok(text.includes(complaint.trackingCode), 'the tracking code is shown');
      assert.match(text, /Batas verifikasi: <strong>\S+, \d{1,2} \S+ \d{4} pukul \d{2}\.\d{2} WIB<\/strong>/);
      assert.match(text, new RegExp(`/aduan/lacak\\?kode=${complaint.trackingCode}&kunci=[A-Za-z0-9_-]{22}`));
      assert.match(text, /juga kami kirim ke email Anda/);
      const mail = await app.db.selectFrom('mailOutbox').selectAll().execute();
      assert.equal(mail.length, 1);
      assert.equal(mail[0]!.recipient, 'siti1@example.com');
      assert.ok(mail[0]!.body.includes(complaint.trackingCode));
    });

    it('stores a PDF without its author', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const pdf = await pdfWithAuthor();
      const { res } = await fileForm(new TestClient(app), valid(), [
        { field: 'attachments', filename: 'surat.pdf', data: pdf, type: 'application/pdf' },
      ]);
      assert.equal(res.statusCode, 303);
      const file = await app.db.selectFrom('complaintAttachments').selectAll().executeTakeFirstOrThrow();
      assert.equal(file.kind, 'pdf');
      const stored = (await app.complaintFiles.get(file.storageKey))!;
      assert.ok(!stored.includes(Buffer.from(PDF_AUTHOR)));
      assert.equal((await PDFDocument.load(stored, { updateMetadata: false })).getAuthor(), undefined);
    });

    it('refuses text named .jpg, keeps what was typed, asks for the files again and stores nothing', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { res } = await fileForm(new TestClient(app), valid(), [
        { field: 'attachments', filename: 'foto.jpg', data: TEXT_AS_JPEG },
      ]);
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Ada masalah/);
      assert.match(fieldError(res.body, 'attachments') ?? '', /foto\.jpg: Berkas ini bukan foto/);
      assert.match(res.body, /href="#f-attachments"/);
      assert.match(res.body, /Pilih lagi foto atau PDF Anda/);
      assert.equal(fieldValue(res.body, 'title'), valid().title);
      assert.equal(fieldValue(res.body, 'description'), valid().description);
      assert.equal(fieldValue(res.body, 'reporter_email'), 'siti1@example.com');
      assert.match(res.body, /<option value="kel-darat-sekip" selected>/);
      assert.equal(await countComplaints(app), 0);
      assert.equal((await app.db.selectFrom('mailOutbox').selectAll().execute()).length, 0);
    });

    it('points at consent and contact when they are missing', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const fields = { ...valid(), reporter_email: '', consent: '', title: '' };
      const { res } = await fileForm(new TestClient(app), fields);
      assert.equal(res.statusCode, 422);
      assert.match(fieldError(res.body, 'consent') ?? '', /Centang persetujuan/);
      assert.match(fieldError(res.body, 'reporter_email') ?? '', /Isi email atau nomor WhatsApp/);
      assert.match(fieldError(res.body, 'title') ?? '', /Judul laporan/);
      for (const f of ['consent', 'reporter_email', 'title'])
        assert.match(res.body, new RegExp(`href="#f-${f}"`));
      const noConsentOnly = await fileForm(new TestClient(app), { ...valid(), consent: '' });
      assert.equal(noConsentOnly.res.statusCode, 422);
      assert.match(fieldError(noConsentOnly.res.body, 'consent') ?? '', /Centang persetujuan/);
      assert.equal(await countComplaints(app), 0);
    });

    it('files one complaint for a double submit and shows the same receipt', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = new TestClient(app);
      const first = await fileForm(client, valid());
      assert.equal(first.res.statusCode, 303);
      const receipt1 = (await client.get('/aduan/terkirim')).body;
      const again = await client.postMultipart('/aduan', {
        submission_key: first.key,
        altcha: first.altcha,
        ...valid(),
      });
      assert.equal(again.statusCode, 303);
      const receipt2 = (await client.get('/aduan/terkirim')).body;
      assert.equal(await countComplaints(app), 1);
      const code = (await app.db.selectFrom('complaints').select('trackingCode').executeTakeFirstOrThrow())
        .trackingCode;
      assert.ok(receipt1.includes(code) && receipt2.includes(code));
      const link = (html: string) => /kunci=([A-Za-z0-9_-]+)/.exec(html)?.[1];
      assert.equal(link(receipt2), link(receipt1), 'the same private link');
    });

    it('looks like success to a robot that fills the honeypot, and stores nothing', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = new TestClient(app);
      const { res } = await fileForm(client, { ...valid(), situs_web: 'http://spam.example' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/aduan/terkirim');
      const page = await client.get('/aduan/terkirim');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /sudah terkirim/);
      assert.equal(await countComplaints(app), 0);
    });

    it('refuses a forged, an expired and a reused proof of work', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = new TestClient(app);
      const page = await client.get('/aduan');
      const key = fieldValue(page.body, 'submission_key')!;
      const challenge = challengeOf(page.body);
      const good = await solved(challenge);
      const forged = encodePayload({
        challenge: { ...challenge, parameters: { ...challenge.parameters, cost: 1 } },
        solution: { counter: 0, derivedKey: '00'.repeat(32) },
      });
      const keys = powKeys(app.config.secret);
      const old = await createChallenge({
        algorithm: 'SHA-256',
        cost: 1,
        counter: 5,
        deriveKey,
        data: { submission: key },
        expiresAt: new Date(Date.now() - 60_000),
        hmacSignatureSecret: keys.signature,
        hmacKeySignatureSecret: keys.keySignature,
      });
      const cases: [string, string, RegExp][] = [
        ['forged', forged, /tidak berhasil/],
        ['garbage', 'bukan-base64{', /tidak berhasil/],
        ['expired', await solved(old), /kedaluwarsa/],
        ['another form', good, /tidak berhasil/],
      ];
      for (const [what, altcha, message] of cases) {
        const submissionKey = what === 'another form' ? 'AAAAAAAAAAAAAAAAAAAAAA' : key;
        const res = await client.postMultipart('/aduan', {
          submission_key: submissionKey,
          altcha,
          ...valid(),
        });
        assert.equal(res.statusCode, 422, what);
        assert.match(decodeEntities(res.body), message, what);
        assert.match(res.body, /href="#f-altcha"/, what);
        assert.equal(fieldValue(res.body, 'title'), valid().title, what);
      }
      assert.equal(await countComplaints(app), 0);
      const accepted = await client.postMultipart('/aduan', {
        submission_key: key,
        altcha: good,
        ...valid(),
      });
      assert.equal(accepted.statusCode, 303, 'the same solution on its own form is accepted');
      const replay = await client.postMultipart('/aduan', { submission_key: key, altcha: good, ...valid(2) });
      assert.equal(replay.statusCode, 303, 'a replay only finds the first complaint');
      assert.equal(await countComplaints(app), 1);
    });

    it('lets a form without a proof of work file, under a stricter limit per address', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = new TestClient(app);
      for (let n = 1; n <= 3; n++) {
        const { res } = await fileForm(client, valid(n), [], { pow: false });
        assert.equal(res.statusCode, 303, `without a solution, complaint ${n}`);
      }
      const { res } = await fileForm(client, valid(4), [], { pow: false });
      assert.equal(res.statusCode, 429);
      assert.match(
        decodeEntities(res.body),
        /Tanpa JavaScript, satu jaringan internet hanya dapat mengirim 3 laporan per jam/,
      );
      assert.equal(fieldValue(res.body, 'title'), valid().title, 'what was typed is kept');
      const withPow = await fileForm(client, valid(5));
      assert.equal(withPow.res.statusCode, 303, 'a solved form still goes through');
      assert.equal(await countComplaints(app), 4);
    });

    it('records the OPD a complaint was filed from, by path and by the agency host', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const dinkes = await getAgencyBySlug(app.db, 'dinkes');
      const page = await new TestClient(app).get('/opd/dinkes/aduan');
      assert.match(decodeEntities(page.body), /Sampaikan aduan kepada/);
      assert.match(page.body, /action="\/opd\/dinkes\/aduan"/);
      const byPath = await fileForm(new TestClient(app), valid(1), [], { url: '/opd/dinkes/aduan' });
      assert.equal(byPath.res.statusCode, 303);
      const byHost = await fileForm(new TestClient(app, 'dinkes.pontianak.go.id'), valid(2));
      assert.equal(byHost.res.statusCode, 303);
      const events = await app.db
        .selectFrom('complaintEvents')
        .select('details')
        .where('action', '=', 'file')
        .execute();
      assert.equal(events.length, 2);
      for (const e of events)
        assert.equal((JSON.parse(e.details) as { suggestedAgencyId?: string }).suggestedAgencyId, dinkes.id);
      assert.equal((await new TestClient(app).get('/opd/tidak-ada/aduan')).statusCode, 404);
    });

    it('refuses a sixth file with a clear message, keeping the text', async (t) => {
      const { app } = await buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: 'off' });
      const photo = await photoJpeg({ width: 200, height: 150 });
      const files = Array.from({ length: 6 }, (_, i) => ({
        field: 'attachments',
        filename: `f${i}.jpg`,
        data: photo,
      }));
      const { res } = await fileForm(new TestClient(app), valid(), files);
      assert.equal(res.statusCode, 422);
      assert.match(fieldError(res.body, 'attachments') ?? '', /Paling banyak 5 berkas/);
      assert.equal(fieldValue(res.body, 'reporter_name'), 'Siti Aminah');
      assert.equal(await countComplaints(app), 0);
    });
  });
}
