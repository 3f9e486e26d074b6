import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { monthRange, todayIn, zoneOffsetMinutes } from './zone.js';
import { formatMonth } from './format.js';

describe('time zones', () => {
  it('knows Pontianak is seven hours ahead of UTC', () => {
    assert.equal(zoneOffsetMinutes(new Date('2026-11-28T00:00:00Z'), 'Asia/Pontianak'), 420);
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
