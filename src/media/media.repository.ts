import type { DbOrTx } from '../db/database.js';
import { NotFoundError } from '../errors.js';
import type { Media, NewMedia } from './media.table.js';

// Ids are UUIDs we made; anything else names nothing (and PostgreSQL would refuse some text, such as NUL).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isMediaId = (id: string): boolean => UUID.test(id);

export async function insertMedia(db: DbOrTx, agencyId: string, media: Omit<NewMedia, 'agencyId'>) {
  await db
    .insertInto('media')
    .values({ ...media, agencyId })
    .execute();
}

/** One photo of the agency, or undefined (also for another agency's photo). */
export function findMedia(db: DbOrTx, agencyId: string, id: string): Promise<Media | undefined> {
  if (!isMediaId(id)) return Promise.resolve(undefined);
  return db
    .selectFrom('media')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** One photo of the agency, or a 404: another agency's photo is not found, never forbidden. */
export async function getMedia(db: DbOrTx, agencyId: string, id: string): Promise<Media> {
  const media = await findMedia(db, agencyId, id);
  if (!media) throw new NotFoundError();
  return media;
}

/** The agency's photos among `ids` (for a post's cover and gallery); ids of other agencies drop out. */
export function findMediaByIds(db: DbOrTx, agencyId: string, ids: readonly string[]): Promise<Media[]> {
  const valid = ids.filter(isMediaId);
  if (valid.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('media')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', 'in', valid)
    .execute();
}

/** Newest first; the id breaks ties so paging is stable when photos share a timestamp. */
export function listMedia(
  db: DbOrTx,
  agencyId: string,
  page: { limit: number; offset: number },
): Promise<Media[]> {
  return db
    .selectFrom('media')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countMedia(db: DbOrTx, agencyId: string): Promise<number> {
  const row = await db
    .selectFrom('media')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agencyId', '=', agencyId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface MediaText {
  alt: string;
  caption: string;
  credit: string;
}

export async function updateMediaTextRow(
  db: DbOrTx,
  agencyId: string,
  id: string,
  text: MediaText,
): Promise<boolean> {
  if (!isMediaId(id)) return false;
  const result = await db
    .updateTable('media')
    .set(text)
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteMediaRow(db: DbOrTx, agencyId: string, id: string): Promise<boolean> {
  if (!isMediaId(id)) return false;
  const result = await db
    .deleteFrom('media')
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** How many of the agency's posts show the photo (as cover or in the gallery): said before deleting it. */
export async function countMediaUses(db: DbOrTx, agencyId: string, id: string): Promise<number> {
  const row = await db
    .selectFrom('posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('posts.agencyId', '=', agencyId)
    .where((eb) =>
      eb.or([
        eb('posts.coverMediaId', '=', id),
        eb.exists(
          eb
            .selectFrom('postGallery')
            .select('postGallery.postId')
            .whereRef('postGallery.postId', '=', 'posts.id')
            .where('postGallery.mediaId', '=', id),
        ),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
