import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn } from '../test/client.js';
import { loadCalendar } from './calendar.repository.js';

const PATH = '/admin/opd/rsud-ssma/kalender-kerja';
const everyDay = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [`day_${d}`, 'ya']));

for (const dialect of dialects()) {
  describe(`an OPD's own working days (${dialect})`, () => {
    it('lets the super admin give RSUD a seven-day week through holidays, and take it back', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const rsud = await getAgencyBySlug(app.db, 'rsud-ssma');
      const admin = await signedIn(app, 'admin@pontianak.go.id');
      const page = await admin.get(PATH);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /mengikuti kalender kota/);
      assert.match(page.body, /name="day_5" value="ya" checked/);
      assert.doesNotMatch(page.body, /name="day_6" value="ya" checked/);

      const saved = await admin.post(PATH, {
        ...everyDay,
        opens: '00:00',
        closes: '24:00',
        ignores_holidays: 'ya',
      });
      assert.equal(saved.statusCode, 303);
      const own = await loadCalendar(app.db, rsud.id);
      assert.deepEqual(own.workingDays, [1, 2, 3, 4, 5, 6, 7]);
      assert.equal(own.holidays.size, 0);
      assert.equal(own.closes, '24:00');
      assert.deepEqual((await loadCalendar(app.db)).workingDays, [1, 2, 3, 4, 5], 'the city keeps its week');
      const again = await admin.get(PATH);
      assert.match(again.body, /memakai hari dan jam kerjanya sendiri/);
      assert.match(again.body, /name="day_7" value="ya" checked/);
      const audit = await app.db
        .selectFrom('auditEvents')
        .select('action')
        .where('subjectId', '=', rsud.id)
        .where('action', 'like', 'agency_calendar.%')
        .execute();
      assert.deepEqual(audit, [{ action: 'agency_calendar.saved' }]);

      assert.equal((await admin.post(`${PATH}/hapus`, {})).statusCode, 303);
      assert.deepEqual((await loadCalendar(app.db, rsud.id)).workingDays, [1, 2, 3, 4, 5]);
    });

    it('refuses a week without days or hours that close before they open, keeping what was typed', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin@pontianak.go.id');
      const noDays = await admin.post(PATH, { opens: '07:00', closes: '14:00' });
      assert.equal(noDays.statusCode, 422);
      assert.match(noDays.body, /Pilih paling sedikit satu hari kerja\./);
      assert.match(noDays.body, /name="closes"[^>]*value="14:00"/);
      const backwards = await admin.post(PATH, { ...everyDay, opens: '15:00', closes: '08:00' });
      assert.equal(backwards.statusCode, 422);
      assert.match(backwards.body, /Jam tutup harus setelah jam buka\./);
      const malformed = await admin.post(PATH, { ...everyDay, opens: '7 pagi', closes: '16:00' });
      assert.equal(malformed.statusCode, 422);
      assert.match(malformed.body, /Jam buka harus berformat JJ:MM, misalnya 07:30\./);
      assert.match(malformed.body, /value="7 pagi"/);
      const rows = await app.db.selectFrom('agencyCalendars').select('agencyId').execute();
      assert.deepEqual(rows, [], 'nothing saved');
    });

    it("is the super admin's alone: the OPD's own admin is refused, anyone else finds nothing", async (t) => {
      const { app } = await buildTestApp(t, dialect);
      for (const [email, status] of [
        ['admin1@rsud-ssma.pontianak.go.id', 403],
        ['aduan@pontianak.go.id', 404],
        ['admin1@dinkes.pontianak.go.id', 404],
      ] as const) {
        const other = await signedIn(app, email);
        assert.equal((await other.get(PATH)).statusCode, status, `${email} may not look`);
        const post = await other.post(PATH, { ...everyDay, opens: '00:00', closes: '24:00' });
        assert.equal(post.statusCode, status, `${email} may not save`);
      }
      assert.deepEqual(await app.db.selectFrom('agencyCalendars').select('agencyId').execute(), []);
      const admin = await signedIn(app, 'admin@pontianak.go.id');
      assert.equal((await admin.get('/admin/opd/tidak-ada/kalender-kerja')).statusCode, 404);
    });
  });
}
