import type { DbOrTx, Tx } from '../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import { enqueueMail } from '../mail/outbox.js';
import { superAdminEmails } from '../monitoring/monitoring.recipients.js';
import type { AgencyPage, Post } from '../news/news.table.js';
import { updatePageContent } from '../pages/pages.repository.js';
import { now } from '../time/clock.js';
import { detect, type GuardContent, type Verdict } from './guard.detect.js';
import { closeHold, findOpenHold, ownHosts, upsertOpenHold } from './guard.repository.js';
import type { HoldSubject } from './guard.table.js';
import { m } from './messages.js';

/**
 * Where content meets the guard: a post about to be published (by a person or on schedule), a
 * published post edited, a page saved. Flagged content is kept off the public site and held for
 * the super admin, who is told by mail; each hold is in the audit log. Deciding a hold is in
 * guard.review.ts.
 */

export async function verdictFor(tx: Tx, content: GuardContent): Promise<Verdict> {
  return detect(content, await ownHosts(tx));
}

const auditSubject = (type: HoldSubject) => (type === 'post' ? 'post' : 'agency_page');

interface Held {
  agencyId: string;
  subjectType: HoldSubject;
  subjectId: string;
  title: string;
  bodyHtml: string;
}

/** Opens (or refreshes) the hold, records it, and on a new hold writes the super admins a mail. */
async function openHold(tx: Tx, actorId: string | null, held: Held, verdict: Verdict): Promise<void> {
  const { id, fresh } = await upsertOpenHold(tx, {
    ...held,
    reasons: verdict.reasons,
    score: verdict.score,
    heldBy: actorId,
  });
  await recordAudit(tx, {
    actorId,
    agencyId: held.agencyId,
    action: 'content.held',
    subjectType: auditSubject(held.subjectType),
    subjectId: held.subjectId,
    details: { holdId: id, title: held.title, score: verdict.score, reasons: verdict.reasons },
  });
  if (fresh) await alertSuperAdmins(tx, held, verdict.reasons);
}

async function alertSuperAdmins(tx: Tx, held: Held, reasons: string[]): Promise<void> {
  const [agency, installation, recipients] = await Promise.all([
    tx.selectFrom('agencies').select('name').where('id', '=', held.agencyId).executeTakeFirst(),
    tx.selectFrom('installation').select('mainHost').executeTakeFirst(),
    superAdminEmails(tx),
  ]);
  const name = agency?.name ?? '';
  const text = m.mailBody({
    agency: name,
    kind: m.subject[held.subjectType],
    title: held.title,
    reasons,
    link: `https://${installation?.mainHost ?? 'localhost'}/admin/tinjauan-konten`,
  });
  for (const to of recipients) await enqueueMail(tx, { to, subject: m.mailSubject(name), text });
}

/** The held post was deleted: nothing is left to publish, so its hold leaves the review queue. */
export const closeHoldOfDeletedPost = (tx: Tx, actorId: string, post: Post) =>
  supersede(tx, actorId, 'post', post.agencyId, post.id);

/** A clean version replaced what was held: the hold is closed so a later release cannot bring spam back. */
async function supersede(tx: Tx, actorId: string | null, type: HoldSubject, agencyId: string, id: string) {
  const open = await findOpenHold(tx, agencyId, type, id);
  if (!open || !(await closeHold(tx, open.id, 'superseded', actorId))) return;
  await recordAudit(tx, {
    actorId,
    agencyId,
    action: 'content.hold_superseded',
    subjectType: auditSubject(type),
    subjectId: id,
    details: { holdId: open.id },
  });
}

/**
 * Before a post goes public: a flagged post is moved to review instead (guarded on its status, like
 * every step) with the reasons as its note, and returned; a clean one returns null.
 */
export async function holdPostIfFlagged(tx: Tx, actorId: string | null, post: Post): Promise<Post | null> {
  const verdict = await verdictFor(tx, post);
  if (!verdict.flagged) {
    await supersede(tx, actorId, 'post', post.agencyId, post.id);
    return null;
  }
  const changes = { status: 'review' as const, reviewNote: m.postHeldNote(verdict.reasons), publishAt: null };
  const moved = await tx
    .updateTable('posts')
    .set({ ...changes, updatedAt: now() })
    .where('agencyId', '=', post.agencyId)
    .where('id', '=', post.id)
    .where('status', '=', post.status)
    .executeTakeFirst();
  // Moved meanwhile by someone else: the caller's own guarded step then fails as usual.
  if (Number(moved.numUpdatedRows) !== 1) return null;
  await openHold(tx, actorId, { ...post, subjectType: 'post', subjectId: post.id }, verdict);
  return { ...post, ...changes };
}

/** After an edit: a published post is screened again; a held one has its hold refreshed or closed. */
export async function screenEditedPost(tx: Tx, actorId: string, post: Post): Promise<Post | null> {
  if (post.status === 'published') return holdPostIfFlagged(tx, actorId, post);
  const open = await findOpenHold(tx, post.agencyId, 'post', post.id);
  if (!open) return null;
  const verdict = await verdictFor(tx, post);
  if (!verdict.flagged) await supersede(tx, actorId, 'post', post.agencyId, post.id);
  else await openHold(tx, actorId, { ...post, subjectType: 'post', subjectId: post.id }, verdict);
  return null;
}

/**
 * Before a page's new text goes live (a page has no draft: what is saved is shown). A flagged text
 * is kept in the hold and the page stays as it was; the reasons are returned.
 */
export async function holdPageIfFlagged(
  tx: Tx,
  actorId: string,
  page: AgencyPage,
  proposed: { title: string; bodyHtml: string },
): Promise<string[] | null> {
  const verdict = await verdictFor(tx, proposed);
  if (!verdict.flagged) {
    await supersede(tx, actorId, 'page', page.agencyId, page.id);
    return null;
  }
  await openHold(
    tx,
    actorId,
    { agencyId: page.agencyId, subjectType: 'page', subjectId: page.id, ...proposed },
    verdict,
  );
  return verdict.reasons;
}

/** The editor's notice after a save or step, when the guard held the post; null otherwise. */
export async function postHeldFlash(db: DbOrTx, post: Post): Promise<string | null> {
  if (post.status !== 'review') return null;
  return (await findOpenHold(db, post.agencyId, 'post', post.id)) ? m.postHeldFlash : null;
}

/**
 * A live page found flagged by the scan: its text is held and the page emptied (so it leaves the
 * menu and the search index) until the super admin releases it back or rejects it.
 */
export async function takeDownPage(tx: Tx, page: AgencyPage, verdict: Verdict): Promise<void> {
  const held = { agencyId: page.agencyId, subjectType: 'page' as const, subjectId: page.id };
  await openHold(tx, null, { ...held, title: page.title, bodyHtml: page.bodyHtml }, verdict);
  await updatePageContent(tx, page.agencyId, page.id, { title: page.title, bodyHtml: '', updatedAt: now() });
}
