import { canManageAgency, isSuperAdmin, type Actor } from '../accounts/accounts.policy.js';

/** Importing replaces an agency's history: the super admin, or that agency's own admin. */
export const canImport = (actor: Actor, agencyId: string): boolean => canManageAgency(actor, agencyId);

/**
 * Fetching photos makes the server request addresses written in the uploaded file: only the super
 * admin may ask for it (an OPD admin sends the uploads folder through the command line instead).
 */
export const canFetchMedia = (actor: Actor): boolean => isSuperAdmin(actor);
