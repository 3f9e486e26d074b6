import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../db/database.js';
import type { Actor } from '../accounts/accounts.policy.js';
import type { Agency } from '../agencies/agencies.table.js';
import { changedFields, recordAudit } from '../audit/audit.repository.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { closeHoldOfDeletedPost, screenEditedPost } from '../guard/guard.service.js';
import { now } from '../time/clock.js';
import { canDeletePost, canEditPost, canPublish, canWritePosts } from './news.policy.js';
import { categoriesOf, replaceGallery, replaceTags, slugsLike } from './news.repository.js';
import type { PostAction, PostInput } from './news.schemas.js';
import { assertPublishable, step, TRANSITIONS } from './news.workflow.js';
import type { Post } from './news.table.js';
import { htmlToText, sanitizePostHtml } from './sanitize.js';
import { slugify, uniqueSlug } from './slug.js';

const m = {
  mediaUnknown: 'Foto tidak ditemukan di pustaka media perangkat daerah ini.',
  categoryUnknown: 'Kategori tidak dikenal. Pilih dari daftar.',
  regionUnknown: 'Kelurahan tidak dikenal. Pilih dari daftar.',
};

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
      details: { title: post.title, after: { status: 'draft' } },
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
      details: { title: c.title, changed: changedFields(post, changes) },
    });
    const updated = { ...post, ...changes };
    // A published post stays publishable: its photos must keep their descriptions.
    if (updated.status === 'published') await assertPublishable(tx, updated);
    // An edit to published text is screened again: spam is taken down and held (src/guard).
    return (await screenEditedPost(tx, actor.userId, updated)) ?? updated;
  });
}

export async function deletePost(db: Db, actor: Actor, post: Post): Promise<void> {
  if (!canDeletePost(actor, post)) throw new ForbiddenError();
  await db.transaction().execute(async (tx) => {
    await closeHoldOfDeletedPost(tx, actor.userId, post);
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
    const restored = { ...post, ...changes };
    // An old version may be the spam an editor removed: screened like any edit (src/guard).
    return (await screenEditedPost(tx, actor.userId, restored)) ?? restored;
  });
}
