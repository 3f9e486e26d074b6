import { listAgencies } from '../agencies/agencies.repository.js';
import type { Agency } from '../agencies/agencies.table.js';
import type { DbOrTx } from '../db/database.js';
import { toCsv } from '../http/csv.js';
import { readAutoValues } from './assessment.auto.js';
import { listCityYear } from './assessment.repository.js';
import { scoreAssessment, type Result } from './assessment.scoring.js';
import { itemScoresOf, withAutoValues } from './assessment.service.js';
import type { AssessmentScore } from './assessment.table.js';
import { m } from './messages.js';

export interface CityRow {
  agency: Agency;
  result: Result;
  status: string;
}

/**
 * Every OPD's OPD-level result for a year. An open (or never opened) assessment is scored with
 * today's automatic values, so the city sees what Balairung's data says now; a closed one as closed.
 * Nothing is written: the overview is a reading.
 */
export async function cityRows(db: DbOrTx, year: number): Promise<CityRow[]> {
  const [agencies, { assessments, scores }] = await Promise.all([listAgencies(db), listCityYear(db, year)]);
  const byAgency = new Map(assessments.map((a) => [a.agencyId, a]));
  const scoresOf = new Map<string, AssessmentScore[]>();
  for (const s of scores) scoresOf.set(s.assessmentId, [...(scoresOf.get(s.assessmentId) ?? []), s]);
  const rows: CityRow[] = [];
  for (const agency of agencies) {
    const assessment = byAgency.get(agency.id);
    const closed = Boolean(assessment?.finalizedAt);
    const auto = closed ? null : await readAutoValues(db, agency.id, year);
    const merged = withAutoValues(assessment ? (scoresOf.get(assessment.id) ?? []) : [], auto);
    rows.push({
      agency,
      result: scoreAssessment(itemScoresOf(merged), year),
      status: closed ? 'Dikunci' : assessment ? 'Terbuka' : 'Belum diisi',
    });
  }
  return rows;
}

const decimal = (value: number | null) => (value === null ? '' : String(value).replace('.', ','));

export function cityCsv(rows: readonly CityRow[], year: number): string {
  return toCsv(
    [
      'Tahun',
      'Perangkat daerah',
      'Slug',
      'Input',
      'Proses',
      'Output',
      'Pengaduan',
      m.total,
      m.category,
      m.zone,
      'Status',
    ],
    rows.map((r) => [
      year,
      r.agency.name,
      r.agency.slug,
      decimal(r.result.dimensions.input),
      decimal(r.result.dimensions.proses),
      decimal(r.result.dimensions.output),
      decimal(r.result.dimensions.pengaduan),
      decimal(r.result.total),
      r.result.category ?? '',
      m.zones[r.result.zone],
      r.status,
    ]),
  );
}
