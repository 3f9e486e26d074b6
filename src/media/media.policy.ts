import { isSuperAdmin, rolesIn, type Actor } from '../accounts/accounts.policy.js';
import type { AgencyRole } from '../accounts/accounts.table.js';
import type { Media } from './media.table.js';

/** The roles that write the agency's news, and so upload its photos and choose from its library. */
const WRITERS: readonly AgencyRole[] = ['admin', 'editor', 'author'];
const EDITORS: readonly AgencyRole[] = ['admin', 'editor'];

const hasRole = (actor: Actor, agencyId: string, roles: readonly AgencyRole[]) =>
  rolesIn(actor, agencyId).some((r) => roles.includes(r));

/** Uploads photos and sees the whole library (an author picks photos others took, too). */
export const canUploadMedia = (actor: Actor, agencyId: string): boolean =>
  isSuperAdmin(actor) || hasRole(actor, agencyId, WRITERS);

/** Edits the texts of, or deletes, a photo: editors and admins any of the agency's, an author their own. */
export const canManageMedia = (actor: Actor, media: Pick<Media, 'agencyId' | 'createdBy'>): boolean =>
  isSuperAdmin(actor) ||
  hasRole(actor, media.agencyId, EDITORS) ||
  (hasRole(actor, media.agencyId, ['author']) && media.createdBy === actor.userId);
