import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { withDemoActivity } from './monitoring.fixtures.js';
import { signedIn } from '../test/client.js';
import { makeMember } from '../test/factories.js';
import { DEFAULT_RULES } from './rules.js';

const SUPER = 'admin@pontianak.go.id';
const PERPUS_ADMIN = 'admin1@disperpusip.pontianak.go.id';

/** The row of one OPD in the dashboard's table: from its link to the end of the row. */
function rowOf(body: string, slug: string): string {
  const start = body.indexOf(`href="/admin/monitoring/${slug}"`);
  assert.ok(start >= 0, `${slug} is listed`);
  return body.slice(start, body.indexOf('</tr>', start));
}

const rulesForm = (overrides: Record<string, string> = {}) => ({
  ...Object.fromEntries(Object.entries(DEFAULT_RULES).map(([k, v]) => [k, String(v)])),
  ...overrides,
});

for (const dialect of dialects()) {
  describe(`monitoring dashboard (${dialect})`, () => {
    // One app for the whole walk through the pages: booting one per case would double the suite's time.
    it('serves the dashboard, its filters, scoping, drill-down, CSV and rules', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await withDemoActivity(app);
      const superAdmin = await signedIn(app, SUPER);

      await t.test(
        'shows the super admin every OPD, disperpusip in merah for one admin and stale news',
        async () => {
          const page = await superAdmin.get('/admin/monitoring');
          assert.equal(page.statusCode, 200);
          const perpus = rowOf(page.body, 'disperpusip');
          assert.match(perpus, /zone--merah/);
          assert.match(perpus, /Admin aktif hanya 1 orang \(paling sedikit 2\)/);
          assert.match(perpus, /Berita terakhir 45 hari yang lalu/);
          assert.match(
            rowOf(page.body, 'disdukcapil'),
            /zone--hijau/,
            'fresh, two admins, standards complete',
          );
          assert.match(rowOf(page.body, 'dishub'), /zone--kuning/, 'fresh and two admins, but no standard');
        },
      );

      await t.test('filters by zone and sorts by name through the query string', async () => {
        const red = await superAdmin.get('/admin/monitoring?zona=merah&urut=nama');
        assert.equal(red.statusCode, 200);
        assert.ok(red.body.includes('/admin/monitoring/disperpusip'));
        assert.ok(!red.body.includes('/admin/monitoring/dishub"'), 'a kuning OPD is filtered out');
        const odd = await superAdmin.get('/admin/monitoring?zona=ungu&urut=%00');
        assert.equal(odd.statusCode, 200, 'unknown filters are dropped');
      });

      await t.test("shows an OPD admin only their OPD, and another OPD's drill-down is a 404", async () => {
        const perpus = await signedIn(app, PERPUS_ADMIN);
        const page = await perpus.get('/admin/monitoring');
        assert.equal(page.statusCode, 200);
        assert.ok(page.body.includes('/admin/monitoring/disperpusip'));
        assert.ok(!page.body.includes('/admin/monitoring/dishub'));
        assert.equal((await perpus.get('/admin/monitoring/disperpusip')).statusCode, 200);
        assert.equal((await perpus.get('/admin/monitoring/dishub')).statusCode, 404);
        assert.equal((await perpus.get('/admin/monitoring/tidak-ada')).statusCode, 404);
        const csv = await perpus.get('/admin/monitoring.csv');
        assert.equal(csv.statusCode, 200);
        assert.equal(csv.body.trim().split('\r\n').length, 2, 'header and their one OPD');
        assert.equal((await perpus.get('/admin/monitoring/aturan')).statusCode, 403);
      });

      await t.test(
        "puts the OPDs in red on the super admin's home, and an OPD's problems on its admin's",
        async () => {
          const home = await superAdmin.get('/admin');
          assert.match(home.body, /1 OPD di zona merah/);
          assert.match(home.body, /href="\/admin\/monitoring\/disperpusip">Dinas Perpustakaan/);
          const perpus = await signedIn(app, PERPUS_ADMIN);
          const own = await perpus.get('/admin');
          assert.match(own.body, /Admin aktif hanya 1 orang/);
          assert.match(own.body, /href="\/admin\/monitoring"/);
          const editor = await makeMember(app, 'dlh', 'editor');
          const other = await signedIn(app, editor.email, editor.password);
          assert.doesNotMatch(
            (await other.get('/admin')).body,
            /judul-pemantauan/,
            'no card for a non-admin',
          );
        },
      );

      await t.test('gives someone who administers no OPD a 404', async () => {
        const editor = await makeMember(app, 'dishub', 'editor');
        const client = await signedIn(app, editor.email, editor.password);
        assert.equal((await client.get('/admin/monitoring')).statusCode, 404);
      });

      await t.test('draws the drill-down with accessible SVG charts and a data table', async () => {
        const page = await superAdmin.get('/admin/monitoring/dishub');
        assert.equal(page.statusCode, 200);
        assert.match(
          page.body,
          /<svg[^>]+role="img"[^>]+aria-labelledby="grafik-berita-title grafik-berita-desc"/,
        );
        assert.match(page.body, /<title id="grafik-berita-title">Berita terbit per bulan<\/title>/);
        assert.match(page.body, /<caption>Angka grafik per bulan<\/caption>/);
        assert.equal((page.body.match(/<th scope="row">/g) ?? []).length, 12, 'twelve months in the table');
      });

      await t.test('exports every OPD as CSV with a header', async () => {
        const csv = await superAdmin.get('/admin/monitoring.csv?zona=merah');
        assert.equal(csv.statusCode, 200);
        assert.match(String(csv.headers['content-type']), /text\/csv/);
        assert.match(String(csv.headers['content-disposition']), /pemantauan-opd-\d{4}-\d{2}-\d{2}\.csv/);
        const lines = csv.body
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n');
        assert.match(lines[0]!, /^"OPD","Jenis","Skor","Zona"/);
        assert.ok(lines.some((l) => l.includes('Dinas Perpustakaan') && l.includes('"Merah"')));
      });

      await t.test(
        're-renders the rules form with 422 and what was typed, and saved rules change the zones',
        async () => {
          const form = await superAdmin.get('/admin/monitoring/aturan');
          assert.equal(form.statusCode, 200);
          assert.match(form.body, /name="maxDaysWithoutPost"[^>]*value="7"/);
          const bad = await superAdmin.post(
            '/admin/monitoring/aturan',
            rulesForm({ maxDaysWithoutPost: 'tujuh', yellowFrom: '90' }),
          );
          assert.equal(bad.statusCode, 422);
          assert.match(bad.body, /Ada masalah/);
          assert.match(bad.body, /Berita paling lama harus berupa bilangan bulat antara 1 dan 90/);
          assert.match(bad.body, /Zona kuning harus mulai pada skor di bawah zona hijau/);
          assert.match(bad.body, /value="tujuh"/);

          // With news allowed to be 90 days old and one admin enough, disperpusip leaves the red zone.
          const saved = await superAdmin.post(
            '/admin/monitoring/aturan',
            rulesForm({ maxDaysWithoutPost: '90', minActiveAdmins: '1' }),
          );
          assert.equal(saved.statusCode, 303);
          const page = await superAdmin.get('/admin/monitoring');
          assert.doesNotMatch(rowOf(page.body, 'disperpusip'), /zone--merah/);
          await superAdmin.post('/admin/monitoring/aturan', rulesForm());
        },
      );
    });
  });
}
