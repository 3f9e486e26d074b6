import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/database.js';
import { now } from '../time/clock.js';
import type { ContentHold, HoldStatus, HoldSubject } from './guard.table.js';

export function findOpenHold(
  db: DbOrTx,
  agencyId: string,
  subjectType: HoldSubject,
  subjectId: string,
): Promise<ContentHold | undefined> {
  return db
    .selectFrom('contentHolds')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('subjectType', '=', subjectType)
    .where('subjectId', '=', subjectId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export interface HoldInput {
  agencyId: string;
  subjectType: HoldSubject;
  subjectId: string;
  title: string;
  bodyHtml: string;
  reasons: string[];
  score: number;
  heldBy: string | null;
}

/** One open hold per post or page: a second flagged save refreshes it. Returns whether it is new. */
export async function upsertOpenHold(db: DbOrTx, input: HoldInput): Promise<{ id: string; fresh: boolean }> {
  const existing = await findOpenHold(db, input.agencyId, input.subjectType, input.subjectId);
  const values = {
    title: input.title,
    bodyHtml: input.bodyHtml,
    reasons: JSON.stringify(input.reasons),
    score: input.score,
    heldBy: input.heldBy,
  };
  if (existing) {
    await db.updateTable('contentHolds').set(values).where('id', '=', existing.id).execute();
    return { id: existing.id, fresh: false };
  }
  const id = randomUUID();
  await db
    .insertInto('contentHolds')
    .values({
      id,
      agencyId: input.agencyId,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      ...values,
      status: 'open',
      createdAt: now(),
      decidedBy: null,
      decidedAt: null,
    })
    .execute();
  return { id, fresh: true };
}

/** Closes an open hold, only if it is still open: two super admins pressing at once decide once. */
export async function closeHold(
  db: DbOrTx,
  id: string,
  status: Exclude<HoldStatus, 'open'>,
  decidedBy: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('contentHolds')
    .set({ status, decidedBy, decidedAt: now() })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findHold(db: DbOrTx, id: string): Promise<ContentHold | undefined> {
  return db.selectFrom('contentHolds').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface HoldRow extends ContentHold {
  agencyName: string;
  agencySlug: string;
  /** the page's address, for a held page */
  pageSlug: string | null;
}

export function listOpenHolds(db: DbOrTx): Promise<HoldRow[]> {
  return db
    .selectFrom('contentHolds')
    .innerJoin('agencies', 'agencies.id', 'contentHolds.agencyId')
    .leftJoin('agencyPages', (j) =>
      j.onRef('agencyPages.id', '=', 'contentHolds.subjectId').on('contentHolds.subjectType', '=', 'page'),
    )
    .selectAll('contentHolds')
    .select(['agencies.name as agencyName', 'agencies.slug as agencySlug', 'agencyPages.slug as pageSlug'])
    .where('contentHolds.status', '=', 'open')
    .orderBy('contentHolds.createdAt', 'desc')
    .limit(200)
    .execute();
}

export const reasonsOf = (hold: Pick<ContentHold, 'reasons'>): string[] => {
  try {
    const parsed: unknown = JSON.parse(hold.reasons);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
};

/** The hosts that are this installation's own (links to them are not "outbound"). */
export async function ownHosts(db: DbOrTx): Promise<string[]> {
  const [installation, hosts] = await Promise.all([
    db.selectFrom('installation').select('mainHost').executeTakeFirst(),
    db.selectFrom('agencyHosts').select('host').execute(),
  ]);
  return [installation?.mainHost ?? '', ...hosts.map((h) => h.host)]
    .map((h) => h.toLowerCase().replace(/:\d+$/, ''))
    .filter(Boolean);
}
