import type { Db, Tx } from '../db/database.js';
import type { Actor } from '../accounts/accounts.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { now } from '../time/clock.js';
import { holdPostIfFlagged } from '../guard/guard.service.js';
import { canEditPost, canPublish } from './news.policy.js';
import { getPost } from './news.repository.js';
import type { PostAction } from './news.schemas.js';
import type { Post, PostStatus } from './news.table.js';

/**
 * The editorial workflow: which step may follow which status, who may take it, and the step itself
 * (guarded on the old status, recorded with who and when), plus publishing on schedule.
 */

const m = {
  altMissing: 'Setiap foto perlu keterangan (teks alternatif) sebelum berita diterbitkan.',
  publishAtPast: 'Waktu terbit terjadwal harus di masa depan.',
  publishAtMissing: 'Isi waktu terbit untuk menjadwalkan.',
  noteMissing: 'Tuliskan catatan untuk penulis.',
  notAllowed: 'Langkah ini tidak bisa dilakukan pada status berita sekarang.',
};

/** Which step may follow which status: the editorial workflow as data. */
export const TRANSITIONS: Record<
  PostAction,
  { from: PostStatus[]; to: PostStatus; needsPublisher: boolean }
> = {
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

/** Publishing needs a description of every photo, for readers who cannot see it. */
export async function assertPublishable(tx: Tx, post: Post) {
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

export async function step(
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
    // Judi-online spam is held for the super admin instead (src/guard): the post goes to review.
    const held = await holdPostIfFlagged(tx, actor.userId, post);
    if (held) return held;
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
    // Spam scheduled earlier is held now rather than published (src/guard).
    const scheduled = await tx
      .selectFrom('posts')
      .selectAll()
      .where('status', '=', 'scheduled')
      .where('publishAt', '<=', at)
      .execute();
    for (const post of scheduled) await holdPostIfFlagged(tx, null, post);
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
