import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RULES, parseRules } from './rules.js';
import { scoreAgency, type ScoreInput, type Zone } from './score.js';

/** An OPD that meets every default rule. */
const healthy: ScoreInput = {
  daysSincePost: 2,
  activeAdmins: 2,
  servicesTotal: 4,
  servicesComplete: 4,
  pledgePublished: true,
  inTimePercent: 95,
  overdue: 0,
};

const cases: { name: string; input: Partial<ScoreInput>; score: number; zone: Zone; problems: RegExp[] }[] = [
  { name: 'meets every rule', input: {}, score: 100, zone: 'hijau', problems: [] },
  {
    name: 'one admin and news 45 days old (the demo disperpusip, standards complete)',
    input: { activeAdmins: 1, daysSincePost: 45 },
    score: 58,
    zone: 'merah',
    problems: [/^Berita terakhir 45 hari yang lalu/, /^Admin aktif hanya 1 orang \(paling sedikit 2\)/],
  },
  {
    name: 'never posted, no services catalogued',
    input: { daysSincePost: null, servicesTotal: 0, servicesComplete: 0 },
    score: 50,
    zone: 'merah',
    problems: [/^Belum pernah menerbitkan berita/, /^Belum ada layanan/],
  },
  {
    name: 'no service standard catalogued keeps an otherwise healthy OPD out of hijau',
    input: { servicesTotal: 0, servicesComplete: 0 },
    score: 80,
    zone: 'kuning',
    problems: [/^Belum ada layanan/],
  },
  {
    name: 'news 10 days old counts half',
    input: { daysSincePost: 10 },
    score: 85,
    zone: 'hijau',
    problems: [/^Berita terakhir 10 hari/],
  },
  {
    name: 'half the standards complete and no maklumat',
    input: { servicesComplete: 2, pledgePublished: false },
    score: 90,
    zone: 'hijau',
    problems: [/^Standar pelayanan lengkap baru 2 dari 4/, /^Maklumat pelayanan belum/],
  },
  {
    name: '45% answered in time and complaints overdue',
    input: { inTimePercent: 45, overdue: 3 },
    score: 88,
    zone: 'hijau',
    problems: [/^Aduan dijawab tepat waktu 45% \(paling sedikit 90%\)/, /^3 aduan lewat batas/],
  },
  {
    name: 'nothing due yet counts as answered in time',
    input: { inTimePercent: null },
    score: 100,
    zone: 'hijau',
    problems: [],
  },
  {
    name: 'stale news, one admin, no standards',
    input: { daysSincePost: 20, activeAdmins: 1, servicesComplete: 0 },
    score: 38,
    zone: 'merah',
    problems: [/^Berita/, /^Admin/, /^Standar/],
  },
  {
    name: 'stale news only lands in kuning',
    input: { daysSincePost: 30 },
    score: 70,
    zone: 'kuning',
    problems: [/^Berita terakhir 30 hari/],
  },
];

describe('scoreAgency', () => {
  for (const c of cases) {
    it(c.name, () => {
      const verdict = scoreAgency({ ...healthy, ...c.input }, DEFAULT_RULES);
      assert.equal(verdict.score, c.score);
      assert.equal(verdict.zone, c.zone);
      assert.equal(verdict.problems.length, c.problems.length, verdict.problems.join(' | '));
      c.problems.forEach((p, i) => assert.match(verdict.problems[i]!, p));
    });
  }

  it('follows tuned weights and thresholds', () => {
    const rules = { ...DEFAULT_RULES, weightPosts: 0, weightAdmins: 0, weightStandards: 0, greenFrom: 95 };
    const verdict = scoreAgency(
      { ...healthy, daysSincePost: null, activeAdmins: 0, inTimePercent: 85.5 },
      rules,
    );
    assert.equal(verdict.score, 95, 'only the complaints count: 85.5 / 90');
    assert.equal(verdict.zone, 'hijau');
  });
});

describe('parseRules', () => {
  const typed = Object.fromEntries(Object.entries(DEFAULT_RULES).map(([k, v]) => [k, String(v)]));
  it('accepts the defaults', () => assert.deepEqual(parseRules(typed), { rules: DEFAULT_RULES }));
  it('refuses blanks, words, numbers out of bounds, kuning above hijau and all weights 0', () => {
    const result = parseRules({
      ...typed,
      maxDaysWithoutPost: '',
      minActiveAdmins: 'dua',
      minOnTimePercent: '101',
      yellowFrom: '90',
      weightPosts: '0',
      weightAdmins: '0',
      weightStandards: '0',
      weightComplaints: '0',
    });
    assert.ok('errors' in result);
    assert.deepEqual(Object.keys(result.errors).sort(), [
      'maxDaysWithoutPost',
      'minActiveAdmins',
      'minOnTimePercent',
      'weightPosts',
      'yellowFrom',
    ]);
    assert.match(result.errors.maxDaysWithoutPost!, /wajib diisi/);
  });
});
