import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIMENSIONS, ITEMS, type Item } from './assessment.instrument.js';
import {
  categoryOf,
  dimensionScore,
  inTimeScore,
  scoreAssessment,
  shareScore,
  zoneOf,
  type ItemScore,
} from './assessment.scoring.js';

const all = (score: number | null): Map<string, ItemScore> => new Map(ITEMS.map((i) => [i.key, { score }]));

describe('categoryOf and zoneOf', () => {
  const cases: [score: number, year: number, category: string | null, zone: string][] = [
    [100, 2026, 'A', 'hijau'],
    [88, 2026, 'A', 'hijau'],
    [87.99, 2026, 'B', 'hijau'],
    [78, 2026, 'B', 'hijau'],
    [77.99, 2026, 'C', 'kuning'],
    [54, 2022, 'C', 'kuning'],
    [53.99, 2022, 'D', 'merah'],
    [32, 2024, 'D', 'merah'],
    [31.99, 2024, 'E', 'merah'],
    [0, 2024, 'E', 'merah'],
    // Before 2022: three zones, no categories.
    [81, 2021, null, 'hijau'],
    [80.99, 2021, null, 'kuning'],
    [51, 2019, null, 'kuning'],
    [50.99, 2019, null, 'merah'],
  ];
  for (const [score, year, category, zone] of cases) {
    it(`puts ${score} in ${year} in ${category ?? 'no category'}, zona ${zone}`, () => {
      assert.equal(zoneOf(score, year), zone);
      if (category) assert.equal(categoryOf(score), category);
      const result = scoreAssessment(all(null), year);
      assert.equal(result.category === null, year < 2022);
    });
  }
});

describe('dimensionScore', () => {
  const items: Item[] = [
    { key: 'a', dimension: 'input', label: 'A', hint: '', weight: 1 },
    { key: 'b', dimension: 'input', label: 'B', hint: '', weight: 2 },
  ];
  const cases: [name: string, scores: [string, ItemScore][], expected: number | null][] = [
    [
      'all threes give 100',
      [
        ['a', { score: 3 }],
        ['b', { score: 3 }],
      ],
      100,
    ],
    [
      'weights count: 3 on a, 0 on b gives a third',
      [
        ['a', { score: 3 }],
        ['b', { score: 0 }],
      ],
      33.33,
    ],
    ['an unfilled item counts as 0', [['b', { score: 3 }]], 66.67],
    [
      'an excluded item leaves the denominator',
      [
        ['a', { score: 2 }],
        ['b', { score: null, excluded: true }],
      ],
      66.67,
    ],
    [
      'every item excluded gives no score',
      [
        ['a', { score: null, excluded: true }],
        ['b', { score: null, excluded: true }],
      ],
      null,
    ],
  ];
  for (const [name, scores, expected] of cases) {
    it(name, () => assert.equal(dimensionScore(items, new Map(scores)), expected));
  }
});

describe('scoreAssessment', () => {
  it('gives 100, A and hijau when every item scores 3', () => {
    const result = scoreAssessment(all(3), 2026);
    assert.deepEqual(result.dimensions, { input: 100, proses: 100, output: 100, pengaduan: 100 });
    assert.deepEqual([result.total, result.category, result.zone], [100, 'A', 'hijau']);
  });

  it('gives 0, E and merah when nothing is filled in', () => {
    const result = scoreAssessment(all(null), 2026);
    assert.deepEqual([result.total, result.category, result.zone], [0, 'E', 'merah']);
  });

  it('averages the dimensions, leaving out one without any counted item', () => {
    const scores = all(2);
    for (const item of ITEMS.filter((i) => i.dimension === 'output'))
      scores.set(item.key, { score: null, excluded: true });
    for (const item of ITEMS.filter((i) => i.dimension === 'input')) scores.set(item.key, { score: 3 });
    const result = scoreAssessment(scores, 2026);
    assert.equal(result.dimensions.output, null);
    // input 100, proses 66.67, pengaduan 66.67
    assert.equal(result.total, 77.78);
    assert.equal(result.category, 'C');
    assert.equal(result.zone, 'kuning');
  });

  it('covers all four dimensions with items', () => {
    for (const d of DIMENSIONS)
      assert.ok(
        ITEMS.some((i) => i.dimension === d),
        d,
      );
  });
});

describe('inTimeScore and shareScore', () => {
  const inTime: [number | null, number | null][] = [
    [null, null],
    [100, 3],
    [90, 3],
    [89.9, 2],
    [75, 2],
    [74.9, 1],
    [50, 1],
    [49.9, 0],
  ];
  for (const [percent, score] of inTime)
    it(`scores ${percent}% answered in time as ${score}`, () => assert.equal(inTimeScore(percent), score));

  const shares: [met: number, total: number, score: number][] = [
    [0, 0, 0],
    [0, 4, 0],
    [1, 4, 1],
    [2, 3, 2],
    [3, 4, 2],
    [4, 4, 3],
  ];
  for (const [met, total, score] of shares)
    it(`scores ${met} of ${total} services as ${score}`, () => assert.equal(shareScore(met, total), score));
});
