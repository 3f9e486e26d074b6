import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { makeMember } from '../test/factories.js';
import { withRequestContext } from '../http/request-context.js';
import { recordAudit } from './audit.repository.js';

const SUPER = 'admin@pontianak.go.id';
const DINKES = 'admin1@dinkes.pontianak.go.id';
const BARAT = 'admin1@kec-pontianak-barat.pontianak.go.id';

/** The rows of the log's table, as text, newest first. */
const rowsOf = (html: string) =>
  [...html.matchAll(/<tr><td data-label="Waktu">([\s\S]*?)<\/tr>/g)].map((m) =>
    m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '),
  );

for (const dialect of dialects()) {
  describe(`GET /admin/audit (${dialect})`, () => {
    it('shows a sign-in and a publish with who, OPD, when, from where and the change', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const wrong = new TestClient(app);
      assert.equal((await wrong.signIn(DINKES, 'salah-sandi-123')).statusCode, 422);
      const admin = await signedIn(app, DINKES);
      await admin.get('/admin/opd/dinkes/kegiatan-baru');
      const res = await admin.postMultipart(
        '/admin/opd/dinkes/kegiatan-baru',
        { title: 'Posyandu Melati', text: 'Pemeriksaan balita.', alt: '', intent: 'publish' },
        [],
      );
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));

      const page = await admin.get('/admin/audit');
      assert.equal(page.statusCode, 200);
      const rows = rowsOf(page.body);
      const publish = rows.find((r) => r.includes('Berita diterbitkan'));
      assert.ok(publish, rows.join('\n'));
      assert.match(publish, /Admin 1 Dinkes/);
      assert.match(publish, /Dinas Kesehatan/);
      assert.match(publish, /127\.0\.0\.1/);
      assert.match(publish, /Status: Draf → Terbit/);
      assert.match(publish, /\w+, \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2}/, 'an Indonesian date and time');

      // Sign-ins are city-level events: the super admin sees them, with the failed attempt.
      const all = rowsOf((await (await signedIn(app, SUPER)).get('/admin/audit?siapa=admin1%40dinkes')).body);
      assert.ok(all.some((r) => r.includes('Masuk') && r.includes('127.0.0.1')));
      assert.ok(
        all.some((r) => r.includes('Gagal masuk') && r.includes('Percobaan gagal berturut-turut: 1')),
      );
    });

    it('shows an OPD admin only their own OPD, the super admin everything, and others nothing', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const dinkes = await getAgencyBySlug(app.db, 'dinkes');
      const barat = await getAgencyBySlug(app.db, 'kec-pontianak-barat');
      const event = (agencyId: string | null, subjectId: string) =>
        recordAudit(app.db, {
          actorId: null,
          agencyId,
          action: 'post.deleted',
          subjectType: 'post',
          subjectId,
        });
      await event(dinkes.id, 'post-of-dinkes');
      await event(barat.id, 'post-of-barat');
      await event(null, 'city-level');

      const dinkesAdmin = await signedIn(app, DINKES);
      assert.match(
        (await dinkesAdmin.get('/admin')).body,
        /href="\/admin\/audit"/,
        'linked from the admin home',
      );
      const own = (await dinkesAdmin.get('/admin/audit')).body;
      assert.match(own, /post-of-dinkes/);
      assert.doesNotMatch(own, /post-of-barat|city-level/);
      const otherOpd = (await (await signedIn(app, DINKES)).get('/admin/audit?opd=kec-pontianak-barat')).body;
      assert.doesNotMatch(otherOpd, /post-of-barat/, 'the OPD filter cannot widen the scope');
      const superAdmin = (await (await signedIn(app, SUPER)).get('/admin/audit')).body;
      for (const id of ['post-of-dinkes', 'post-of-barat', 'city-level'])
        assert.match(superAdmin, new RegExp(id));

      const editor = await makeMember(app, 'dinkes', 'editor');
      const client = await signedIn(app, editor.email, editor.password);
      assert.equal((await client.get('/admin/audit')).statusCode, 404);
      assert.equal((await client.get('/admin/audit.csv')).statusCode, 404);
      const home = await client.get('/admin');
      assert.doesNotMatch(home.body, /href="\/admin\/audit"/, 'not linked for someone who cannot read it');
      const anonymous = await new TestClient(app).get('/admin/audit');
      assert.equal(anonymous.statusCode, 303);
      assert.match(String(anonymous.headers.location), /^\/masuk/);
    });

    it('filters by who, action, OPD, local dates and subject, and pages newest first', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const barat = await getAgencyBySlug(app.db, 'kec-pontianak-barat');
      const member = await makeMember(app, 'kec-pontianak-barat', 'editor', { name: 'Rina Penulis' });
      const context = { ip: '198.51.100.9', userAgent: 'uji', requestId: 'r', actorId: () => member.user.id };
      await withRequestContext(context, async () => {
        for (let n = 0; n < 55; n++) {
          // A millisecond apart, so "newest first" has one answer (ties are broken by the random id).
          await new Promise((resolve) => setTimeout(resolve, 2));
          await recordAudit(app.db, {
            agencyId: barat.id,
            action: n % 2 ? 'post.updated' : 'post.created',
            subjectType: 'post',
            subjectId: `post-${String(n).padStart(2, '0')}`,
            details: { changed: ['title'] },
          });
        }
      });
      const admin = await signedIn(app, BARAT);
      const first = await admin.get('/admin/audit?siapa=rina');
      const firstRows = rowsOf(first.body);
      assert.equal(firstRows.length, 50);
      assert.match(firstRows[0]!, /post-54/, 'newest first');
      assert.match(firstRows[0]!, /Diubah: judul/);
      const next = /href="([^"]*sebelum=[^"]+)"/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
      assert.ok(next);
      const second = rowsOf((await admin.get(next)).body);
      assert.deepEqual(
        second.map((r) => /post-\d\d/.exec(r)?.[0]),
        ['post-04', 'post-03', 'post-02', 'post-01', 'post-00'],
      );

      const count = async (query: string) => rowsOf((await admin.get(`/admin/audit?${query}`)).body).length;
      assert.equal(await count('tindakan=post.updated&siapa=Penulis'), 27);
      assert.equal(await count('objek=post-07'), 1);
      assert.equal(await count('siapa=tidak-ada'), 0);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Pontianak' }).format(new Date());
      assert.equal(await count(`siapa=rina&dari=${today}&sampai=${today}`), 50);
      assert.equal(await count(`siapa=rina&sampai=2020-01-01`), 0);
      const bad = await admin.get('/admin/audit?dari=kemarin');
      assert.equal(bad.statusCode, 200);
      assert.match(bad.body, /Tanggal ditulis TTTT-BB-HH/);
    });

    it('exports the filtered log as CSV, without the page limit, past one read batch', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const dinkes = await getAgencyBySlug(app.db, 'dinkes');
      // More than the export reads at a time (1,000), each event once.
      for (let n = 0; n < 1050; n++)
        await recordAudit(app.db, {
          actorId: null,
          agencyId: dinkes.id,
          action: 'media.deleted',
          subjectType: 'media',
          subjectId: `m-${n}`,
          details: { name: '=HYPERLINK("x")' },
        });
      const admin = await signedIn(app, DINKES);
      const res = await admin.get('/admin/audit.csv?tindakan=media.deleted');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.match(String(res.headers['content-disposition']), /log-audit-\d{4}-\d{2}-\d{2}\.csv/);
      const lines = res.body.trim().split('\r\n');
      assert.equal(lines.length, 1051);
      const subjects = lines.slice(1).map((line) => /"m-(\d+)"/.exec(line)?.[1]);
      assert.equal(new Set(subjects).size, 1050, 'every event once');
      assert.match(lines[0]!, /"Waktu","Nama","Email","OPD","Tindakan"/);
      assert.match(lines[1]!, /"Sistem","","Dinas Kesehatan","Foto dihapus","media.deleted"/);
      assert.match(
        lines[1]!,
        /"Nama: =HYPERLINK\(""x""\)"/,
        'a summary starting with a label is not a formula',
      );
    });
  });
}
