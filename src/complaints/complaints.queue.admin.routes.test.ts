import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn } from '../test/client.js';
import { makeComplaint, makeMember } from '../test/factories.js';
import { seedComplaints } from '../seed/volume-complaints.js';

const COORDINATOR = 'aduan@pontianak.go.id';

for (const dialect of dialects()) {
  describe(`complaint queues in the admin area (${dialect})`, () => {
    it("shows a new complaint in the coordinator's \"Baru\", and after assignment in the lead's and the co-assignee's queues only", async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const pupr = await makeMember(app, 'pupr', 'complaint_officer');
      const dishub = await makeMember(app, 'dishub', 'admin', { email: 'petugas.dishub@example.go.id' });
      const dlh = await makeMember(app, 'dlh', 'complaint_officer');
      const { complaint } = await makeComplaint(app);
      const code = complaint.trackingCode;

      const coord = await signedIn(app, COORDINATOR);
      const fresh = await coord.get('/admin/aduan?tab=baru');
      assert.equal(fresh.statusCode, 200);
      assert.ok(fresh.body.includes(code), 'the new complaint is in "Baru"');
      assert.match(fresh.body, /Baru<span class="complaint-tabs__count"> \(1\)/);

      const detail = await coord.get(`/admin/aduan/${code}`);
      assert.equal(detail.statusCode, 200);
      const assigned = await coord.post(`/admin/aduan/${code}/tindakan`, {
        action: 'assign',
        agency: 'pupr',
        co_agencies: 'dishub',
        message: 'Diteruskan ke Dinas PUPR.',
        internal_note: 'Prioritas: dekat sekolah.',
      });
      assert.equal(assigned.statusCode, 303, assigned.body.slice(0, 500));
      assert.equal(assigned.headers.location, `/admin/aduan/${code}`);
      assert.ok(!(await coord.get('/admin/aduan?tab=baru')).body.includes(code), 'no longer new');

      const lead = await signedIn(app, pupr.email, pupr.password);
      assert.ok((await lead.get('/admin/aduan')).body.includes(code), "in PUPR's queue");
      const co = await signedIn(app, dishub.email, dishub.password);
      assert.ok((await co.get('/admin/aduan')).body.includes(code), "in the co-assignee's queue");
      const other = await signedIn(app, dlh.email, dlh.password);
      const dlhQueue = await other.get('/admin/aduan');
      assert.equal(dlhQueue.statusCode, 200);
      assert.ok(!dlhQueue.body.includes(code), "not in DLH's queue");
      assert.equal((await other.get(`/admin/aduan/${code}`)).statusCode, 404, 'another OPD gets 404');
      const forged = await other.post(`/admin/aduan/${code}/tindakan`, {
        action: 'note',
        internal_note: 'x',
      });
      assert.equal(forged.statusCode, 404);

      const page = await lead.get(`/admin/aduan/${code}`);
      assert.equal(page.statusCode, 200);
      assert.match(
        page.body,
        /Catatan internal <\/strong>\(tidak terlihat oleh pelapor\): Prioritas: dekat sekolah\./,
      );
      const noted = await co.post(`/admin/aduan/${code}/tindakan`, {
        action: 'note',
        internal_note: 'Rambu ikut dipasang.',
      });
      assert.equal(noted.statusCode, 303, 'a co-assignee may add an internal note');
      const withNote = await lead.get(`/admin/aduan/${code}`);
      assert.match(withNote.body, /complaint-step--internal[\s\S]*Internal<span class="visually-hidden">/);
      assert.match(withNote.body, /Rambu ikut dipasang\./);
    });

    it('filters by text and category, and pages with a next link', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const a = await makeComplaint(app, {
        title: 'Sampah menumpuk di Jalan Merdeka',
        category: 'sampah-lingkungan',
      });
      const b = await makeComplaint(app);
      const coord = await signedIn(app, COORDINATOR);
      const byText = await coord.get('/admin/aduan?q=menumpuk');
      assert.ok(byText.body.includes(a.complaint.trackingCode));
      assert.ok(!byText.body.includes(b.complaint.trackingCode));
      const byCode = await coord.get(`/admin/aduan?q=${b.complaint.trackingCode}`);
      assert.ok(byCode.body.includes(b.complaint.trackingCode));
      assert.ok(!byCode.body.includes(a.complaint.trackingCode));
      const byCategory = await coord.get('/admin/aduan?kategori=jalan-jembatan');
      assert.ok(byCategory.body.includes(b.complaint.trackingCode));
      assert.ok(!byCategory.body.includes(a.complaint.trackingCode));
      const hostile = await coord.get(
        `/admin/aduan?q=${encodeURIComponent("<script>'\u0000")}&opd=x&status=zzz`,
      );
      assert.equal(hostile.statusCode, 200);
      assert.ok(!hostile.body.includes('<script>'));
      for (let i = 0; i < 50; i++) await makeComplaint(app);
      const first = await coord.get('/admin/aduan');
      assert.match(first.body, /rel="next"/);
      const second = await coord.get('/admin/aduan?halaman=2');
      assert.equal(second.statusCode, 200);
      assert.match(second.body, /rel="prev"/);
    });

    it('exports the filtered list as CSV with a BOM, quoted cells, formulas neutralised and no reporter data', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await makeComplaint(app, { title: '=HYPERLINK("http://jahat.example","klik")' });
      await makeComplaint(app, { title: 'Lampu padam, "gelap" sekali', anonymous: true });
      const coord = await signedIn(app, COORDINATOR);
      const res = await coord.get('/admin/aduan.csv?tab=baru');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
      assert.match(String(res.headers['content-disposition']), /attachment; filename="aduan-/);
      const body = res.rawPayload.toString('utf8');
      assert.ok(res.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'a UTF-8 BOM');
      const lines = body.slice(1).trim().split('\r\n');
      assert.equal(lines.length, 3, 'a header and two rows');
      assert.ok(lines[0]!.startsWith('"Nomor tiket","Judul"'));
      assert.ok(body.includes(`"'=HYPERLINK(""http://jahat.example"",""klik"")"`), 'formula neutralised');
      assert.ok(body.includes('"Lampu padam, ""gelap"" sekali"'), 'quotes doubled, commas kept in a cell');
      for (const personal of ['Siti', 'siti@example.com', '081234567890'])
        assert.ok(!body.includes(personal), `no ${personal}`);
    });

    it('exports more rows than one page of reading holds, each complaint once', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const [agencies, categories] = await Promise.all([
        app.db.selectFrom('agencies').select('id').execute(),
        app.db.selectFrom('complaintCategories').select('id').execute(),
      ]);
      await seedComplaints({
        db: app.db,
        agencyIds: agencies.map((a) => a.id),
        categoryIds: categories.map((c) => c.id),
        codePrefix: 'PNK',
        total: 2_500, // the export reads 1,000 rows at a time
        progress: () => {},
      });
      const stored = await app.db.selectFrom('complaints').select('trackingCode').execute();
      const coord = await signedIn(app, COORDINATOR);
      const res = await coord.get('/admin/aduan.csv?tab=semua');
      assert.equal(res.statusCode, 200);
      const lines = res.rawPayload.toString('utf8').slice(1).trim().split('\r\n');
      assert.ok(lines[0]!.startsWith('"Nomor tiket"'), 'one header, first');
      const codes = lines.slice(1).map((line) => line.slice(1, line.indexOf('"', 1)));
      assert.equal(codes.length, stored.length);
      assert.equal(new Set(codes).size, codes.length, 'no complaint twice');
      assert.deepEqual(new Set(codes), new Set(stored.map((c) => c.trackingCode)));
    });

    it('answers 404 to authors and editors of an OPD, who do not handle complaints', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { complaint } = await makeComplaint(app);
      for (const role of ['author', 'editor'] as const) {
        const member = await makeMember(app, 'pupr', role);
        const client = await signedIn(app, member.email, member.password);
        for (const url of [
          '/admin/aduan',
          '/admin/aduan.csv',
          `/admin/aduan/${complaint.trackingCode}`,
          '/admin/aduan/baru',
          '/admin/aduan/kategori',
        ])
          assert.equal((await client.get(url)).statusCode, 404, `${role} ${url}`);
        const home = await client.get('/admin');
        assert.ok(!home.body.includes('href="/admin/aduan"'), `no Aduan link for the ${role}`);
      }
      const officer = await makeMember(app, 'pupr', 'complaint_officer');
      const client = await signedIn(app, officer.email, officer.password);
      assert.ok(
        (await client.get('/admin')).body.includes('href="/admin/aduan"'),
        'the officer sees the link',
      );
      assert.equal((await client.get('/admin/aduan/baru')).statusCode, 403, 'an OPD does not record entries');
      assert.equal((await client.get('/admin/aduan/kategori')).statusCode, 403);
    });
  });
}
