import { isSuperAdmin, rolesIn, type Actor } from '../accounts/accounts.policy.js';
import type { AgencyRole } from '../accounts/accounts.table.js';
import type { Complaint } from './complaints.table.js';

/** Who may see and act on complaints. Small pure functions, tested as a table. */

/** The city's complaint coordinator (Diskominfo), or a super admin. */
export const isCoordinator = (actor: Actor): boolean =>
  actor.installationRole === 'coordinator' || isSuperAdmin(actor);

/** Within an OPD, complaints are handled by its admins and complaint officers. */
export const HANDLER_ROLES: readonly AgencyRole[] = ['admin', 'complaint_officer'];

export const handlesComplaintsOf = (actor: Actor, agencyId: string): boolean =>
  rolesIn(actor, agencyId).some((role) => HANDLER_ROLES.includes(role));

/** The agencies whose complaints the actor handles; 'all' for the coordinator. */
export function complaintScope(actor: Actor): 'all' | string[] {
  if (isCoordinator(actor)) return 'all';
  return [...new Set(actor.memberships.filter((m) => HANDLER_ROLES.includes(m.role)).map((m) => m.agencyId))];
}

/** Sees the complaint at all: the coordinator, or a handler in the lead or a co-assigned OPD. */
export const canSeeComplaint = (actor: Actor, assigneeAgencyIds: readonly string[]): boolean =>
  isCoordinator(actor) || assigneeAgencyIds.some((id) => handlesComplaintsOf(actor, id));

/**
 * Sees who sent it. For an anonim complaint only the coordinator does (UU 27/2022: collect little,
 * show less); otherwise also the OPDs it is assigned to.
 */
export const canSeeReporter = (
  actor: Actor,
  complaint: Pick<Complaint, 'anonymous'>,
  assigneeAgencyIds: readonly string[],
): boolean =>
  isCoordinator(actor) || (complaint.anonymous === 0 && canSeeComplaint(actor, assigneeAgencyIds));

/** Shown in public lists, feeds, search and Open311: everything except a rahasia complaint. */
export const isPublic = (complaint: Pick<Complaint, 'confidential'>): boolean => complaint.confidential === 0;
