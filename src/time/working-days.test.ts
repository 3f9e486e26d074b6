import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HOLIDAYS_2026, HOLIDAYS_2027 } from './holidays.seed.js';
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  startOfCount,
  workingDaysBetween,
  type Calendar,
} from './working-days.js';

const pontianak: Calendar = {
  timeZone: 'Asia/Pontianak',
  workingDays: [1, 2, 3, 4, 5],
  opens: '07:30',
  closes: '16:00',
  holidays: new Set([...HOLIDAYS_2026, ...HOLIDAYS_2027].map((h) => h.date)),
};

/** An RSUD or Damkar: every day, around the clock, through holidays. */
const allDay: Calendar = {
  ...pontianak,
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  opens: '00:00',
  closes: '24:00',
  holidays: new Set(),
};

/** A local WIB wall-clock time as the UTC instant stored. */
const wib = (local: string): string => new Date(`${local}:00+07:00`).toISOString();

describe('isWorkingDay', () => {
  const cases: [string, Calendar, string, boolean][] = [
    ['a Wednesday', pontianak, '2026-03-25', true],
    ['a Saturday', pontianak, '2026-03-28', false],
    ['a national holiday (Nyepi)', pontianak, '2026-03-19', false],
    ['a cuti bersama day (Friday 20 March 2026)', pontianak, '2026-03-20', false],
    ['a fixed 2027 holiday (Proklamasi)', pontianak, '2027-08-17', false],
    ['a Saturday for a 24/7 unit', allDay, '2026-03-28', true],
    ['Idul Fitri for a 24/7 unit', allDay, '2026-03-21', true],
  ];
  for (const [what, calendar, date, expected] of cases) {
    it(`says ${expected ? 'yes' : 'no'} to ${what}`, () => {
      assert.equal(isWorkingDay(calendar, date), expected);
    });
  }

  it('refuses a date that does not exist', () => {
    assert.throws(() => isWorkingDay(pontianak, '2026-02-30'), RangeError);
  });

  it('finds the next working day past the Idul Fitri week', () => {
    assert.equal(nextWorkingDay(pontianak, '2026-03-17'), '2026-03-25');
  });
});

describe('startOfCount', () => {
  const cases: [string, string, string][] = [
    ['starts at once during office hours', wib('2026-11-30T10:00'), wib('2026-11-30T10:00')],
    ['waits for opening before office hours', wib('2026-11-30T06:00'), wib('2026-11-30T07:30')],
    ['starts at once at opening time', wib('2026-11-30T07:30'), wib('2026-11-30T07:30')],
    ['moves to the next working day at closing time', wib('2026-11-30T16:00'), wib('2026-12-01T07:30')],
    ['moves a Friday evening to Monday morning', wib('2026-12-04T17:00'), wib('2026-12-07T07:30')],
    ['moves a Saturday to Monday morning', wib('2026-12-05T09:05'), wib('2026-12-07T07:30')],
    ['moves Idul Fitri eve to the first working day after', wib('2026-03-17T20:00'), wib('2026-03-25T07:30')],
    // 18:30 UTC on Sunday is already 01:30 on Monday in WIB
    ['reads the day in WIB, not UTC', '2026-11-29T18:30:00.000Z', wib('2026-11-30T07:30')],
  ];
  for (const [what, received, expected] of cases) {
    it(what, () => assert.equal(startOfCount(pontianak, received), expected));
  }
});

describe('addWorkingDays', () => {
  const cases: [string, Calendar, string, number, string][] = [
    ['Monday 10:00, 3 days → Thursday 16:00', pontianak, '2026-11-30T10:00', 3, '2026-12-03T16:00'],
    ['Monday 10:00, 0 days → Monday 16:00', pontianak, '2026-11-30T10:00', 0, '2026-11-30T16:00'],
    ['Monday before opening counts from Monday', pontianak, '2026-11-30T06:00', 3, '2026-12-03T16:00'],
    ['Monday at closing counts from Tuesday', pontianak, '2026-11-30T16:00', 3, '2026-12-04T16:00'],
    ['Friday 10:00 crosses the weekend', pontianak, '2026-12-04T10:00', 3, '2026-12-09T16:00'],
    ['Friday 17:00 counts from Monday', pontianak, '2026-12-04T17:00', 3, '2026-12-10T16:00'],
    ['Saturday counts from Monday', pontianak, '2026-12-05T09:05', 3, '2026-12-10T16:00'],
    ['Friday 17:00, 5 days → Monday a week later', pontianak, '2026-12-04T17:00', 5, '2026-12-14T16:00'],
    // 18 cuti, 19 Nyepi, 20 cuti, 21–22 Idul Fitri (a weekend), 23–24 cuti: 25, 26, 27
    ['Tuesday 17 March 2026 crosses Idul Fitri', pontianak, '2026-03-17T10:00', 3, '2026-03-27T16:00'],
    ['a Nyepi receipt counts from 25 March', pontianak, '2026-03-19T09:00', 1, '2026-03-26T16:00'],
    // 14 Kenaikan, 15 cuti bersama
    ['Monday 11 May 2026, 5 days past Kenaikan', pontianak, '2026-05-11T10:00', 5, '2026-05-20T16:00'],
    // 24 cuti bersama, 25 Natal, then the weekend
    ['Wednesday 23 December 2026 past Christmas', pontianak, '2026-12-23T10:00', 3, '2026-12-30T16:00'],
    // 1 January 2027 is a Friday and a holiday
    ['New Year’s Eve 2026 into 2027', pontianak, '2026-12-31T10:00', 3, '2027-01-06T16:00'],
    ['10 days to auto-close after an answer', pontianak, '2026-12-01T11:00', 10, '2026-12-15T16:00'],
    // 24/7: Saturday is day 0, Sunday 1, Monday 2, Tuesday 3, closing at midnight
    ['a 24/7 unit counts Idul Fitri and weekends', allDay, '2026-03-21T23:30', 3, '2026-03-25T00:00'],
    ['a 24/7 unit, 0 days → midnight that day', allDay, '2026-03-22T02:00', 0, '2026-03-23T00:00'],
  ];
  for (const [what, calendar, received, n, due] of cases) {
    it(what, () => assert.equal(addWorkingDays(calendar, wib(received), n), wib(due)));
  }

  it('follows a zone that changes its clocks (the counting is not tied to WIB)', () => {
    const amsterdam: Calendar = { ...pontianak, timeZone: 'Europe/Amsterdam', holidays: new Set() };
    // Friday 27 March 2026 10:00 CET; summer time starts on Sunday 29 March
    assert.equal(addWorkingDays(amsterdam, '2026-03-27T09:00:00.000Z', 1), '2026-03-30T14:00:00.000Z');
    assert.equal(startOfCount(amsterdam, '2026-03-27T16:00:00.000Z'), '2026-03-30T05:30:00.000Z');
  });

  it('refuses a negative or fractional count', () => {
    assert.throws(() => addWorkingDays(pontianak, wib('2026-11-30T10:00'), -1), RangeError);
    assert.throws(() => addWorkingDays(pontianak, wib('2026-11-30T10:00'), 1.5), RangeError);
  });

  it('refuses a calendar without working days instead of looking forever', () => {
    assert.throws(
      () => addWorkingDays({ ...pontianak, workingDays: [] }, wib('2026-11-30T10:00'), 1),
      RangeError,
    );
  });

  it('refuses office hours that close before they open', () => {
    assert.throws(
      () => addWorkingDays({ ...pontianak, opens: '16:00', closes: '07:30' }, wib('2026-11-30T10:00'), 1),
      RangeError,
    );
  });
});

describe('workingDaysBetween', () => {
  const cases: [string, Calendar, string, string, number][] = [
    ['an answer the same day is 0', pontianak, '2026-11-30T10:00', '2026-11-30T15:00', 0],
    ['an answer the next morning is 1', pontianak, '2026-11-30T10:00', '2026-12-01T08:00', 1],
    ['an answer at the deadline is 3', pontianak, '2026-11-30T10:00', '2026-12-03T16:00', 3],
    ['an answer a minute late is 4', pontianak, '2026-11-30T10:00', '2026-12-03T16:01', 4],
    ['an answer after closing counts for the next day', pontianak, '2026-11-30T10:00', '2026-12-01T20:00', 2],
    ['Friday evening to Monday morning is 0', pontianak, '2026-12-04T17:00', '2026-12-07T09:00', 0],
    ['Friday morning to Monday morning is 1', pontianak, '2026-12-04T10:00', '2026-12-07T09:00', 1],
    ['a weekend answer counts for Monday', pontianak, '2026-12-03T10:00', '2026-12-05T10:00', 2],
    ['across Idul Fitri 2026, a week is 1', pontianak, '2026-03-17T10:00', '2026-03-25T10:00', 1],
    ['an answer before receipt is 0', pontianak, '2026-11-30T10:00', '2026-11-27T10:00', 0],
    ['a 24/7 unit counts calendar days', allDay, '2026-03-20T22:00', '2026-03-23T01:00', 3],
  ];
  for (const [what, calendar, from, to, expected] of cases) {
    it(what, () => assert.equal(workingDaysBetween(calendar, wib(from), wib(to)), expected));
  }

  it('agrees with addWorkingDays: within n days exactly when at or before the n-day deadline', () => {
    // Every receipt and answer on the hour (and at 07:30 and 16:00) from 13 March to 3 April 2026.
    const instants: string[] = [];
    for (let day = 13; day <= 34; day++) {
      const date = day <= 31 ? `2026-03-${String(day).padStart(2, '0')}` : `2026-04-0${day - 31}`;
      for (let hour = 0; hour < 24; hour++) instants.push(wib(`${date}T${String(hour).padStart(2, '0')}:00`));
      instants.push(wib(`${date}T07:30`), wib(`${date}T16:00`));
    }
    for (const calendar of [pontianak, allDay]) {
      for (const from of instants.filter((_, i) => i % 11 === 0)) {
        for (const to of instants.filter((x) => x >= from)) {
          const between = workingDaysBetween(calendar, from, to);
          for (const n of [between - 1, between]) {
            if (n < 0) continue;
            const due = addWorkingDays(calendar, from, n);
            assert.equal(to <= due, n >= between, `${from} → ${to}, n=${n}, due ${due}`);
          }
        }
      }
    }
  });
});
