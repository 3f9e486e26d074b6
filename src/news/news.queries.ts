import type { ExpressionBuilder } from 'kysely';
import type { Database, DbOrTx } from '../db/database.js';
import type { Media } from '../media/media.table.js';

/** A published post as lists, feeds and the article page show it. */
export interface PublishedPost {
  id: string;
  slug: string;
  title: string;
  summary: string;
  bodyHtml: string;
  publishedAt: string;
  updatedAt: string;
  activityDate: string | null;
  byline: string;
  agencyId: string;
  agencySlug: string;
  agencyName: string;
  agencyShortName: string;
  categorySlug: string | null;
  categoryName: string | null;
  regionName: string | null;
  coverMediaId: string | null;
}

export interface PublishedFilter {
  agencyId?: string | undefined;
  categorySlug?: string | undefined;
  /** YYYY-MM, in the installation's zone approximated by UTC+7 bounds computed by the caller */
  from?: string | undefined;
  to?: string | undefined;
  excludeId?: string | undefined;
  tag?: string | undefined;
}

/**
 * The filter as conditions on `posts` alone (category and tag through IN lists), so the listing and
 * the count share it and the count needs no join. IN, not EXISTS: the databases then look the
 * category's (or the tag's) posts up by index instead of testing every published post.
 */
function matching(eb: ExpressionBuilder<Database, 'posts'>, filter: PublishedFilter) {
  const { agencyId, categorySlug, from, to, excludeId, tag } = filter;
  return eb.and([
    eb('posts.status', '=', 'published'),
    ...(agencyId ? [eb('posts.agencyId', '=', agencyId)] : []),
    ...(from ? [eb('posts.publishedAt', '>=', from)] : []),
    ...(to ? [eb('posts.publishedAt', '<', to)] : []),
    ...(excludeId ? [eb('posts.id', '!=', excludeId)] : []),
    ...(categorySlug
      ? [
          eb(
            'posts.categoryId',
            'in',
            eb.selectFrom('categories').select('categories.id').where('categories.slug', '=', categorySlug),
          ),
        ]
      : []),
    ...(tag
      ? [
          eb(
            'posts.id',
            'in',
            eb.selectFrom('postTags').select('postTags.postId').where('postTags.tag', '=', tag),
          ),
        ]
      : []),
  ]);
}

function publishedQuery(db: DbOrTx, filter: PublishedFilter) {
  return db
    .selectFrom('posts')
    .where((eb) => matching(eb, filter))
    .innerJoin('agencies', 'agencies.id', 'posts.agencyId')
    .leftJoin('categories', 'categories.id', 'posts.categoryId')
    .leftJoin('regions', 'regions.id', 'posts.regionId');
}

const columns = [
  'posts.id',
  'posts.slug',
  'posts.title',
  'posts.summary',
  'posts.bodyHtml',
  'posts.publishedAt',
  'posts.updatedAt',
  'posts.activityDate',
  'posts.byline',
  'posts.agencyId',
  'agencies.slug as agencySlug',
  'agencies.name as agencyName',
  'agencies.shortName as agencyShortName',
  'categories.slug as categorySlug',
  'categories.name as categoryName',
  'regions.name as regionName',
  'posts.coverMediaId',
] as const;

/**
 * The ids of one page, with their sort key: sorted and skipped on an index of `posts` alone, so a
 * deep page (/berita?halaman=8000) skips its offset over index entries instead of reading and
 * joining every post it passes.
 */
function pageIds(db: DbOrTx, filter: PublishedFilter, limit: number, offset: number) {
  return db
    .selectFrom('posts')
    .select(['posts.id', 'posts.publishedAt'])
    .where((eb) => matching(eb, filter))
    .orderBy('posts.publishedAt', 'desc')
    .orderBy('posts.id', 'desc')
    .limit(limit)
    .offset(offset);
}

/** The newest published posts, without counting them all (home pages, feeds, related posts). */
export async function latestPublished(
  db: DbOrTx,
  filter: PublishedFilter,
  limit: number,
  offset = 0,
): Promise<PublishedPost[]> {
  // A deferred join: the page's few rows are read whole and joined once their ids are known.
  const rows = await db
    .selectFrom(pageIds(db, filter, limit, offset).as('page'))
    .innerJoin('posts', 'posts.id', 'page.id')
    .innerJoin('agencies', 'agencies.id', 'posts.agencyId')
    .leftJoin('categories', 'categories.id', 'posts.categoryId')
    .leftJoin('regions', 'regions.id', 'posts.regionId')
    .select(columns)
    .orderBy('page.publishedAt', 'desc')
    .orderBy('page.id', 'desc')
    .execute();
  return rows as PublishedPost[];
}

/**
 * How many published posts match: on `posts` alone (joining categories only to filter by one), so
 * SQLite answers from an index instead of reading every post with its agency and place.
 */
async function countPublished(db: DbOrTx, filter: PublishedFilter): Promise<number> {
  const row = await db
    .selectFrom('posts')
    .where((eb) => matching(eb, filter))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Newest first, a page at a time, with the total for the pager. */
export async function listPublished(
  db: DbOrTx,
  filter: PublishedFilter,
  page: number,
  perPage: number,
): Promise<{ rows: PublishedPost[]; total: number }> {
  const [rows, total] = await Promise.all([
    latestPublished(db, filter, perPage, (page - 1) * perPage),
    countPublished(db, filter),
  ]);
  return { rows, total };
}

export async function findPublished(
  db: DbOrTx,
  agencyId: string,
  slug: string,
): Promise<PublishedPost | undefined> {
  const row = await publishedQuery(db, { agencyId })
    .select(columns)
    .where('posts.slug', '=', slug)
    .executeTakeFirst();
  return row as PublishedPost | undefined;
}

/** The media of a set of posts (covers) or one post (gallery), keyed by id. Scoped to one agency when given. */
export async function mediaByIds(db: DbOrTx, ids: readonly (string | null)[]): Promise<Map<string, Media>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('media').selectAll().where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function galleryOf(db: DbOrTx, postId: string): Promise<Media[]> {
  return db
    .selectFrom('postGallery')
    .innerJoin('media', 'media.id', 'postGallery.mediaId')
    .selectAll('media')
    .where('postGallery.postId', '=', postId)
    .orderBy('postGallery.position')
    .execute();
}

/** The public path of a post: the same on the portal host and the agency host. */
export const postPath = (post: Pick<PublishedPost, 'agencySlug' | 'slug'>) =>
  `/opd/${post.agencySlug}/berita/${post.slug}`;
