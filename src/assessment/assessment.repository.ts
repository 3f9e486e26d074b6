import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/database.js';
import { now } from '../time/clock.js';
import type { Assessment, AssessmentScore } from './assessment.table.js';

/** The OPD-level assessment of a year has service id ''. */
export const AGENCY_SCOPE = '';

export function findAssessment(
  db: DbOrTx,
  agencyId: string,
  year: number,
  serviceId = AGENCY_SCOPE,
): Promise<Assessment | undefined> {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('year', '=', year)
    .where('serviceId', '=', serviceId)
    .executeTakeFirst();
}

/** The assessment of that scope, made when first asked for (two first requests make one row). */
export async function ensureAssessment(
  db: DbOrTx,
  agencyId: string,
  year: number,
  serviceId = AGENCY_SCOPE,
): Promise<Assessment> {
  const found = await findAssessment(db, agencyId, year, serviceId);
  if (found) return found;
  const at = now();
  await db
    .insertInto('assessments')
    .values({
      id: randomUUID(),
      agencyId,
      year,
      serviceId,
      finalizedAt: null,
      finalizedBy: null,
      createdAt: at,
      updatedAt: at,
    })
    .onConflict((oc) => oc.columns(['agencyId', 'year', 'serviceId']).doNothing())
    .execute();
  return (await findAssessment(db, agencyId, year, serviceId))!;
}

/** Every assessment of the agency, newest year first: its history. */
export function listAssessments(db: DbOrTx, agencyId: string): Promise<Assessment[]> {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .orderBy('year', 'desc')
    .orderBy('serviceId')
    .execute();
}

export function listScores(
  db: DbOrTx,
  agencyId: string,
  assessmentIds: readonly string[],
): Promise<AssessmentScore[]> {
  if (!assessmentIds.length) return Promise.resolve([]);
  return db
    .selectFrom('assessmentScores')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('assessmentId', 'in', assessmentIds)
    .execute();
}

export async function upsertScore(db: DbOrTx, agencyId: string, score: Omit<AssessmentScore, 'agencyId'>) {
  const { score: value, source, note, detail, evidenceMediaId, updatedBy, updatedAt } = score;
  const changes = { score: value, source, note, detail, evidenceMediaId, updatedBy, updatedAt };
  await db
    .insertInto('assessmentScores')
    .values({ ...score, agencyId })
    .onConflict((oc) => oc.columns(['assessmentId', 'itemKey']).doUpdateSet(changes))
    .execute();
}

export async function touchAssessment(db: DbOrTx, agencyId: string, id: string): Promise<void> {
  await db
    .updateTable('assessments')
    .set({ updatedAt: now() })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .execute();
}

/** Closes every assessment of the agency's year (the OPD's and its services'). */
export async function finalizeYear(
  db: DbOrTx,
  agencyId: string,
  year: number,
  userId: string,
): Promise<void> {
  const at = now();
  await db
    .updateTable('assessments')
    .set({ finalizedAt: at, finalizedBy: userId, updatedAt: at })
    .where('agencyId', '=', agencyId)
    .where('year', '=', year)
    .where('finalizedAt', 'is', null)
    .execute();
}

export async function reopenYear(db: DbOrTx, agencyId: string, year: number): Promise<void> {
  await db
    .updateTable('assessments')
    .set({ finalizedAt: null, finalizedBy: null, updatedAt: now() })
    .where('agencyId', '=', agencyId)
    .where('year', '=', year)
    .execute();
}

/** The OPD-level assessments of a year across the city, with their scores (the super admin's overview). */
export async function listCityYear(db: DbOrTx, year: number) {
  const assessments = await db
    .selectFrom('assessments')
    .selectAll()
    .where('year', '=', year)
    .where('serviceId', '=', AGENCY_SCOPE)
    .execute();
  const scores = assessments.length
    ? await db
        .selectFrom('assessmentScores')
        .selectAll()
        .where(
          'assessmentId',
          'in',
          assessments.map((a) => a.id),
        )
        .execute()
    : [];
  return { assessments, scores };
}
