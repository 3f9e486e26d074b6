import type { DbOrTx } from '../db/database.js';
import { listServices, type Service } from '../standards/standards.repository.js';
import { AGENCY_SCOPE, listAssessments, listScores } from './assessment.repository.js';
import { scoreAssessment, type Result } from './assessment.scoring.js';
import { itemScoresOf } from './assessment.service.js';
import type { AssessmentScore } from './assessment.table.js';
import type { YearRow } from './views/overview.js';

/*
 * Results as stored: automatic items as they were when the assessment was last opened (a closed
 * year keeps them for good). The history reads; it never refreshes.
 */

function resultsOf(scores: readonly AssessmentScore[]) {
  const byAssessment = new Map<string, Map<string, AssessmentScore>>();
  for (const s of scores) {
    const map = byAssessment.get(s.assessmentId) ?? new Map<string, AssessmentScore>();
    map.set(s.itemKey, s);
    byAssessment.set(s.assessmentId, map);
  }
  return (assessmentId: string, year: number): Result =>
    scoreAssessment(itemScoresOf(byAssessment.get(assessmentId) ?? new Map()), year);
}

/** Every year the agency was assessed, newest first, with its services' results; and its services. */
export async function agencyHistory(
  db: DbOrTx,
  agencyId: string,
): Promise<{ years: YearRow[]; services: Service[] }> {
  const [assessments, services] = await Promise.all([
    listAssessments(db, agencyId),
    listServices(db, agencyId),
  ]);
  const result = resultsOf(
    await listScores(
      db,
      agencyId,
      assessments.map((a) => a.id),
    ),
  );
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const years = new Map<number, YearRow>();
  for (const a of assessments) {
    const row = years.get(a.year) ?? { year: a.year, result: null, closed: false, services: [] };
    if (a.serviceId === AGENCY_SCOPE) {
      row.result = result(a.id, a.year);
      row.closed = Boolean(a.finalizedAt);
    } else {
      const service = serviceById.get(a.serviceId);
      // A service since deleted has no page to link to; its year's OPD result still counts.
      if (service)
        row.services.push({ name: service.name, slug: service.slug, result: result(a.id, a.year) });
    }
    years.set(a.year, row);
  }
  return { years: [...years.values()].sort((a, b) => b.year - a.year), services };
}

/** The services assessed in a year, by name, for the OPD's printed report. */
export async function servicesResults(
  db: DbOrTx,
  agencyId: string,
  year: number,
): Promise<{ name: string; result: Result }[]> {
  const { years } = await agencyHistory(db, agencyId);
  return (years.find((y) => y.year === year)?.services ?? []).map(({ name, result }) => ({ name, result }));
}
