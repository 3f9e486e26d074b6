import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime } from './format.js';

describe('formatDate', () => {
  it('writes dates the Indonesian way in the installation zone', () => {
    assert.equal(formatDate('2021-05-19T03:00:00Z', 'Asia/Pontianak'), 'Rabu, 19 Mei 2021');
  });

  it('counts the day in Pontianak, not in UTC', () => {
    // 18:30 UTC on Tuesday is already 01:30 on Wednesday in WIB (UTC+7)
    assert.equal(formatDate('2021-05-18T18:30:00Z', 'Asia/Pontianak'), 'Rabu, 19 Mei 2021');
  });

  it('adds the time and zone for timestamps', () => {
    assert.equal(
      formatDateTime('2026-12-05T02:05:00Z', 'Asia/Pontianak'),
      'Sabtu, 5 Desember 2026 pukul 09.05 WIB',
    );
  });
});
