import { isSuperAdmin, rolesIn, type Actor } from '../accounts/accounts.policy.js';
import type { Post } from './news.table.js';

/** Writes posts (as drafts at least): authors, editors and admins of the agency. */
export const canWritePosts = (actor: Actor, agencyId: string): boolean =>
  isSuperAdmin(actor) ||
  rolesIn(actor, agencyId).some((r) => r === 'admin' || r === 'editor' || r === 'author');

/** Publishes, schedules, sends back and unpublishes: editors and admins. */
export const canPublish = (actor: Actor, agencyId: string): boolean =>
  isSuperAdmin(actor) || rolesIn(actor, agencyId).some((r) => r === 'admin' || r === 'editor');

/** An author edits their own post until an editor has published it; editors edit any. */
export const canEditPost = (actor: Actor, post: Post): boolean =>
  canPublish(actor, post.agencyId) ||
  (canWritePosts(actor, post.agencyId) &&
    post.authorId === actor.userId &&
    (post.status === 'draft' || post.status === 'review'));

export const canDeletePost = (actor: Actor, post: Post): boolean =>
  canPublish(actor, post.agencyId) || (canEditPost(actor, post) && post.status === 'draft');
