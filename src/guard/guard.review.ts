import { isSuperAdmin, type Actor } from '../accounts/accounts.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db, Tx } from '../db/database.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { updatePageContent } from '../pages/pages.repository.js';
import { now } from '../time/clock.js';
import { closeHold, findHold } from './guard.repository.js';
import type { ContentHold } from './guard.table.js';
import { m } from './messages.js';

/** Only the super admin decides holds: an OPD's own staff may be the ones whose account was taken. */
export const canReviewHolds = (actor: Actor): boolean => isSuperAdmin(actor);

async function decide(
  db: Db,
  actor: Actor,
  holdId: string,
  outcome: 'released' | 'rejected',
  apply: (tx: Tx, hold: ContentHold) => Promise<void>,
): Promise<ContentHold> {
  if (!canReviewHolds(actor)) throw new NotFoundError();
  return db.transaction().execute(async (tx) => {
    const hold = await findHold(tx, holdId);
    if (!hold) throw new NotFoundError();
    if (!(await closeHold(tx, hold.id, outcome, actor.userId))) throw new ConflictError(m.holdGone);
    await apply(tx, hold);
    await recordAudit(tx, {
      actorId: actor.userId,
      agencyId: hold.agencyId,
      action: outcome === 'released' ? 'content.released' : 'content.rejected',
      subjectType: hold.subjectType === 'post' ? 'post' : 'agency_page',
      subjectId: hold.subjectId,
      details: { holdId: hold.id, title: hold.title },
    });
    return hold;
  });
}

/** Publishes what was held: the post as it is now (edits refresh the hold), or the page's held text. */
export function releaseHold(db: Db, actor: Actor, holdId: string): Promise<ContentHold> {
  return decide(db, actor, holdId, 'released', async (tx, hold) => {
    const at = now();
    if (hold.subjectType === 'page') {
      await updatePageContent(tx, hold.agencyId, hold.subjectId, {
        title: hold.title,
        bodyHtml: hold.bodyHtml,
        updatedAt: at,
      });
      return;
    }
    const post = await tx
      .selectFrom('posts')
      .select(['publishedAt'])
      .where('agencyId', '=', hold.agencyId)
      .where('id', '=', hold.subjectId)
      .executeTakeFirst();
    if (!post) throw new ConflictError(m.holdGone);
    await tx
      .updateTable('posts')
      .set({
        status: 'published',
        publishedAt: post.publishedAt ?? at,
        publishAt: null,
        reviewNote: '',
        updatedAt: at,
      })
      .where('agencyId', '=', hold.agencyId)
      .where('id', '=', hold.subjectId)
      .execute();
  });
}

/** Keeps it off: a held post goes back to draft with a note; a page keeps its live text. */
export function rejectHold(db: Db, actor: Actor, holdId: string): Promise<ContentHold> {
  return decide(db, actor, holdId, 'rejected', async (tx, hold) => {
    if (hold.subjectType !== 'post') return;
    await tx
      .updateTable('posts')
      .set({ status: 'draft', reviewNote: m.rejectedNote, publishAt: null, updatedAt: now() })
      .where('agencyId', '=', hold.agencyId)
      .where('id', '=', hold.subjectId)
      .where('status', '!=', 'published')
      .execute();
  });
}
