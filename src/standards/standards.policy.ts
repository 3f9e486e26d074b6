import { isSuperAdmin, rolesIn, type Actor } from '../accounts/accounts.policy.js';

/** Writes an agency's service standards and maklumat: its admins and editors, and super admins. */
export const canEditStandards = (actor: Actor, agencyId: string): boolean =>
  isSuperAdmin(actor) || rolesIn(actor, agencyId).some((r) => r === 'admin' || r === 'editor');
