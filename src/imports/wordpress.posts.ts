import { createHash, randomUUID } from 'node:crypto';
import type { Tx } from '../db/database.js';
import { detect } from '../guard/guard.detect.js';
import { holdPostIfFlagged, takeDownPage } from '../guard/guard.service.js';
import { replaceGallery, replaceTags } from '../news/news.repository.js';
import type { Insertable } from 'kysely';
import type { AgencyPage, Post, PostRevisionTable, PostStatus } from '../news/news.table.js';
import { htmlToText } from '../news/sanitize.js';
import { slugify, uniqueSlug } from '../news/slug.js';
import { RESERVED_PAGE_SLUGS, hasContent } from '../pages/pages.service.js';
import { now } from '../time/clock.js';
import type { ImportedRow } from './imports.repository.js';
import { m } from './messages.js';
import { linkKey } from './redirects.keys.js';
import { convertBody, type MediaLookup } from './wordpress.content.js';
import type { WxrItem } from './wordpress.parse.js';

/** Bumped when the conversion changes, so the next run brings every item up to date once. */
const CONVERSION_VERSION = '1';

export interface Outcome {
  result: 'created' | 'updated' | 'unchanged' | 'skipped';
  warnings: string[];
  held?: boolean;
  path?: string;
}

/** What one batch needs, read once per run. */
export interface WriteContext {
  tx: Tx;
  agencyId: string;
  actorId: string | null;
  siteUrl: string;
  existing: Map<string, ImportedRow>;
  /** WordPress category slug → our category id */
  categories: Map<string, string>;
  /** author login → account id (matched by email in this agency) and the byline */
  authors: Map<string, { userId: string | null; byline: string }>;
  media: MediaLookup & { idFor(attachmentId: number): string | null; childrenOf(postId: number): string[] };
  postSlugs: Set<string>;
  pages: Map<string, AgencyPage>;
  ownHosts: string[];
  imported: ImportedRow[];
  redirects: Map<string, string>;
  staleRedirects: string[];
  pending: Pending;
}

export interface Pending {
  posts: Post[];
  revisions: Insertable<PostRevisionTable>[];
  tags: { postId: string; tag: string }[];
  gallery: { postId: string; mediaId: string; position: number }[];
  toHold: Post[];
}

/**
 * WordPress status → ours. private is imported as a draft (kept, not shown); trash, auto-draft and
 * attachments' inherit are skipped.
 */
export function statusOf(item: WxrItem): { status: PostStatus; warning?: string } | null {
  if (item.status === 'publish') return { status: 'published' };
  if (item.status === 'future') return { status: 'scheduled' };
  if (item.status === 'draft' || item.status === 'pending') return { status: 'draft' };
  if (item.status === 'private') return { status: 'draft', warning: m.privateDraft };
  return null;
}

export const hashOf = (item: WxrItem): string =>
  createHash('sha256')
    .update(JSON.stringify({ v: CONVERSION_VERSION, ...item, link: undefined }))
    .digest('hex');

const wpSlug = (item: WxrItem) =>
  /^[a-z0-9-]{1,80}$/.test(item.slug) ? item.slug : slugify(item.title || 'berita');

function oldKeys(ctx: WriteContext, item: WxrItem, idKeys: string[]): string[] {
  const keys = [...idKeys];
  const link = linkKey(item.link, ctx.siteUrl);
  if (link) keys.push(link);
  if (item.slug) keys.push(`slug:${item.slug.toLowerCase()}`);
  return keys;
}

function remember(ctx: WriteContext, keys: string[], to: string | null) {
  for (const key of keys) {
    if (to) ctx.redirects.set(key, to);
    else ctx.staleRedirects.push(key);
  }
}

interface Prepared {
  fields: Omit<Post, 'id' | 'agencyId' | 'slug' | 'activityDate' | 'regionId' | 'reviewNote' | 'createdAt'>;
  gallery: string[];
  tags: string[];
  warnings: string[];
  date: string;
}

/** The post as Balairung will hold it: body converted, photos, category and author matched. */
function prepare(ctx: WriteContext, item: WxrItem, status: PostStatus, warnings: string[]): Prepared {
  const conv = convertBody(item.content, ctx.media);
  warnings.push(...conv.warnings);
  const cover = item.thumbnailId ? ctx.media.idFor(item.thumbnailId) : null;
  if (item.thumbnailId && !cover) warnings.push(m.coverMissing(item.thumbnailId));
  const gallery = conv.galleryIds.flatMap((id) => {
    const found = ctx.media.idFor(id);
    if (!found) warnings.push(m.galleryMissing(id));
    return found ? [found] : [];
  });
  if (conv.galleryOfChildren) gallery.push(...ctx.media.childrenOf(item.wpId));
  const author = ctx.authors.get(item.authorLogin) ?? { userId: null, byline: item.authorLogin };
  const at = now();
  const date = item.dateGmt || at;
  const fields = {
    title: item.title.trim() || '(tanpa judul)',
    summary: (htmlToText(item.excerpt) || htmlToText(conv.bodyHtml)).slice(0, 240),
    bodyHtml: conv.bodyHtml,
    status,
    categoryId: item.categories.map((c) => ctx.categories.get(c.slug)).find(Boolean) ?? null,
    authorId: author.userId,
    byline: author.byline,
    coverMediaId: cover ?? gallery[0] ?? null,
    publishAt: status === 'scheduled' ? date : null,
    publishedAt: status === 'published' ? date : null,
    updatedAt: at,
  };
  const tags = [...new Set(item.tags.map((t) => t.name.trim().toLowerCase().slice(0, 60)).filter(Boolean))];
  return { fields, gallery: [...new Set(gallery)], tags, warnings, date };
}

const revisionOf = (ctx: WriteContext, post: Post) => ({
  id: randomUUID(),
  postId: post.id,
  title: post.title,
  summary: post.summary,
  bodyHtml: post.bodyHtml,
  authorId: ctx.actorId,
  createdAt: post.updatedAt,
});

/** A changed post: its row, gallery and tags replaced; a new revision only when its text changed. */
async function updateExisting(ctx: WriteContext, current: Post, p: Prepared): Promise<Post> {
  const post = { ...current, ...p.fields };
  await ctx.tx
    .updateTable('posts')
    .set(p.fields)
    .where('agencyId', '=', ctx.agencyId)
    .where('id', '=', current.id)
    .execute();
  await replaceGallery(ctx.tx, post.id, p.gallery);
  await replaceTags(ctx.tx, post.id, p.tags);
  if (current.title !== post.title || current.summary !== post.summary || current.bodyHtml !== post.bodyHtml)
    await ctx.tx.insertInto('postRevisions').values(revisionOf(ctx, post)).execute();
  return post;
}

/** A new post is queued and written with the rest of its batch in a few multi-row inserts. */
function queueNew(ctx: WriteContext, item: WxrItem, p: Prepared): Post {
  const slug = uniqueSlug(wpSlug(item), ctx.postSlugs);
  ctx.postSlugs.add(slug);
  const post: Post = {
    id: randomUUID(),
    agencyId: ctx.agencyId,
    slug,
    ...p.fields,
    activityDate: null,
    regionId: null,
    reviewNote: '',
    createdAt: p.date,
  };
  ctx.pending.posts.push(post);
  ctx.pending.revisions.push(revisionOf(ctx, post));
  ctx.pending.tags.push(...p.tags.map((tag) => ({ postId: post.id, tag })));
  ctx.pending.gallery.push(...p.gallery.map((mediaId, position) => ({ postId: post.id, mediaId, position })));
  return post;
}

export async function writePost(ctx: WriteContext, item: WxrItem): Promise<Outcome> {
  const hash = hashOf(item);
  const prev = ctx.existing.get(`post:${item.guid}`);
  if (prev?.contentHash === hash) return { result: 'unchanged', warnings: [] };
  const mapped = statusOf(item);
  if (!mapped) return { result: 'skipped', warnings: [] };
  const p = prepare(ctx, item, mapped.status, mapped.warning ? [mapped.warning] : []);
  const current = prev
    ? await ctx.tx
        .selectFrom('posts')
        .selectAll()
        .where('agencyId', '=', ctx.agencyId)
        .where('id', '=', prev.targetId)
        .executeTakeFirst()
    : undefined;
  const post = current ? await updateExisting(ctx, current, p) : queueNew(ctx, item, p);
  // Old news is screened like new: a flagged post goes to review with a hold, not onto the site.
  const held = post.status === 'published' && detect(post, ctx.ownHosts).flagged;
  if (held) {
    p.warnings.push(m.held);
    if (current) await holdPostIfFlagged(ctx.tx, ctx.actorId, post);
    else ctx.pending.toHold.push(post);
  }
  const path = `/berita/${post.slug}`;
  remember(ctx, oldKeys(ctx, item, [`p=${item.wpId}`]), post.status === 'published' && !held ? path : null);
  ctx.imported.push({ kind: 'post', sourceKey: item.guid, targetId: post.id, contentHash: hash });
  return { result: current ? 'updated' : 'created', warnings: p.warnings, held, path };
}

/** Writes the batch's new posts: a few statements instead of five per post. */
export async function flushNew(ctx: WriteContext): Promise<void> {
  const { posts, revisions, tags, gallery, toHold } = ctx.pending;
  // PostgreSQL takes at most 65,535 parameters per statement: 19 per post, 7 per revision.
  for (let i = 0; i < posts.length; i += 500)
    await ctx.tx
      .insertInto('posts')
      .values(posts.slice(i, i + 500))
      .execute();
  for (let i = 0; i < revisions.length; i += 500)
    await ctx.tx
      .insertInto('postRevisions')
      .values(revisions.slice(i, i + 500))
      .execute();
  for (let i = 0; i < tags.length; i += 5000)
    await ctx.tx
      .insertInto('postTags')
      .values(tags.slice(i, i + 5000))
      .execute();
  for (let i = 0; i < gallery.length; i += 5000)
    await ctx.tx
      .insertInto('postGallery')
      .values(gallery.slice(i, i + 5000))
      .execute();
  for (const post of toHold) await holdPostIfFlagged(ctx.tx, ctx.actorId, post);
  ctx.pending = emptyPending();
}

export const emptyPending = (): Pending => ({ posts: [], revisions: [], tags: [], gallery: [], toHold: [] });

function pageSlug(ctx: WriteContext, item: WxrItem): string {
  const base = wpSlug(item);
  const taken = new Set([...ctx.pages.keys(), ...RESERVED_PAGE_SLUGS]);
  // An empty page of ours with the same address (Profil, Kontak…) takes the old page's text.
  const same = ctx.pages.get(base);
  if (same && !RESERVED_PAGE_SLUGS.has(base) && !hasContent(same.bodyHtml)) return base;
  return uniqueSlug(base, taken);
}

/** A page has no draft in Balairung: only published WordPress pages come over. */
export async function writePage(ctx: WriteContext, item: WxrItem): Promise<Outcome> {
  const hash = hashOf(item);
  const prev = ctx.existing.get(`page:${item.guid}`);
  if (prev?.contentHash === hash) return { result: 'unchanged', warnings: [] };
  if (item.status !== 'publish') return { result: 'skipped', warnings: [] };
  const conv = convertBody(item.content, ctx.media);
  const at = now();
  const title = item.title.trim() || '(tanpa judul)';
  const current = prev ? [...ctx.pages.values()].find((p) => p.id === prev.targetId) : undefined;
  const slug = current?.slug ?? pageSlug(ctx, item);
  const existing = current ?? ctx.pages.get(slug);
  const page: AgencyPage = existing
    ? { ...existing, title, bodyHtml: conv.bodyHtml, updatedAt: at }
    : {
        id: randomUUID(),
        agencyId: ctx.agencyId,
        slug,
        title,
        bodyHtml: conv.bodyHtml,
        position: 100 + ctx.pages.size,
        updatedAt: at,
      };
  if (existing)
    await ctx.tx
      .updateTable('agencyPages')
      .set({ title, bodyHtml: page.bodyHtml, updatedAt: at })
      .where('agencyId', '=', ctx.agencyId)
      .where('id', '=', page.id)
      .execute();
  else await ctx.tx.insertInto('agencyPages').values(page).execute();
  ctx.pages.set(slug, page);
  const verdict = detect(page, ctx.ownHosts);
  if (verdict.flagged) await takeDownPage(ctx.tx, page, verdict);
  const warnings = verdict.flagged ? [...conv.warnings, m.held] : conv.warnings;
  remember(
    ctx,
    oldKeys(ctx, item, [`page_id=${item.wpId}`, `p=${item.wpId}`]),
    verdict.flagged ? null : `/${slug}`,
  );
  ctx.imported.push({ kind: 'page', sourceKey: item.guid, targetId: page.id, contentHash: hash });
  return { result: current ? 'updated' : 'created', warnings, held: verdict.flagged, path: `/${slug}` };
}
