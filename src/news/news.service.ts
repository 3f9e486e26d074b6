import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../db/database.js';
import type { Actor } from '../accounts/accounts.policy.js';
import type { Agency } from '../agencies/agencies.table.js';
import { recordAudit } from '../audit/audit.repository.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { now } from '../time/clock.js';
import { canDeletePost, canEditPost, canPublish, canWritePosts } from './news.policy.js';
import { categoriesOf, getPost, replaceGallery, replaceTags, slugsLike } from './news.repository.js';
import type { PostAction, PostInput } from './news.schemas.js';
import type { Post, PostStatus } from './news.table.js';
import { htmlToText, sanitizePostHtml } from './sanitize.js';
import { slugify, uniqueSlug } from './slug.js';

const m = {
  mediaUnknown: 'Foto tidak ditemukan di pustaka media perangkat daerah ini.',
  altMissing: 'Setiap foto perlu keterangan (teks alternatif) sebelum berita diterbitkan.',
  categoryUnknown: 'Kategori tidak dikenal. Pilih dari daftar.',
  regionUnknown: 'Kelurahan tidak dikenal. Pilih dari daftar.',
  publishAtPast: 'Waktu terbit terjadwal harus di masa depan.',
  publishAtMissing: 'Isi waktu terbit untuk menjadwalkan.',
  noteMissing: 'Tuliskan catatan untuk penulis.',
  notAllowed: 'Langkah ini tidak bisa dilakukan pada status berita sekarang.',
};

/** Which step may follow which status: the editorial workflow as data. */
const TRANSITIONS: Record<PostAction, { from: PostStatus[]; to: PostStatus; needsPublisher: boolean }> = {
  submit: { from: ['draft'], to: 'review', needsPublisher: false },
  publish: { from: ['draft', 'review', 'scheduled'], to: 'published', needsPublisher: true },
  schedule: { from: ['draft', 'review'], to: 'scheduled', needsPublisher: true },
  reject: { from: ['review', 'scheduled'], to: 'draft', needsPublisher: true },
  unpublish: { from: ['published', 'scheduled'], to: 'draft', needsPublisher: true },
};

export function allowedActions(actor: Actor, post: Post): PostAction[] {
  return (Object.keys(TRANSITIONS) as PostAction[]).filter((action) => {
    const rule = TRANSITIONS[action];
    if (!rule.from.includes(post.status)) return false;
    return rule.needsPublisher ? canPublish(actor, post.agencyId) : canEditPost(actor, post);
  });
}

interface CleanInput {
  title: string;
  summary: string;
  bodyHtml: string;
  categoryId: string | null;
  tags: string[];
  coverMediaId: string | null;
  galleryIds: string[];
  activityDate: string | null;
  regionId: string | null;
}

/** Checks every reference against this agency (media, category) and sanitises the body. */
async function clean(tx: Tx, agencyId: string, input: PostInput): Promise<CleanInput> {
  const bodyHtml = sanitizePostHtml(input.body_html ?? '');
  const galleryIds = [...new Set(input.gallery_media_ids ?? [])];
  const coverMediaId = input.cover_media_id || galleryIds[0] || null;
  const mediaIds = [...new Set([...(coverMediaId ? [coverMediaId] : []), ...galleryIds])];
  if (mediaIds.length) {
    const found = await tx
      .selectFrom('media')
      .select('id')
      .where('agencyId', '=', agencyId)
      .where('id', 'in', mediaIds)
      .execute();
    if (found.length !== mediaIds.length) throw new ValidationError({ gallery_media_ids: m.mediaUnknown });
  }
  let categoryId: string | null = null;
  if (input.category) {
    const category = (await categoriesOf(tx, agencyId)).find((c) => c.slug === input.category);
    if (!category) throw new ValidationError({ category: m.categoryUnknown });
    categoryId = category.id;
  }
  let regionId: string | null = null;
  if (input.region) {
    const region = await tx
      .selectFrom('regions')
      .select('id')
      .where('slug', '=', input.region)
      .executeTakeFirst();
    if (!region) throw new ValidationError({ region: m.regionUnknown });
    regionId = region.id;
  }
  const tags = [...new Set((input.tags ?? []).map((x) => x.trim().toLowerCase()).filter(Boolean))];
  return {
    title: input.title.trim(),
    summary: (input.summary ?? '').trim() || htmlToText(bodyHtml).slice(0, 240),
    bodyHtml,
    categoryId,
    tags,
    coverMediaId,
    galleryIds,
    activityDate: input.activity_date || null,
    regionId,
  };
}

async function saveRevision(
  tx: Tx,
  post: Pick<Post, 'id' | 'title' | 'summary' | 'bodyHtml'>,
  authorId: string,
) {
  await tx
    .insertInto('postRevisions')
    .values({
      id: randomUUID(),
      postId: post.id,
      title: post.title,
      summary: post.summary,
      bodyHtml: post.bodyHtml,
      authorId,
      createdAt: now(),
    })
    .execute();
}

/** Publishing needs a description of every photo, for readers who cannot see it. */
async function assertPublishable(tx: Tx, post: Post) {
  const ids = [
    ...(post.coverMediaId ? [post.coverMediaId] : []),
    ...(await tx.selectFrom('postGallery').select('mediaId').where('postId', '=', post.id).execute()).map(
      (r) => r.mediaId,
    ),
  ];
  if (!ids.length) return;
  const missing = await tx
    .selectFrom('media')
    .select('id')
    .where('agencyId', '=', post.agencyId)
    .where('id', 'in', ids)
    .where('alt', '=', '')
    .execute();
  if (missing.length) throw new ValidationError({ gallery_media_ids: m.altMissing });
}

/** Creates a draft (saved whole, with gallery, tags and a first revision), then takes the asked-for step. */
export async function createPost(
  db: Db,
  actor: Actor,
  agency: Agency,
  input: PostInput,
  then?: { action: PostAction; publishAt?: string },
): Promise<Post> {
  if (!canWritePosts(actor, agency.id)) throw new ForbiddenError();
  if (then && TRANSITIONS[then.action].needsPublisher && !canPublish(actor, agency.id))
    throw new ForbiddenError();
  return db.transaction().execute(async (tx) => {
    const c = await clean(tx, agency.id, input);
    const base = slugify(c.title);
    const at = now();
    const post: Post = {
      id: randomUUID(),
      agencyId: agency.id,
      slug: uniqueSlug(base, await slugsLike(tx, agency.id, base)),
      title: c.title,
      summary: c.summary,
      bodyHtml: c.bodyHtml,
      status: 'draft',
      categoryId: c.categoryId,
      authorId: actor.userId,
      byline: actor.name,
      coverMediaId: c.coverMediaId,
      activityDate: c.activityDate,
      regionId: c.regionId,
      reviewNote: '',
      publishAt: null,
      publishedAt: null,
      createdAt: at,
      updatedAt: at,
    };
    await tx.insertInto('posts').values(post).execute();
    await replaceGallery(tx, post.id, c.galleryIds);
    await replaceTags(tx, post.id, c.tags);
    await saveRevision(tx, post, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      agencyId: agency.id,
      action: 'post.created',
      subjectType: 'post',
      subjectId: post.id,
    });
    return then ? step(tx, actor, post, then.action, { publishAt: then.publishAt }) : post;
  });
}

/** Saves an edit; a changed text becomes a new revision. The slug stays, so shared links keep working. */
export async function updatePost(db: Db, actor: Actor, post: Post, input: PostInput): Promise<Post> {
  if (!canEditPost(actor, post)) throw new ForbiddenError();
  return db.transaction().execute(async (tx) => {
    const c = await clean(tx, post.agencyId, input);
    const changes = {
      title: c.title,
      summary: c.summary,
      bodyHtml: c.bodyHtml,
      categoryId: c.categoryId,
      coverMediaId: c.coverMediaId,
      activityDate: c.activityDate,
      regionId: c.regionId,
      updatedAt: now(),
    };
    await tx
      .updateTable('posts')
      .set(changes)
      .where('agencyId', '=', post.agencyId)
      .where('id', '=', post.id)
      .execute();
    await replaceGallery(tx, post.id, c.galleryIds);
    await replaceTags(tx, post.id, c.tags);
    if (c.title !== post.title || c.summary !== post.summary || c.bodyHtml !== post.bodyHtml)
      await saveRevision(tx, { id: post.id, ...c }, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      agencyId: post.agencyId,
      action: 'post.updated',
      subjectType: 'post',
      subjectId: post.id,
    });
    const updated = { ...post, ...changes };
    // A published post stays publishable: its photos must keep their descriptions.
    if (updated.status === 'published') await assertPublishable(tx, updated);
    return updated;
  });
}

async function step(
  tx: Tx,
  actor: Actor,
  post: Post,
  action: PostAction,
  options: { note?: string | undefined; publishAt?: string | undefined },
): Promise<Post> {
  const rule = TRANSITIONS[action];
  if (!allowedActions(actor, post).includes(action)) {
    if (rule.needsPublisher && !canPublish(actor, post.agencyId)) throw new ForbiddenError();
    throw new ValidationError({ _: m.notAllowed });
  }
  const at = now();
  const changes: Partial<Post> = { status: rule.to, updatedAt: at };
  if (action === 'publish') {
    await assertPublishable(tx, post);
    Object.assign(changes, { publishedAt: post.publishedAt ?? at, publishAt: null, reviewNote: '' });
  }
  if (action === 'schedule') {
    if (!options.publishAt) throw new ValidationError({ publish_at: m.publishAtMissing });
    if (options.publishAt <= at) throw new ValidationError({ publish_at: m.publishAtPast });
    await assertPublishable(tx, post);
    Object.assign(changes, { publishAt: options.publishAt });
  }
  if (action === 'reject') {
    if (!options.note?.trim()) throw new ValidationError({ note: m.noteMissing });
    Object.assign(changes, { reviewNote: options.note.trim(), publishAt: null });
  }
  if (action === 'unpublish') Object.assign(changes, { publishAt: null });
  // Guarded on the old status: two editors pressing at once move the post once.
  const result = await tx
    .updateTable('posts')
    .set(changes)
    .where('agencyId', '=', post.agencyId)
    .where('id', '=', post.id)
    .where('status', '=', post.status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new ValidationError({ _: m.notAllowed });
  await recordAudit(tx, {
    actorId: actor.userId,
    agencyId: post.agencyId,
    action: `post.${action}`,
    subjectType: 'post',
    subjectId: post.id,
    details: {
      from: post.status,
      to: rule.to,
      ...(options.note ? { note: options.note } : {}),
      ...(options.publishAt ? { publishAt: options.publishAt } : {}),
    },
  });
  return { ...post, ...changes } as Post;
}

/** One editorial step (submit, publish, schedule, send back, unpublish), recorded with who and when. */
export async function transitionPost(
  db: Db,
  actor: Actor,
  agencyId: string,
  postId: string,
  action: PostAction,
  options: { note?: string | undefined; publishAt?: string | undefined } = {},
): Promise<Post> {
  return db
    .transaction()
    .execute(async (tx) => step(tx, actor, await getPost(tx, agencyId, postId), action, options));
}

/**
 * Publishes every scheduled post whose time has come. The UPDATE is conditional on the status, so
 * with several processes each post is published exactly once; only the process whose UPDATE moved
 * a row records it.
 */
export async function publishDuePosts(db: Db, at = now()): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const due = await tx
      .updateTable('posts')
      .set((eb) => ({ status: 'published', publishedAt: eb.ref('publishAt'), updatedAt: at }))
      .where('status', '=', 'scheduled')
      .where('publishAt', '<=', at)
      .returning(['id', 'agencyId'])
      .execute();
    for (const p of due) {
      await recordAudit(tx, {
        actorId: null,
        agencyId: p.agencyId,
        action: 'post.published_on_schedule',
        subjectType: 'post',
        subjectId: p.id,
      });
    }
    return due.length;
  });
}

export async function deletePost(db: Db, actor: Actor, post: Post): Promise<void> {
  if (!canDeletePost(actor, post)) throw new ForbiddenError();
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('posts').where('agencyId', '=', post.agencyId).where('id', '=', post.id).execute();
    await recordAudit(tx, {
      actorId: actor.userId,
      agencyId: post.agencyId,
      action: 'post.deleted',
      subjectType: 'post',
      subjectId: post.id,
      details: { title: post.title },
    });
  });
}

/** Brings back an earlier version's text as a new revision (history is never rewritten). */
export async function restoreRevision(db: Db, actor: Actor, post: Post, revisionId: string): Promise<Post> {
  if (!canEditPost(actor, post)) throw new ForbiddenError();
  return db.transaction().execute(async (tx) => {
    const rev = await tx
      .selectFrom('postRevisions')
      .selectAll()
      .where('postId', '=', post.id)
      .where('id', '=', revisionId)
      .executeTakeFirst();
    if (!rev) throw new ValidationError({ _: 'Versi itu tidak ditemukan.' });
    const changes = { title: rev.title, summary: rev.summary, bodyHtml: rev.bodyHtml, updatedAt: now() };
    await tx
      .updateTable('posts')
      .set(changes)
      .where('agencyId', '=', post.agencyId)
      .where('id', '=', post.id)
      .execute();
    await saveRevision(tx, { id: post.id, ...changes }, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      agencyId: post.agencyId,
      action: 'post.revision_restored',
      subjectType: 'post',
      subjectId: post.id,
      details: { revisionId },
    });
    return { ...post, ...changes };
  });
}
