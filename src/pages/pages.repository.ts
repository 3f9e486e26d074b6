import type { Insertable } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import { NotFoundError } from '../errors.js';
import type { AgencyPage, AgencyPageTable } from '../news/news.table.js';

/** An agency's pages in menu order (position, then address, so ties read the same on both databases). */
export function listPages(db: DbOrTx, agencyId: string): Promise<AgencyPage[]> {
  return db
    .selectFrom('agencyPages')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .orderBy('position')
    .orderBy('slug')
    .execute();
}

export function findPage(db: DbOrTx, agencyId: string, slug: string): Promise<AgencyPage | undefined> {
  return db
    .selectFrom('agencyPages')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** A page of this agency by its address; another agency's page is simply not found. */
export async function getPage(db: DbOrTx, agencyId: string, slug: string): Promise<AgencyPage> {
  const page = await findPage(db, agencyId, slug);
  if (!page) throw new NotFoundError();
  return page;
}

/**
 * Inserts the pages whose address is still free in this agency and returns how many were; a
 * concurrent request inserting the same address is not an error (it simply counts as taken).
 */
export async function insertPagesIfMissing(
  db: DbOrTx,
  agencyId: string,
  pages: readonly Omit<Insertable<AgencyPageTable>, 'agencyId'>[],
): Promise<number> {
  if (!pages.length) return 0;
  const result = await db
    .insertInto('agencyPages')
    .values(pages.map((p) => ({ ...p, agencyId })))
    .onConflict((oc) => oc.columns(['agencyId', 'slug']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function updatePageContent(
  db: DbOrTx,
  agencyId: string,
  id: string,
  changes: { title: string; bodyHtml: string; updatedAt: string },
): Promise<void> {
  await db
    .updateTable('agencyPages')
    .set(changes)
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .execute();
}

/** Positions only: the search index watches title, body and date, so reordering leaves it alone. */
export async function setPosition(db: DbOrTx, agencyId: string, id: string, position: number): Promise<void> {
  await db
    .updateTable('agencyPages')
    .set({ position })
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .execute();
}

export async function deletePageRow(db: DbOrTx, agencyId: string, id: string): Promise<void> {
  await db.deleteFrom('agencyPages').where('agencyId', '=', agencyId).where('id', '=', id).execute();
}
