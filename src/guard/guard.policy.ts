import { isSuperAdmin, type Actor } from '../accounts/accounts.policy.js';

/**
 * Whose outbound links a person may list: the super admin every OPD's, an OPD admin their own
 * OPDs'; anyone else none (the page is then not found).
 */
export function linkScope(actor: Actor): 'all' | string[] {
  if (isSuperAdmin(actor)) return 'all';
  return [...new Set(actor.memberships.filter((m) => m.role === 'admin').map((m) => m.agencyId))];
}

export const inScope = (scope: 'all' | string[], agencyId: string): boolean =>
  scope === 'all' || scope.includes(agencyId);
