import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { loadCalendar, saveAgencyCalendar } from './calendar.repository.js';
import { HOLIDAYS_2026, seedHolidays } from './holidays.seed.js';
import { addWorkingDays, workingDaysBetween } from './working-days.js';

/** PRODUCT.md's list for 2026: national holidays, then cuti bersama. */
const NATIONAL_2026 = [
  '01-01', '01-16', '02-17', '03-19', '03-21', '03-22', '04-03', '04-05', '05-01', '05-14', '05-27',
  '05-31', '06-01', '06-16', '08-17', '08-25', '12-25',
].map((d) => `2026-${d}`); // prettier-ignore
const CUTI_2026 = ['02-16', '03-18', '03-20', '03-23', '03-24', '05-15', '05-28', '12-24'].map(
  (d) => `2026-${d}`,
);
const FIXED_2027 = ['01-01', '05-01', '06-01', '08-17', '12-25'].map((d) => `2027-${d}`);

const wib = (local: string): string => new Date(`${local}:00+07:00`).toISOString();

for (const dialect of dialects()) {
  describe(`holiday seed (${dialect})`, () => {
    for (const seed of ['demo', 'none']) {
      it(`gives the ${seed === 'demo' ? 'demo city' : 'bare installation'} every 2026 date and 2027's fixed ones`, async (t) => {
        const { app } = await buildTestApp(t, dialect, { BALAIRUNG_SEED: seed });
        const rows = await app.db.selectFrom('holidays').selectAll().orderBy('date').execute();
        const of = (kind: string, year: string) =>
          rows.filter((r) => r.kind === kind && r.date.startsWith(year)).map((r) => r.date);
        assert.deepEqual(of('libur_nasional', '2026'), NATIONAL_2026);
        assert.deepEqual(of('cuti_bersama', '2026'), CUTI_2026);
        assert.deepEqual(of('libur_nasional', '2027'), FIXED_2027);
        assert.deepEqual(of('cuti_bersama', '2027'), [], 'no 2027 cuti bersama before the decree');
        assert.ok(rows.every((r) => r.name.trim().length > 0));
      });
    }

    it('runs again without error or duplicates, and keeps what an admin renamed', async (t) => {
      const { app } = await buildTestApp(t, dialect, { BALAIRUNG_SEED: 'none' });
      await app.db.updateTable('holidays').set({ name: 'Nyepi' }).where('date', '=', '2026-03-19').execute();
      await seedHolidays(app.db);
      const count = await app.db
        .selectFrom('holidays')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(count.n, HOLIDAYS_2026.length + FIXED_2027.length);
      const nyepi = await app.db
        .selectFrom('holidays')
        .select('name')
        .where('date', '=', '2026-03-19')
        .executeTakeFirstOrThrow();
      assert.equal(nyepi.name, 'Nyepi');
    });
  });

  describe(`loadCalendar (${dialect})`, () => {
    it('counts a complaint of 17 March 2026 past Idul Fitri from the seeded table', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const calendar = await loadCalendar(app.db);
      assert.equal(calendar.timeZone, 'Asia/Pontianak');
      assert.deepEqual([calendar.opens, calendar.closes], ['07:30', '16:00']);
      assert.equal(addWorkingDays(calendar, wib('2026-03-17T10:00'), 3), wib('2026-03-27T16:00'));
    });

    it("takes office hours from the installation's settings", async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await app.db
        .updateTable('installation')
        .set({
          settings: JSON.stringify({ twoFactorRequiredFor: [], officeOpens: '08:00', officeCloses: '15:30' }),
        })
        .execute();
      const calendar = await loadCalendar(app.db);
      assert.equal(addWorkingDays(calendar, wib('2026-11-30T15:45'), 3), wib('2026-12-04T15:30'));
    });

    it('gives a 24/7 agency all seven days, round the clock, through holidays', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { id: agencyId } = await app.db
        .selectFrom('agencies')
        .select('id')
        .where('slug', '=', 'rsud-ssma')
        .executeTakeFirstOrThrow();
      await saveAgencyCalendar(app.db, agencyId, {
        workingDays: [7, 1, 2, 3, 4, 5, 6],
        opens: '00:00',
        closes: '24:00',
        ignoresHolidays: true,
      });
      const since = async () =>
        (
          await app.db
            .selectFrom('agencyCalendars')
            .select('ignoresHolidaysAt')
            .where('agencyId', '=', agencyId)
            .executeTakeFirstOrThrow()
        ).ignoresHolidaysAt;
      const first = await since();
      await new Promise((resolve) => setTimeout(resolve, 5));
      await saveAgencyCalendar(app.db, agencyId, {
        workingDays: [1, 2, 3, 4, 5, 6, 7],
        opens: '00:00',
        closes: '24:00',
        ignoresHolidays: true,
      });
      assert.equal(await since(), first, 'saving again keeps the day it began ignoring holidays');
      const own = await loadCalendar(app.db, agencyId);
      assert.deepEqual(own.workingDays, [1, 2, 3, 4, 5, 6, 7]);
      assert.equal(own.holidays.size, 0);
      assert.equal(addWorkingDays(own, wib('2026-03-21T23:30'), 3), wib('2026-03-25T00:00'));
      assert.equal(workingDaysBetween(own, wib('2026-03-20T22:00'), wib('2026-03-23T01:00')), 3);

      const other = await app.db
        .selectFrom('agencies')
        .select('id')
        .where('id', '!=', agencyId)
        .executeTakeFirstOrThrow();
      const office = await loadCalendar(app.db, other.id);
      assert.deepEqual(office.workingDays, [1, 2, 3, 4, 5], 'other agencies keep the office week');
      assert.ok(office.holidays.has('2026-03-20'));

      await saveAgencyCalendar(app.db, agencyId, {
        workingDays: [1, 2, 3, 4, 5, 6],
        opens: '07:00',
        closes: '14:00',
        ignoresHolidays: false,
      });
      const changed = await loadCalendar(app.db, agencyId);
      assert.deepEqual(changed.workingDays, [1, 2, 3, 4, 5, 6]);
      assert.ok(changed.holidays.has('2026-03-20'), 'saving again replaces the row');
      await assert.rejects(
        saveAgencyCalendar(app.db, agencyId, {
          workingDays: [],
          opens: '07:00',
          closes: '14:00',
          ignoresHolidays: false,
        }),
        RangeError,
      );
    });

    it('reads only the years asked for', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const calendar = await loadCalendar(app.db, undefined, { years: { from: 2027, to: 2027 } });
      assert.deepEqual([...calendar.holidays].sort(), FIXED_2027);
    });
  });
}
