// The volume seed (`npm run balairung -- seed-volume`, and the benchmarks in bench/): many published
// posts and complaints in the demo city, on SQLite or PostgreSQL, by batched inserts in transactions
// (volume-posts.ts, volume-complaints.ts). Only on a demo installation, and only once: a second run
// finds the first one's rows and refuses, rather than doubling them.
import path from 'node:path';
import { sql } from 'kysely';
import type { Db, Dialect } from '../db/database.js';
import { findInstallation } from '../agencies/agencies.repository.js';
import { complaintSettingsOf, settingsOf } from '../agencies/settings.js';
import * as pontianak from '../agencies/seed/pontianak.js';
import { categoriesOf } from '../news/news.repository.js';
import { postPath } from '../news/news.queries.js';
import { createLocalStorage } from '../storage/storage.js';
import { seedComplaints, VOLUME_COMPLAINT_DESCRIPTION } from './volume-complaints.js';
import { PHOTO_COUNT, photoLibrary } from './volume-photos.js';
import { SEARCH_WORD, seedPosts, WITH_COVER, type VolumeAgency } from './volume-posts.js';

export const DEFAULT_AGENCY_COUNT = 30;
const TWO_YEARS_MS = 2 * 365 * 86_400_000;
/** Every volume post opens with this dateline, so its summary does too: how a second run recognises the first. */
const DATELINE = 'PONTIANAK - ';

export interface VolumeOptions {
  posts: number;
  complaints: number;
  /** the OPDs posts (and assigned complaints) are spread over: the first N of the demo city */
  agencyCount?: number | undefined;
  /** where the media folder is (photos are uploaded as the app does) */
  dataDir: string;
  /** how many of the newest posts get a cover photo; 40 unless told (tests ask for fewer) */
  covers?: number | undefined;
}

export interface VolumeResult {
  posts: number;
  complaints: number;
  agencies: number;
  photoUploads: number;
  photosPerAgency: number;
  /** the middle post of the seed, for the bench; null without posts */
  articlePath: string | null;
  searchWord: string;
  searchHits: number;
  seconds: number;
}

/** A refusal the CLI shows as it is (Bahasa Indonesia); nothing has been written. */
export class VolumeSeedError extends Error {}

/** The installation's agencies in the demo city's order, each with its first admin as the author. */
async function loadAgencies(db: Db, count: number): Promise<VolumeAgency[]> {
  const rows = await db.selectFrom('agencies').select(['id', 'slug', 'name']).execute();
  const order = new Map(pontianak.agencies.map((a, i) => [a.slug, i]));
  const rank = (slug: string) => order.get(slug) ?? order.size;
  rows.sort((a, b) => rank(a.slug) - rank(b.slug) || a.slug.localeCompare(b.slug));
  if (rows.length < count)
    throw new VolumeSeedError(`--agency-count ${count}: instalasi ini hanya punya ${rows.length} OPD.`);
  const agencies: VolumeAgency[] = [];
  for (const row of rows.slice(0, count)) {
    const author = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.userId')
      .select(['users.id', 'users.name'])
      .where('memberships.agencyId', '=', row.id)
      .where('memberships.role', '=', 'admin')
      .orderBy('users.email')
      .executeTakeFirst();
    agencies.push({
      ...row,
      authorId: author?.id ?? null,
      byline: author?.name ?? row.name,
      categories: await categoriesOf(db, row.id),
    });
  }
  return agencies;
}

/** Refuses, before writing anything, what would double an earlier run or touch a real installation. */
async function checkFirstRun(db: Db, options: VolumeOptions): Promise<void> {
  const installation = await findInstallation(db);
  if (!installation || !settingsOf(installation).demo)
    throw new VolumeSeedError(
      'seed-volume hanya untuk instalasi demo (BALAIRUNG_SEED=demo): instalasi ini bukan demo.',
    );
  const posts = await db
    .selectFrom('posts')
    .select('id')
    .where('summary', 'like', `${DATELINE}%`)
    .executeTakeFirst();
  if (options.posts > 0 && posts)
    throw new VolumeSeedError(
      'Basis data ini sudah berisi berita dari seed-volume. Jalankan pada basis data demo yang baru ' +
        '(folder data atau skema kosong), atau pakai --posts 0 untuk hanya menambah aduan.',
    );
  const complaints = await db
    .selectFrom('complaints')
    .select('id')
    .where('description', '=', VOLUME_COMPLAINT_DESCRIPTION)
    .executeTakeFirst();
  if (options.complaints > 0 && complaints)
    throw new VolumeSeedError(
      'Basis data ini sudah berisi aduan dari seed-volume. Jalankan pada basis data demo yang baru ' +
        '(folder data atau skema kosong), atau pakai --complaints 0 untuk hanya menambah berita.',
    );
}

async function seedAllPosts(db: Db, options: VolumeOptions, agencies: VolumeAgency[], progress: Progress) {
  const photos = await photoLibrary(db, createLocalStorage(path.join(options.dataDir, 'media')));
  const existing = await db.selectFrom('posts').select(['agencyId', 'slug']).execute();
  const slugs = new Map<string, Set<string>>();
  for (const p of existing) slugs.set(p.agencyId, (slugs.get(p.agencyId) ?? new Set()).add(p.slug));
  progress(`${options.posts} berita di ${agencies.length} OPD…`);
  const seeded = await seedPosts({
    db,
    photos,
    agencies,
    kelurahan: await db
      .selectFrom('regions')
      .select(['id', 'name'])
      .where('kind', '=', 'kelurahan')
      .execute(),
    slugs,
    total: options.posts,
    covers: options.covers ?? WITH_COVER,
    start: Date.now() - TWO_YEARS_MS,
    progress,
  });
  return { ...seeded, photoUploads: photos.uploads() };
}

type Progress = (line: string) => void;

export async function seedVolume(
  handle: { db: Db; dialect: Dialect },
  options: VolumeOptions,
  progress: Progress = () => undefined,
): Promise<VolumeResult> {
  const { db, dialect } = handle;
  const started = performance.now();
  await checkFirstRun(db, options);
  const agencies = await loadAgencies(db, options.agencyCount ?? DEFAULT_AGENCY_COUNT);
  await tuneSqlite(db, dialect, 'seed');
  try {
    const posts = options.posts > 0 ? await seedAllPosts(db, options, agencies, progress) : undefined;
    if (options.complaints > 0) progress(`${options.complaints} aduan…`);
    const installation = (await findInstallation(db))!;
    await seedComplaints({
      db,
      // Without --agency-count, complaints go to every OPD, as a city's would.
      agencyIds: options.agencyCount
        ? agencies.map((a) => a.id)
        : (await db.selectFrom('agencies').select('id').execute()).map((a) => a.id),
      categoryIds: (await db.selectFrom('complaintCategories').select('id').execute()).map((c) => c.id),
      codePrefix: complaintSettingsOf(installation).codePrefix,
      total: options.complaints,
      progress,
    });
    await tidyUp(db, dialect);
    return {
      posts: options.posts,
      complaints: options.complaints,
      agencies: agencies.length,
      photoUploads: posts?.photoUploads ?? 0,
      photosPerAgency: PHOTO_COUNT,
      articlePath: posts ? postPath(posts.article) : null,
      searchWord: SEARCH_WORD,
      searchHits: posts?.searchHits ?? 0,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await tuneSqlite(db, dialect, 'serve');
  }
}

/**
 * SQLite for a bulk load. Every commit waits for the disk (synchronous = FULL, for filed complaints);
 * a seed that fails half-way is started again on a fresh folder, so it commits without waiting. The
 * cache holds 2 MB; the indexes on random keys (ids, tracking codes) are written all over as they
 * grow, and a large cache keeps those pages in memory instead of reading them back from the file.
 */
async function tuneSqlite(db: Db, dialect: Dialect, mode: 'seed' | 'serve'): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql.raw(`pragma synchronous = ${mode === 'seed' ? 'normal' : 'full'}`).execute(db);
  await sql.raw(`pragma cache_size = ${mode === 'seed' ? -256_000 : -2000}`).execute(db);
}

/** Statistics for the planner after a bulk load (PostgreSQL), the WAL folded back in (SQLite). */
async function tidyUp(db: Db, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`analyze posts, post_tags, search_documents, complaints, complaint_assignees`.execute(db);
  } else {
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
  }
}
