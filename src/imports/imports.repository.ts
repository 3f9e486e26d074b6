import type { Db, DbOrTx } from '../db/database.js';
import { NotFoundError } from '../errors.js';
import { now } from '../time/clock.js';
import type { ImportedKind, ImportJob, ImportJobStatus } from './imports.table.js';

export interface ImportedRow {
  kind: ImportedKind;
  sourceKey: string;
  targetId: string;
  contentHash: string;
}

/** Everything this agency imported from `source`, keyed `kind:sourceKey`, read once per run. */
export async function importedOf(
  db: DbOrTx,
  agencyId: string,
  source: string,
): Promise<Map<string, ImportedRow>> {
  const rows = await db
    .selectFrom('importedItems')
    .select(['kind', 'sourceKey', 'targetId', 'contentHash'])
    .where('agencyId', '=', agencyId)
    .where('source', '=', source)
    .execute();
  return new Map(rows.map((r) => [`${r.kind}:${r.sourceKey}`, r]));
}

export async function saveImported(
  db: DbOrTx,
  agencyId: string,
  source: string,
  rows: readonly ImportedRow[],
): Promise<void> {
  if (!rows.length) return;
  const at = now();
  await db
    .insertInto('importedItems')
    .values(rows.map((r) => ({ ...r, agencyId, source, importedAt: at })))
    .onConflict((oc) =>
      oc.columns(['agencyId', 'source', 'kind', 'sourceKey']).doUpdateSet((eb) => ({
        targetId: eb.ref('excluded.targetId'),
        contentHash: eb.ref('excluded.contentHash'),
        importedAt: eb.ref('excluded.importedAt'),
      })),
    )
    .execute();
}

/** Our own paths only: a stored target never leads off the site. */
export const isOwnPath = (p: string): boolean =>
  p.startsWith('/') && !p.startsWith('//') && !p.includes('\\');

export async function saveRedirects(
  db: DbOrTx,
  agencyId: string,
  rows: ReadonlyMap<string, string>,
): Promise<void> {
  const values = [...rows]
    .filter(([, to]) => isOwnPath(to))
    .map(([oldKey, newPath]) => ({ agencyId, oldKey, newPath }));
  // PostgreSQL allows 65,535 parameters per statement; 3 per row.
  for (let i = 0; i < values.length; i += 1000) {
    await db
      .insertInto('legacyRedirects')
      .values(values.slice(i, i + 1000))
      .onConflict((oc) =>
        oc.columns(['agencyId', 'oldKey']).doUpdateSet((eb) => ({ newPath: eb.ref('excluded.newPath') })),
      )
      .execute();
  }
}

export async function dropRedirects(db: DbOrTx, agencyId: string, keys: readonly string[]): Promise<void> {
  if (!keys.length) return;
  await db
    .deleteFrom('legacyRedirects')
    .where('agencyId', '=', agencyId)
    .where('oldKey', 'in', keys)
    .execute();
}

/** The first of `keys` (most specific first) that has a redirect. */
export async function findRedirect(
  db: DbOrTx,
  agencyId: string,
  keys: readonly string[],
): Promise<string | null> {
  if (!keys.length) return null;
  const rows = await db
    .selectFrom('legacyRedirects')
    .select(['oldKey', 'newPath'])
    .where('agencyId', '=', agencyId)
    .where('oldKey', 'in', keys)
    .execute();
  const byKey = new Map(rows.map((r) => [r.oldKey, r.newPath]));
  for (const key of keys) {
    const to = byKey.get(key);
    if (to && isOwnPath(to)) return to;
  }
  return null;
}

export const countRedirects = async (db: DbOrTx, agencyId: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('legacyRedirects')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agencyId', '=', agencyId)
        .executeTakeFirstOrThrow()
    ).n,
  );

// Jobs started from the admin area

export async function createJob(
  db: Db,
  agencyId: string,
  createdBy: string | null,
  id: string,
): Promise<void> {
  const at = now();
  await db
    .insertInto('importJobs')
    .values({
      id,
      agencyId,
      status: 'queued',
      done: 0,
      total: 0,
      report: '',
      createdBy,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
}

export async function updateJob(
  db: DbOrTx,
  id: string,
  changes: { status?: ImportJobStatus; done?: number; total?: number; report?: string },
): Promise<void> {
  await db
    .updateTable('importJobs')
    .set({ ...changes, updatedAt: now() })
    .where('id', '=', id)
    .execute();
}

export async function getJob(db: DbOrTx, agencyId: string, id: string): Promise<ImportJob> {
  const job = await db
    .selectFrom('importJobs')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!job) throw new NotFoundError();
  return job;
}

export function recentJobs(db: DbOrTx, agencyId: string): Promise<ImportJob[]> {
  return db
    .selectFrom('importJobs')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .orderBy('createdAt', 'desc')
    .limit(10)
    .execute();
}
