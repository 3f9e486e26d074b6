import { randomUUID } from 'node:crypto';
import type { Agency } from '../agencies/agencies.table.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { ownHosts } from '../guard/guard.repository.js';
import { categoriesOf } from '../news/news.repository.js';
import { slugify } from '../news/slug.js';
import { pagesOf } from '../pages/pages.service.js';
import type { Storage } from '../storage/storage.js';
import {
  countRedirects,
  dropRedirects,
  importedOf,
  saveImported,
  saveRedirects,
} from './imports.repository.js';
import { emptyReport, tally, type ImportReport } from './imports.report.js';
import { pathKey } from './redirects.keys.js';
import type { MediaSource } from './wordpress.media.js';
import { importPhotos } from './wordpress.photos.js';
import type { Wxr, WxrItem } from './wordpress.parse.js';
import { emptyPending, flushNew, writePage, writePost, type WriteContext } from './wordpress.posts.js';

export const SOURCE = 'wordpress';
/** Posts per transaction: large enough that commits do not dominate, small enough not to hold the write lock long. */
const BATCH = 200;

export interface ImportOptions {
  agency: Agency;
  wxr: Wxr;
  media: MediaSource;
  actorId: string | null;
  storage: Storage;
  onProgress?: (done: number, total: number) => Promise<void> | void;
}

/** WordPress categories become this agency's categories (matched by slug); their old addresses follow. */
async function importCategories(db: Db, agencyId: string, wxr: Wxr, redirects: Map<string, string>) {
  const ours = await categoriesOf(db, agencyId);
  const bySlug = new Map(ours.map((c) => [c.slug, c.id]));
  const map = new Map<string, string>();
  const used = new Map(wxr.items.flatMap((i) => i.categories).map((c) => [c.slug, c.name]));
  for (const c of wxr.categories) if (!used.has(c.slug)) used.set(c.slug, c.name);
  let position = ours.length;
  for (const [wpSlug, name] of used) {
    if (wpSlug === 'uncategorized' || wpSlug === 'tak-berkategori') continue;
    const slug = /^[a-z0-9-]{1,40}$/.test(wpSlug) ? wpSlug : slugify(name, 40);
    let id = bySlug.get(slug);
    if (!id) {
      id = randomUUID();
      await db
        .insertInto('categories')
        .values({ id, agencyId, slug, name: name.slice(0, 80), position: position++ })
        .execute();
      bySlug.set(slug, id);
    }
    map.set(wpSlug, id);
    const to = `/berita?kategori=${slug}`;
    redirects.set(`path:/category/${wpSlug}`, to);
    const term = wxr.categories.find((c) => c.slug === wpSlug);
    if (term?.wpId) redirects.set(`cat=${term.wpId}`, to);
  }
  for (const tag of wxr.tags) {
    const key = pathKey(`/tag/${tag.slug}`);
    if (key && tag.name) redirects.set(key, `/cari?q=${encodeURIComponent(tag.name)}`);
  }
  return map;
}

/** Authors matched to this agency's accounts by email; the others keep their name as a byline. */
async function matchAuthors(db: Db, agencyId: string, wxr: Wxr) {
  const members = await db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.userId', 'users.id')
    .select(['users.id', 'users.email', 'users.name'])
    .where('memberships.agencyId', '=', agencyId)
    .execute();
  const byEmail = new Map(members.map((u) => [u.email.toLowerCase(), u]));
  return new Map(
    wxr.authors.map((a) => {
      const user = a.email ? byEmail.get(a.email) : undefined;
      return [
        a.login,
        user ? { userId: user.id, byline: user.name } : { userId: null, byline: a.displayName },
      ];
    }),
  );
}

/**
 * Imports a parsed export into one agency: categories, photos (each once, through the media
 * pipeline), then posts and pages in batches, each batch one transaction with its bookkeeping
 * (imported_items, legacy_redirects), so a failure leaves whole batches and a rerun finishes the job.
 */
type Shared = Omit<WriteContext, 'tx' | 'imported' | 'staleRedirects' | 'pending'>;

/** One batch, one transaction: the items, then their bookkeeping, so a batch is there whole or not at all. */
async function importBatch(db: Db, shared: Shared, items: readonly WxrItem[], report: ImportReport) {
  await db.transaction().execute(async (tx) => {
    const ctx: WriteContext = { ...shared, tx, imported: [], staleRedirects: [], pending: emptyPending() };
    for (const item of items) {
      const outcome = item.kind === 'page' ? await writePage(ctx, item) : await writePost(ctx, item);
      tally(report, item, outcome);
    }
    await flushNew(ctx);
    await saveImported(tx, ctx.agencyId, SOURCE, ctx.imported);
    const stale = ctx.staleRedirects.filter((k) => !ctx.redirects.has(k));
    await dropRedirects(tx, ctx.agencyId, stale);
    await saveRedirects(tx, ctx.agencyId, ctx.redirects);
    ctx.redirects.clear();
  });
}

async function sharedContext(db: Db, options: ImportOptions, report: ImportReport): Promise<Shared> {
  const { agency, wxr } = options;
  const existing = await importedOf(db, agency.id, SOURCE);
  const redirects = new Map<string, string>();
  const categories = await importCategories(db, agency.id, wxr, redirects);
  const authors = await matchAuthors(db, agency.id, wxr);
  const media = await importPhotos(db, options, existing, report, redirects);
  const slugs = await db.selectFrom('posts').select('slug').where('agencyId', '=', agency.id).execute();
  return {
    agencyId: agency.id,
    actorId: options.actorId,
    siteUrl: wxr.siteUrl,
    existing,
    categories,
    authors,
    media,
    postSlugs: new Set(slugs.map((r) => r.slug)),
    pages: new Map((await pagesOf(db, agency)).map((p) => [p.slug, p])),
    ownHosts: await ownHosts(db),
    redirects,
  };
}

export async function importWordPress(db: Db, options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const { agency, wxr } = options;
  const report = emptyReport();
  const content = wxr.items.filter((i) => i.kind !== 'attachment');
  await options.onProgress?.(0, content.length);
  const shared = await sharedContext(db, options, report);
  for (let i = 0; i < content.length; i += BATCH) {
    await importBatch(db, shared, content.slice(i, i + BATCH), report);
    await options.onProgress?.(Math.min(i + BATCH, content.length), content.length);
  }
  report.redirects = await countRedirects(db, agency.id);
  report.seconds = (Date.now() - started) / 1000;
  await recordAudit(db, {
    actorId: options.actorId,
    agencyId: agency.id,
    action: 'import.wordpress',
    subjectType: 'agency',
    subjectId: agency.id,
    details: { posts: report.posts, pages: report.pages, media: report.media, held: report.held.length },
  });
  return report;
}
