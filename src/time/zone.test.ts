import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { monthRange, todayIn, zoneOffsetMinutes } from './zone.js';
import { formatMonth } from './format.js';

describe('time zones', () => {
  it('knows Pontianak is seven hours ahead of UTC', () => {
    assert.equal(zoneOffsetMinutes(new Date('2026-11-28T00:00:00Z'), 'Asia/Pontianak'), 420);
  });

  it('gives the right offset minute by minute across a change of offset, asked in any order', () => {
    // Intl's own "GMT+05:45" naming of the offset, read independently of zone.ts.
    const named = (at: Date, timeZone: string) => {
      const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')!.value;
      const m = /GMT(?:([+-])(\d\d):(\d\d))?/.exec(name)!;
      return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    };
    const changes: [string, string][] = [
      ['Europe/Berlin', '2026-03-29T01:00:00Z'], // +60 → +120
      ['Europe/Berlin', '2026-10-25T01:00:00Z'], // +120 → +60
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'], // +660 → +630: a half-hour change
      ['Asia/Kathmandu', '1985-12-31T18:30:00Z'], // +330 → +345 in the middle of a UTC hour
    ];
    for (const [zone, at] of changes) {
      const minutes = Array.from({ length: 241 }, (_, i) => Date.parse(at) + (i - 120) * 60_000);
      // Backwards first, so an hour is first asked about at its end, then forwards.
      for (const time of [...minutes.reverse(), ...minutes.reverse()]) {
        const instant = new Date(time + 17_000);
        assert.equal(
          zoneOffsetMinutes(instant, zone),
          named(instant, zone),
          `${zone} ${instant.toISOString()}`,
        );
      }
    }
  });

  it('turns a month in Pontianak into UTC bounds', () => {
    assert.deepEqual(monthRange('2026-12', 'Asia/Pontianak'), {
      from: '2026-11-30T17:00:00.000Z',
      to: '2026-12-31T17:00:00.000Z',
    });
    assert.equal(monthRange('2026-13', 'Asia/Pontianak'), undefined);
    assert.equal(monthRange('x', 'Asia/Pontianak'), undefined);
  });

  it("gives today's date in the zone, which may differ from UTC's", () => {
    assert.equal(todayIn('Asia/Pontianak', new Date('2026-11-28T18:30:00Z')), '2026-11-29');
    assert.equal(formatMonth('2026-11', 'Asia/Pontianak'), 'November 2026');
  });
});
