import { isSuperAdmin, type Actor } from '../accounts/accounts.policy.js';

/** The holiday table applies to every agency's deadlines, so only the super admin edits it. */
export const canManageHolidays = (actor: Actor): boolean => isSuperAdmin(actor);
