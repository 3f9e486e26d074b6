// N published posts for the volume seed (`seed-volume --posts`), batched inserts into `posts`.
// 30 agencies by default, publishedAt spread evenly over the last two years, ~400-word bodies,
// categories, tags, a kelurahan on half of them; the newest 40 with a cover photo (every fourth also
// with a gallery). Not through createPost: at 100,000 posts that is minutes instead of an hour, and
// what createPost adds beyond the row (a first revision, an audit event) no public page reads. The
// search triggers index these rows as they index the app's own writes.
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../db/database.js';
import type { Category, Post } from '../news/news.table.js';
import { htmlToText, sanitizePostHtml } from '../news/sanitize.js';
import { slugify, uniqueSlug } from '../news/slug.js';
import { searchSite } from '../search/search.service.js';
import type { PhotoLibrary } from './volume-photos.js';
import { between, makeBody, makeTitle, mulberry32, pick, TOPICS, wordsOf, type Body } from './volume-text.js';

export const WITH_COVER = 40;
export const SEARCH_WORD = 'banjir';
const BATCH = 1000;
const TWO_YEARS_MS = 2 * 365 * 86_400_000;
/** Asia/Pontianak, for the activity date of a post */
const ZONE_OFFSET_MS = 7 * 3_600_000;

export interface VolumeAgency {
  id: string;
  slug: string;
  name: string;
  authorId: string | null;
  byline: string;
  categories: Category[];
}

export interface PostContext {
  db: Db;
  photos: PhotoLibrary;
  agencies: VolumeAgency[];
  kelurahan: { id: string; name: string }[];
  /** slugs taken per agency, the existing ones included */
  slugs: Map<string, Set<string>>;
  total: number;
  /** how many of the newest posts get a cover photo (WITH_COVER for the bench) */
  covers: number;
  start: number;
  progress: (line: string) => void;
}

interface PlannedPost {
  post: Post;
  tags: string[];
  /** photo numbers: the cover first, then the rest of the gallery; media ids once attached */
  photos: number[];
  gallery: string[];
  agencySlug: string;
  hasSearchWord: boolean;
}

export interface SeededPosts {
  /** the middle post of the seed: the article the bench measures */
  article: { agencySlug: string; slug: string };
  searchHits: number;
}

/** The first free slug for the title in this agency, as createPost would choose it. */
function takeSlug(ctx: PostContext, agencyId: string, title: string): string {
  const taken = ctx.slugs.get(agencyId) ?? new Set<string>();
  ctx.slugs.set(agencyId, taken);
  const slug = uniqueSlug(slugify(title), taken);
  taken.add(slug);
  return slug;
}

interface Content {
  title: string;
  slug: string;
  body: Body;
  categoryId: string | null;
  regionId: string | null;
}

function publishedRow(agency: VolumeAgency, at: Date, c: Content): Post {
  const iso = at.toISOString();
  return {
    id: randomUUID(),
    agencyId: agency.id,
    slug: c.slug,
    title: c.title,
    summary: c.body.text.slice(0, 240),
    bodyHtml: c.body.html,
    status: 'published',
    categoryId: c.categoryId,
    authorId: agency.authorId,
    byline: agency.byline,
    coverMediaId: null,
    activityDate: new Date(at.getTime() + ZONE_OFFSET_MS).toISOString().slice(0, 10),
    regionId: c.regionId,
    reviewNote: '',
    publishAt: null,
    publishedAt: iso,
    createdAt: iso,
    updatedAt: iso,
  };
}

/** Post `i` (0 the oldest), the same on every run but for its ids and the photo ids. */
function planPost(ctx: PostContext, i: number): PlannedPost {
  const random = mulberry32(1_000_003 * (i + 1));
  const agency = pick(random, ctx.agencies);
  const at = new Date(ctx.start + Math.floor(((i + 1) * TWO_YEARS_MS) / ctx.total));
  const topic = pick(random, TOPICS);
  const region = random() < 0.5 && ctx.kelurahan.length ? pick(random, ctx.kelurahan) : undefined;
  const place = region ? `Kelurahan ${region.name}` : pick(random, ['Aula Kantor Wali Kota', 'Balai Kota']);
  const title = makeTitle(random, {
    topic: topic.name,
    agencyName: agency.name,
    place,
    year: at.getUTCFullYear(),
  });
  const body = makeBody(random, `PONTIANAK - ${agency.name}.`);
  const newest = ctx.total - 1 - i;
  const photos = newest >= ctx.covers ? [] : newest % 4 === 0 ? [newest, newest + 1] : [newest];
  const category = agency.categories.length ? pick(random, agency.categories) : undefined;
  const post = publishedRow(agency, at, {
    title,
    slug: takeSlug(ctx, agency.id, title),
    body,
    categoryId: category?.id ?? null,
    regionId: region?.id ?? null,
  });
  const tags = topic.tags.slice(0, between(random, 1, topic.tags.length));
  const hasSearchWord = wordsOf(`${title} ${body.text}`).has(SEARCH_WORD);
  return { post, tags, photos, gallery: [], agencySlug: agency.slug, hasSearchWord };
}

/** Uploads (or reuses) the post's photos: the first is the cover, two or more make a gallery. */
async function attachPhotos(ctx: PostContext, p: PlannedPost): Promise<void> {
  const ids = await Promise.all(
    p.photos.map((n) => ctx.photos.mediaFor(p.post.agencyId, p.post.authorId, n)),
  );
  p.post.coverMediaId = ids[0] ?? null;
  if (ids.length > 1) p.gallery = ids;
}

export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

async function insertBatch(tx: Tx, planned: readonly PlannedPost[]): Promise<void> {
  // 18 columns × 100 rows stays far below SQLite's limit on bound parameters.
  for (const part of chunks(planned, 100))
    await tx
      .insertInto('posts')
      .values(part.map((p) => p.post))
      .execute();
  const tags = planned.flatMap((p) => p.tags.map((tag) => ({ postId: p.post.id, tag })));
  for (const part of chunks(tags, 400)) await tx.insertInto('postTags').values(part).execute();
  const gallery = planned.flatMap((p) =>
    p.gallery.map((mediaId, position) => ({ postId: p.post.id, mediaId, position })),
  );
  if (gallery.length) await tx.insertInto('postGallery').values(gallery).execute();
}

/** The generated HTML must be what the sanitiser would have stored, and the summary what the service makes. */
function assertClean(p: PlannedPost): void {
  if (sanitizePostHtml(p.post.bodyHtml) !== p.post.bodyHtml)
    throw new Error(`post ${p.post.slug}: body not clean`);
  if (htmlToText(p.post.bodyHtml).slice(0, 240) !== p.post.summary)
    throw new Error(`post ${p.post.slug}: summary differs from htmlToText`);
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

export async function seedPosts(ctx: PostContext): Promise<SeededPosts> {
  let article: PlannedPost | undefined;
  // Posts already there (the demo's) may hold the word too.
  let expectedHits = await countHits(ctx.db);
  let inserting = 0;
  const started = performance.now();
  for (let from = 0; from < ctx.total; from += BATCH) {
    const planned: PlannedPost[] = [];
    for (let i = from; i < Math.min(from + BATCH, ctx.total); i++) planned.push(planPost(ctx, i));
    // All at once: JPEG encoding is single-threaded, so two uploads keep both cores busy.
    await Promise.all(planned.map((p) => attachPhotos(ctx, p)));
    for (const p of planned.slice(0, 3)) assertClean(p);
    expectedHits += planned.filter((p) => p.hasSearchWord).length;
    article ??= planned.find((_, k) => from + k === Math.floor(ctx.total / 2));
    const insertStarted = performance.now();
    await ctx.db.transaction().execute((tx) => insertBatch(tx, planned));
    inserting += performance.now() - insertStarted;
    const done = Math.min(from + BATCH, ctx.total);
    if (done % 10_000 === 0 || done === ctx.total)
      ctx.progress(
        `  ${done}/${ctx.total} berita (${seconds(performance.now() - started)} dtk, ` +
          `sisip dan indeks ${seconds(inserting)} dtk)`,
      );
  }
  if (!article) throw new Error('no post to benchmark');
  const searchHits = await verifySearch(ctx.db, expectedHits);
  return { article: { agencySlug: article.agencySlug, slug: article.post.slug }, searchHits };
}

/** The search triggers must have indexed exactly the posts the seed wrote the word into. */
async function verifySearch(db: Db, expected: number): Promise<number> {
  const found = await countHits(db);
  if (found !== expected)
    throw new Error(`search "${SEARCH_WORD}" finds ${found} posts, the seed expected ${expected}`);
  return found;
}

async function countHits(db: Db): Promise<number> {
  return (await searchSite(db, { query: SEARCH_WORD, page: 1, kinds: ['post'] })).total;
}
