import { canManageAgency, isSuperAdmin, type Actor } from '../accounts/accounts.policy.js';

/** Fills in and closes an OPD's self-assessment: its admins and the super admin. */
export const canAssess = (actor: Actor, agencyId: string): boolean => canManageAgency(actor, agencyId);

/** Sees every OPD's scores at once (the city overview and its CSV). */
export const canSeeCityAssessment = (actor: Actor): boolean => isSuperAdmin(actor);

/** Opens a closed year again (a year closed by mistake): the super admin only. */
export const canReopenAssessment = (actor: Actor): boolean => isSuperAdmin(actor);
