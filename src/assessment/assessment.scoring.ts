import { DIMENSIONS, ITEMS, MAX_ITEM_SCORE, type Dimension, type Item } from './assessment.instrument.js';

/*
 * Pure scoring. An item without a score counts as 0 (Ombudsman gives no points without evidence),
 * except an automatic item the platform has no data for (no complaint due yet in the year): it is
 * left out of its dimension, so an OPD is not marked down for a month without complaints.
 */

export type Category = 'A' | 'B' | 'C' | 'D' | 'E';
export type Zone = 'hijau' | 'kuning' | 'merah';

/** The first year Ombudsman scored with opinion categories A–E. */
export const CATEGORY_SCALE_FROM = 2022;

export interface ItemScore {
  /** 0–3; null when not filled in */
  score: number | null;
  /** left out of the dimension (an automatic item without data) */
  excluded?: boolean;
}

export interface Result {
  /** 0–100 per dimension; null when every item of it is excluded */
  dimensions: Record<Dimension, number | null>;
  /** 0–100, the mean of the dimensions that have a score */
  total: number;
  /** null for years before 2022, which had no categories */
  category: Category | null;
  zone: Zone;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** 0–100 for one dimension: the weighted scores over the weighted maximum. */
export function dimensionScore(
  items: readonly Item[],
  scores: ReadonlyMap<string, ItemScore>,
): number | null {
  let got = 0;
  let max = 0;
  for (const item of items) {
    const entry = scores.get(item.key);
    if (entry?.excluded) continue;
    got += item.weight * Math.min(MAX_ITEM_SCORE, Math.max(0, entry?.score ?? 0));
    max += item.weight * MAX_ITEM_SCORE;
  }
  return max ? round2((got / max) * 100) : null;
}

/** A–E from a 0–100 score (since 2022). */
export function categoryOf(score: number): Category {
  if (score >= 88) return 'A';
  if (score >= 78) return 'B';
  if (score >= 54) return 'C';
  if (score >= 32) return 'D';
  return 'E';
}

/** The zone of a score in the scale of its year: A–B hijau, C kuning, D–E merah; before 2022 81/51. */
export function zoneOf(score: number, year: number): Zone {
  if (year >= CATEGORY_SCALE_FROM) {
    const category = categoryOf(score);
    return category === 'A' || category === 'B' ? 'hijau' : category === 'C' ? 'kuning' : 'merah';
  }
  if (score >= 81) return 'hijau';
  if (score >= 51) return 'kuning';
  return 'merah';
}

export function scoreAssessment(
  scores: ReadonlyMap<string, ItemScore>,
  year: number,
  items: readonly Item[] = ITEMS,
): Result {
  const dimensions = Object.fromEntries(
    DIMENSIONS.map((d) => [
      d,
      dimensionScore(
        items.filter((i) => i.dimension === d),
        scores,
      ),
    ]),
  ) as Record<Dimension, number | null>;
  const present = Object.values(dimensions).filter((v): v is number => v !== null);
  const total = present.length ? round2(present.reduce((a, b) => a + b, 0) / present.length) : 0;
  return {
    dimensions,
    total,
    category: year >= CATEGORY_SCALE_FROM ? categoryOf(total) : null,
    zone: zoneOf(total, year),
  };
}

/** The complaint item: the share answered in time, as 0–3 (null when nothing was due yet). */
export function inTimeScore(percent: number | null): number | null {
  if (percent === null) return null;
  if (percent >= 90) return 3;
  if (percent >= 75) return 2;
  if (percent >= 50) return 1;
  return 0;
}

/** A share of services meeting a rule, as 0–3: all 3, two thirds 2, any 1, none (or no service) 0. */
export function shareScore(met: number, total: number): number {
  if (!total || !met) return 0;
  if (met >= total) return 3;
  return met / total >= 2 / 3 ? 2 : 1;
}
