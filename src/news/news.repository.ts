import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/database.js';
import { NotFoundError } from '../errors.js';
import type { Category, Post, PostStatus } from './news.table.js';

export const DEFAULT_CATEGORIES = [
  { slug: 'berita', name: 'Berita' },
  { slug: 'kegiatan', name: 'Kegiatan' },
  { slug: 'pengumuman', name: 'Pengumuman' },
  { slug: 'artikel', name: 'Artikel' },
] as const;

export function findPost(db: DbOrTx, agencyId: string, id: string): Promise<Post | undefined> {
  return db
    .selectFrom('posts')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getPost(db: DbOrTx, agencyId: string, id: string): Promise<Post> {
  const post = await findPost(db, agencyId, id);
  if (!post) throw new NotFoundError();
  return post;
}

export function findPublishedPostBySlug(
  db: DbOrTx,
  agencyId: string,
  slug: string,
): Promise<Post | undefined> {
  return db
    .selectFrom('posts')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

export async function slugsLike(
  db: DbOrTx,
  agencyId: string,
  base: string,
  exceptId?: string,
): Promise<Set<string>> {
  let q = db
    .selectFrom('posts')
    .select('slug')
    .where('agencyId', '=', agencyId)
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]));
  if (exceptId) q = q.where('id', '!=', exceptId);
  return new Set((await q.execute()).map((r) => r.slug));
}

/** The agency's categories, made with the defaults the first time they are asked for. */
export async function categoriesOf(db: DbOrTx, agencyId: string): Promise<Category[]> {
  const existing = await db
    .selectFrom('categories')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .orderBy('position')
    .execute();
  if (existing.length) return existing;
  const defaults = DEFAULT_CATEGORIES.map((c, position) => ({
    id: randomUUID(),
    agencyId,
    slug: c.slug,
    name: c.name,
    position,
  }));
  await db
    .insertInto('categories')
    .values(defaults)
    .onConflict((oc) => oc.columns(['agencyId', 'slug']).doNothing())
    .execute();
  return db
    .selectFrom('categories')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .orderBy('position')
    .execute();
}

export function galleryIds(db: DbOrTx, postId: string): Promise<string[]> {
  return db
    .selectFrom('postGallery')
    .select('mediaId')
    .where('postId', '=', postId)
    .orderBy('position')
    .execute()
    .then((rows) => rows.map((r) => r.mediaId));
}

export async function replaceGallery(db: DbOrTx, postId: string, mediaIds: string[]): Promise<void> {
  await db.deleteFrom('postGallery').where('postId', '=', postId).execute();
  if (mediaIds.length) {
    await db
      .insertInto('postGallery')
      .values(mediaIds.map((mediaId, position) => ({ postId, mediaId, position })))
      .execute();
  }
}

export async function tagsOf(db: DbOrTx, postId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('postTags')
    .select('tag')
    .where('postId', '=', postId)
    .orderBy('tag')
    .execute();
  return rows.map((r) => r.tag);
}

export async function replaceTags(db: DbOrTx, postId: string, tags: string[]): Promise<void> {
  await db.deleteFrom('postTags').where('postId', '=', postId).execute();
  if (tags.length)
    await db
      .insertInto('postTags')
      .values(tags.map((tag) => ({ postId, tag })))
      .execute();
}

export interface PostListFilter {
  status?: PostStatus | undefined;
  page: number;
  perPage: number;
}

/** An agency's posts for its editors, newest change first. */
export async function listAgencyPosts(db: DbOrTx, agencyId: string, filter: PostListFilter) {
  let q = db.selectFrom('posts').where('agencyId', '=', agencyId);
  if (filter.status) q = q.where('status', '=', filter.status);
  const [rows, total] = await Promise.all([
    q
      .selectAll()
      .orderBy('updatedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.perPage)
      .offset((filter.page - 1) * filter.perPage)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
