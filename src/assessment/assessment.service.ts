import type { Actor } from '../accounts/accounts.policy.js';
import type { Agency } from '../agencies/agencies.table.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db, DbOrTx } from '../db/database.js';
import { ConflictError, ValidationError } from '../errors.js';
import { findMediaByIds } from '../media/media.repository.js';
import { uploadMedia } from '../media/media.service.js';
import type { Service } from '../standards/standards.repository.js';
import type { Storage } from '../storage/storage.js';
import { now } from '../time/clock.js';
import { readAutoValues, type AutoValues } from './assessment.auto.js';
import { AUTO_ITEMS, ITEMS, MANUAL_ITEMS, type Item } from './assessment.instrument.js';
import {
  ensureAssessment,
  findAssessment,
  finalizeYear,
  listScores,
  reopenYear,
  touchAssessment,
  upsertScore,
} from './assessment.repository.js';
import { scoreAssessment, type ItemScore, type Result } from './assessment.scoring.js';
import type { Assessment, AssessmentScore } from './assessment.table.js';
import { m } from './messages.js';

export interface LoadedAssessment {
  assessment: Assessment;
  /** by item key; an item never filled in is absent */
  scores: Map<string, AssessmentScore>;
  result: Result;
  /** the OPD's year is finalised: nothing changes any more */
  closed: boolean;
}

/** The scores as the scoring sees them: an automatic item without data is left out, not a zero. */
export function itemScoresOf(scores: ReadonlyMap<string, Pick<AssessmentScore, 'score' | 'source'>>) {
  const items = new Map<string, ItemScore>();
  for (const item of ITEMS) {
    const row = scores.get(item.key);
    items.set(item.key, {
      score: row?.score ?? null,
      excluded: Boolean(item.auto) && (row?.score ?? null) === null,
    });
  }
  return items;
}

/** Stored rows with the automatic items replaced by fresh values (when the year is open). */
export function withAutoValues(
  stored: readonly AssessmentScore[],
  auto: AutoValues | null,
): Map<string, Pick<AssessmentScore, 'score' | 'source' | 'detail'>> {
  const scores = new Map<string, Pick<AssessmentScore, 'score' | 'source' | 'detail'>>(
    stored.map((s) => [s.itemKey, s]),
  );
  if (auto) for (const item of AUTO_ITEMS) scores.set(item.key, { ...auto[item.auto!], source: 'auto' });
  return scores;
}

export async function isYearClosed(db: DbOrTx, agencyId: string, year: number): Promise<boolean> {
  return Boolean((await findAssessment(db, agencyId, year))?.finalizedAt);
}

/**
 * The assessment of the agency (or one of its services) for `year`, made on first view. While the
 * year is open the automatic items are read again from Balairung's data and stored, so the page,
 * the print and the CSV show what the data says today.
 */
export async function loadAssessment(
  db: Db,
  agency: Agency,
  year: number,
  service?: Service,
): Promise<LoadedAssessment> {
  const assessment = await ensureAssessment(db, agency.id, year, service?.id);
  const closed = await isYearClosed(db, agency.id, year);
  if (!closed) {
    const auto = await readAutoValues(db, agency.id, year, service);
    const at = now();
    for (const item of AUTO_ITEMS) {
      const value = auto[item.auto!];
      await upsertScore(db, agency.id, {
        assessmentId: assessment.id,
        itemKey: item.key,
        score: value.score,
        source: 'auto',
        note: '',
        detail: value.detail,
        evidenceMediaId: null,
        updatedBy: null,
        updatedAt: at,
      });
    }
  }
  const rows = await listScores(db, agency.id, [assessment.id]);
  const scores = new Map(rows.map((r) => [r.itemKey, r]));
  return { assessment, scores, result: scoreAssessment(itemScoresOf(scores), year), closed };
}

/** What the form sends, by field name (score_{key}, note_{key}, evidence_{key}). */
export type ScoreInput = Record<string, string | undefined>;

interface Parsed {
  item: Item;
  score: number | null;
  note: string;
  evidenceMediaId: string | null;
}

function parse(input: ScoreInput): Parsed[] {
  return MANUAL_ITEMS.map((item) => {
    const score = (input[`score_${item.key}`] ?? '').trim();
    const evidence = (input[`evidence_${item.key}`] ?? '').trim();
    return {
      item,
      score: score === '' ? null : Number(score),
      note: (input[`note_${item.key}`] ?? '').trim(),
      evidenceMediaId: evidence || null,
    };
  });
}

/** Photos named as evidence must be the agency's own. */
async function checkEvidence(db: DbOrTx, agencyId: string, parsed: readonly Parsed[]): Promise<void> {
  const ids = [...new Set(parsed.flatMap((p) => (p.evidenceMediaId ? [p.evidenceMediaId] : [])))];
  const known = new Set((await findMediaByIds(db, agencyId, ids)).map((media) => media.id));
  const errors: Record<string, string> = {};
  for (const p of parsed)
    if (p.evidenceMediaId && !known.has(p.evidenceMediaId))
      errors[`evidence_${p.item.key}`] = m.evidenceUnknown;
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/** An item never filled in reads as empty, so leaving it empty is no change. */
const summary = (s: Pick<AssessmentScore, 'score' | 'note' | 'evidenceMediaId'> | undefined) => ({
  score: s?.score ?? null,
  note: s?.note ?? '',
  evidence: s?.evidenceMediaId ?? null,
});

/**
 * Saves what the OPD filled in. Automatic items are not in the input at all: the OPD cannot
 * overwrite what Balairung's data says. Audited with the before and after of each changed item.
 */
export async function saveScores(
  db: Db,
  actor: Actor,
  agency: Agency,
  loaded: LoadedAssessment,
  input: ScoreInput,
  ip = '',
): Promise<void> {
  if (loaded.closed) throw new ConflictError(m.closed, { _: m.closed });
  const parsed = parse(input);
  await checkEvidence(db, agency.id, parsed);
  const at = now();
  const changes: Record<string, unknown> = {};
  await db.transaction().execute(async (tx) => {
    for (const p of parsed) {
      const before = loaded.scores.get(p.item.key);
      const after = { score: p.score, note: p.note, evidenceMediaId: p.evidenceMediaId };
      if (JSON.stringify(summary(before)) === JSON.stringify(summary(after))) continue;
      changes[p.item.key] = { before: summary(before), after: summary(after) };
      await upsertScore(tx, agency.id, {
        assessmentId: loaded.assessment.id,
        itemKey: p.item.key,
        ...after,
        source: 'opd',
        detail: '',
        updatedBy: actor.userId,
        updatedAt: at,
      });
    }
    await touchAssessment(tx, agency.id, loaded.assessment.id);
    await recordAudit(tx, {
      actorId: actor.userId,
      agencyId: agency.id,
      action: 'assessment.scored',
      subjectType: 'assessment',
      subjectId: loaded.assessment.id,
      details: { year: loaded.assessment.year, serviceId: loaded.assessment.serviceId, changes },
      ip,
    });
  });
}

/** A photo for an item's evidence: cleaned like every photo (EXIF and GPS gone), kept in the library. */
export async function attachEvidence(
  db: Db,
  storage: Storage,
  actor: Actor,
  agency: Agency,
  loaded: LoadedAssessment,
  item: Item,
  file: { buffer: Buffer; filename: string },
  ip = '',
): Promise<void> {
  if (loaded.closed) throw new ConflictError(m.closed, { _: m.closed });
  const media = await uploadMedia(db, storage, {
    agencyId: agency.id,
    actorId: actor.userId,
    buffer: file.buffer,
    filename: file.filename,
    alt: item.label,
    caption: `Bukti penilaian kepatuhan ${loaded.assessment.year}: ${item.label}`,
  });
  const before = loaded.scores.get(item.key);
  await db.transaction().execute(async (tx) => {
    await upsertScore(tx, agency.id, {
      assessmentId: loaded.assessment.id,
      itemKey: item.key,
      score: before?.score ?? null,
      note: before?.note ?? '',
      source: 'opd',
      detail: '',
      evidenceMediaId: media.id,
      updatedBy: actor.userId,
      updatedAt: now(),
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      agencyId: agency.id,
      action: 'assessment.evidence_added',
      subjectType: 'assessment',
      subjectId: loaded.assessment.id,
      details: { year: loaded.assessment.year, item: item.key, media: media.id },
      ip,
    });
  });
}

export async function finalizeAssessmentYear(
  db: Db,
  actor: Actor,
  agency: Agency,
  year: number,
  ip = '',
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await finalizeYear(tx, agency.id, year, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      agencyId: agency.id,
      action: 'assessment.finalized',
      subjectType: 'agency',
      subjectId: agency.id,
      details: { year },
      ip,
    });
  });
}

export async function reopenAssessmentYear(
  db: Db,
  actor: Actor,
  agency: Agency,
  year: number,
  ip = '',
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await reopenYear(tx, agency.id, year);
    await recordAudit(tx, {
      actorId: actor.userId,
      agencyId: agency.id,
      action: 'assessment.reopened',
      subjectType: 'agency',
      subjectId: agency.id,
      details: { year },
      ip,
    });
  });
}
