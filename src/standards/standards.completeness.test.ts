import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_COMPONENTS, parseComponents, type ServiceComponents } from './standards.components.js';
import {
  checkCompleteness,
  COMPONENT_KEYS,
  PUBLIC_COMPONENT_KEYS,
  type CompletenessInput,
} from './standards.completeness.js';

const FULL: ServiceComponents = {
  legalBasis: 'Perpres 96/2018',
  requirements: ['Fotokopi KK'],
  procedure: ['Ambil antrean', 'Rekam data'],
  timeframe: { value: 1, unit: 'hari_kerja' },
  fees: { free: true, items: [] },
  products: ['KTP-el'],
  facilities: 'Ruang tunggu',
  competence: 'Bimtek',
  internalOversight: 'Kepala bidang',
  complaintHandling: 'Kanal Aduan',
  staffing: '6 orang',
  serviceGuarantee: 'Sesuai standar',
  safetyGuarantee: 'Data dijaga',
  performanceEvaluation: 'Survei kepuasan',
};

const AT = '2026-11-28T03:00:00.000Z';
const complete: CompletenessInput = {
  status: 'published',
  components: FULL,
  decreeNumber: '800/045/DISDUKCAPIL/2026',
  decreeDate: '2026-09-14',
  reviewedOn: '2026-10-29',
};

describe('checkCompleteness', () => {
  it('names the 14 components in the law’s order, the 6 public ones among them', () => {
    assert.equal(COMPONENT_KEYS.length, 14);
    assert.deepEqual(COMPONENT_KEYS.slice(0, 3), ['legal_basis', 'requirements', 'procedure']);
    for (const key of PUBLIC_COMPONENT_KEYS) assert.ok(COMPONENT_KEYS.includes(key));
  });

  const cases: {
    name: string;
    service: CompletenessInput;
    expect: Partial<ReturnType<typeof checkCompleteness>>;
  }[] = [
    {
      name: 'all 14 components, published, with an SK reviewed this year: complete',
      service: complete,
      expect: {
        missing: [],
        publicPublished: true,
        hasDecree: true,
        reviewedWithinYear: true,
        complete: true,
      },
    },
    {
      name: 'an empty component is missing and the standard incomplete',
      service: { ...complete, components: { ...FULL, staffing: '  ' } },
      expect: { missing: ['staffing'], publicPublished: true, complete: false },
    },
    {
      name: 'a public component left empty keeps the public set unpublished',
      service: { ...complete, components: { ...FULL, requirements: [] } },
      expect: { missing: ['requirements'], publicPublished: false, complete: false },
    },
    {
      name: 'a draft is never published to the public',
      service: { ...complete, status: 'draft' },
      expect: { missing: [], publicPublished: false, complete: false },
    },
    {
      name: 'no SK number means no decree',
      service: { ...complete, decreeNumber: '' },
      expect: { hasDecree: false, complete: false },
    },
    {
      name: 'a review 13 months ago is too old',
      service: { ...complete, decreeDate: '2025-01-01', reviewedOn: '2025-10-27' },
      expect: { reviewedWithinYear: false, complete: false },
    },
    {
      name: 'never reviewed counts from the SK date',
      service: { ...complete, reviewedOn: null },
      expect: { reviewedWithinYear: true, complete: true },
    },
    {
      name: 'paid fees without items are missing; timeframe of 0 is missing',
      service: {
        ...complete,
        components: { ...FULL, fees: { free: false, items: [] }, timeframe: { value: 0, unit: 'jam' } },
      },
      expect: { missing: ['timeframe', 'fees'], complete: false },
    },
    {
      name: 'an empty standard misses everything',
      service: {
        status: 'draft',
        components: EMPTY_COMPONENTS,
        decreeNumber: '',
        decreeDate: null,
        reviewedOn: null,
      },
      expect: {
        missing: [...COMPONENT_KEYS],
        publicPublished: false,
        hasDecree: false,
        reviewedWithinYear: false,
      },
    },
  ];
  for (const { name, service, expect } of cases)
    it(name, () => {
      const result = checkCompleteness(service, AT);
      for (const [key, value] of Object.entries(expect))
        assert.deepEqual(result[key as keyof typeof result], value, key);
    });
});

describe('parseComponents', () => {
  it('reads a malformed column as empty components rather than failing', () => {
    assert.deepEqual(parseComponents('not json'), EMPTY_COMPONENTS);
    assert.deepEqual(parseComponents('{"requirements": "x", "timeframe": {"value": "1"}}'), EMPTY_COMPONENTS);
  });

  it('round-trips what the repository writes', () => {
    assert.deepEqual(parseComponents(JSON.stringify(FULL)), FULL);
  });
});
