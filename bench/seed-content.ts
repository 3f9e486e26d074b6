// Fills a fresh data folder (SQLite) with the demo city and N published posts for the benchmarks.
//   npx tsx bench/seed-content.ts --data DIR [--posts 2000]
// 30 agencies, publishedAt spread evenly over the last two years, ~400-word bodies, categories, tags,
// a kelurahan on half of them; the newest 40 with a cover photo (every fourth also with a gallery).
// Posts go in by batched inserts into `posts` (the search triggers index them as the app's own
// writes do), not through createPost: at 100,000 posts that is minutes instead of an hour. What
// createPost adds beyond the row (a first revision, an audit event) no public page reads.
// Writes DIR/bench-content.json: the article to benchmark, the search word and what it must find.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createDatabase, type Db, type Tx } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/seed/seed.js';
import { createLocalStorage } from '../src/storage/storage.js';
import { categoriesOf } from '../src/news/news.repository.js';
import { postPath } from '../src/news/news.queries.js';
import { htmlToText, sanitizePostHtml } from '../src/news/sanitize.js';
import { slugify, uniqueSlug } from '../src/news/slug.js';
import type { Category, Post } from '../src/news/news.table.js';
import { searchSite } from '../src/search/search.service.js';
import * as pontianak from '../src/agencies/seed/pontianak.js';
import { PHOTO_COUNT, photoLibrary, type PhotoLibrary } from './content/photos.js';
import {
  between,
  makeBody,
  type Body,
  makeTitle,
  mulberry32,
  pick,
  TOPICS,
  wordsOf,
} from './content/text.js';

const AGENCY_COUNT = 30;
const WITH_COVER = 40;
const BATCH = 1000;
const SEARCH_WORD = 'banjir';
const TWO_YEARS_MS = 2 * 365 * 86_400_000;
/** Asia/Pontianak, for the activity date of a post */
const ZONE_OFFSET_MS = 7 * 3_600_000;

interface SeedAgency {
  id: string;
  slug: string;
  name: string;
  authorId: string;
  byline: string;
  categories: Category[];
}

interface Context {
  db: Db;
  photos: PhotoLibrary;
  agencies: SeedAgency[];
  kelurahan: { id: string; name: string }[];
  slugs: Map<string, Set<string>>;
  total: number;
  start: number;
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

async function loadAgencies(db: Db): Promise<SeedAgency[]> {
  const wanted = pontianak.agencies.slice(0, AGENCY_COUNT);
  const agencies: SeedAgency[] = [];
  for (const a of wanted) {
    const row = await db
      .selectFrom('agencies')
      .selectAll()
      .where('slug', '=', a.slug)
      .executeTakeFirstOrThrow();
    const author = await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('email', '=', `admin1@${a.slug}.${pontianak.installation.hostSuffix}`)
      .executeTakeFirstOrThrow();
    const categories = await categoriesOf(db, row.id);
    agencies.push({
      id: row.id,
      slug: row.slug,
      name: row.name,
      authorId: author.id,
      byline: author.name,
      categories,
    });
  }
  return agencies;
}

/** The first free slug for the title in this agency, as createPost would choose it. */
function takeSlug(ctx: Context, agencyId: string, title: string): string {
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
  categoryId: string;
  regionId: string | null;
}

function publishedRow(agency: SeedAgency, at: Date, c: Content): Post {
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
function planPost(ctx: Context, i: number): PlannedPost {
  const random = mulberry32(1_000_003 * (i + 1));
  const agency = pick(random, ctx.agencies);
  const at = new Date(ctx.start + Math.floor(((i + 1) * TWO_YEARS_MS) / ctx.total));
  const topic = pick(random, TOPICS);
  const region = random() < 0.5 ? pick(random, ctx.kelurahan) : undefined;
  const place = region ? `Kelurahan ${region.name}` : pick(random, ['Aula Kantor Wali Kota', 'Balai Kota']);
  const title = makeTitle(random, {
    topic: topic.name,
    agencyName: agency.name,
    place,
    year: at.getUTCFullYear(),
  });
  const body = makeBody(random, `PONTIANAK - ${agency.name}.`);
  const newest = ctx.total - 1 - i;
  const photos = newest >= WITH_COVER ? [] : newest % 4 === 0 ? [newest, newest + 1] : [newest];
  const post = publishedRow(agency, at, {
    title,
    slug: takeSlug(ctx, agency.id, title),
    body,
    categoryId: pick(random, agency.categories).id,
    regionId: region?.id ?? null,
  });
  const tags = topic.tags.slice(0, between(random, 1, topic.tags.length));
  const hasSearchWord = wordsOf(`${title} ${body.text}`).has(SEARCH_WORD);
  return { post, tags, photos, gallery: [], agencySlug: agency.slug, hasSearchWord };
}

/** Uploads (or reuses) the post's photos: the first is the cover, two or more make a gallery. */
async function attachPhotos(ctx: Context, p: PlannedPost): Promise<void> {
  const ids = await Promise.all(
    p.photos.map((n) => ctx.photos.mediaFor(p.post.agencyId, p.post.authorId, n)),
  );
  p.post.coverMediaId = ids[0] ?? null;
  if (ids.length > 1) p.gallery = ids;
}

function chunks<T>(list: readonly T[], size: number): T[][] {
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

async function seedPosts(ctx: Context): Promise<{ article: PlannedPost; expectedHits: number }> {
  let article: PlannedPost | undefined;
  let expectedHits = 0;
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
    if (done % 10_000 === 0 || done === ctx.total) {
      const s = (ms: number) => (ms / 1000).toFixed(1);
      console.log(
        `  ${done}/${ctx.total} posts (${s(performance.now() - started)} s, inserts and indexing ${s(inserting)} s)`,
      );
    }
  }
  if (!article) throw new Error('no post to benchmark');
  return { article, expectedHits };
}

async function verifySearch(db: Db, expected: number): Promise<number> {
  const found = await searchSite(db, { query: SEARCH_WORD, page: 1, kinds: ['post'] });
  if (found.total !== expected)
    throw new Error(`search "${SEARCH_WORD}" finds ${found.total} posts, the seed wrote ${expected}`);
  return found.total;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { posts: { type: 'string', default: '2000' }, data: { type: 'string' } },
  });
  const total = Number(values.posts);
  if (!Number.isInteger(total) || total < WITH_COVER)
    throw new Error(`--posts must be a whole number ≥ ${WITH_COVER}`);
  if (!values.data) throw new Error('usage: npx tsx bench/seed-content.ts --data DIR [--posts N]');
  const dataDir = path.resolve(values.data);
  if (existsSync(path.join(dataDir, 'balairung.sqlite')))
    throw new Error(`${dataDir} already holds a database`);

  const started = performance.now();
  const handle = createDatabase({ dataDir });
  const db = handle.db;
  try {
    await migrateToLatest(handle);
    const password = randomBytes(12).toString('base64url');
    await seedDemo(db, password);
    const ctx: Context = {
      db,
      photos: await photoLibrary(db, createLocalStorage(path.join(dataDir, 'media'))),
      agencies: await loadAgencies(db),
      kelurahan: await db
        .selectFrom('regions')
        .select(['id', 'name'])
        .where('kind', '=', 'kelurahan')
        .execute(),
      slugs: new Map(),
      total,
      start: Date.now() - TWO_YEARS_MS,
    };
    console.log(`seeding ${total} posts over ${ctx.agencies.length} agencies into ${dataDir}`);
    const { article, expectedHits } = await seedPosts(ctx);
    const searchHits = await verifySearch(db, expectedHits);
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
    const seconds = (performance.now() - started) / 1000;
    const manifest = {
      posts: total,
      agencies: ctx.agencies.length,
      photoUploads: ctx.photos.uploads(),
      photosPerAgency: PHOTO_COUNT,
      articlePath: postPath({ agencySlug: article.agencySlug, slug: article.post.slug }),
      searchWord: SEARCH_WORD,
      searchHits,
      demoPassword: password,
      seconds: Math.round(seconds * 10) / 10,
      seededAt: new Date().toISOString(),
    };
    writeFileSync(path.join(dataDir, 'bench-content.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(
      `done in ${manifest.seconds} s: ${total} posts, ${manifest.photoUploads} photo uploads; ` +
        `search "${SEARCH_WORD}" finds ${searchHits}; article ${manifest.articlePath}`,
    );
  } finally {
    await handle.close();
  }
}

await main();
