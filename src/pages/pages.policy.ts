import { isSuperAdmin, rolesIn, type Actor } from '../accounts/accounts.policy.js';

/** Edits, adds, orders and deletes an agency's pages: its admins and editors, and super admins. */
export const canEditPages = (actor: Actor, agencyId: string): boolean =>
  isSuperAdmin(actor) || rolesIn(actor, agencyId).some((r) => r === 'admin' || r === 'editor');
