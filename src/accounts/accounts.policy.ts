import { ForbiddenError, NotFoundError } from '../errors.js';
import type { AgencyRole, InstallationRole } from './accounts.table.js';

/** The signed-in person as policies see them. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  installationRole: InstallationRole | null;
  memberships: readonly { agencyId: string; role: AgencyRole }[];
  twoFactorEnabled: boolean;
}

export const isSuperAdmin = (actor: Actor): boolean => actor.installationRole === 'super_admin';

export const rolesIn = (actor: Actor, agencyId: string): AgencyRole[] =>
  actor.memberships.filter((m) => m.agencyId === agencyId).map((m) => m.role);

export const agencyIdsOf = (actor: Actor): string[] => [...new Set(actor.memberships.map((m) => m.agencyId))];

/** Sees the agency in the admin area at all. Anyone else gets a 404, never a 403 that confirms it exists. */
export const canSeeAgency = (actor: Actor, agencyId: string): boolean =>
  isSuperAdmin(actor) || rolesIn(actor, agencyId).length > 0;

export const canManageAgency = (actor: Actor, agencyId: string): boolean =>
  isSuperAdmin(actor) || rolesIn(actor, agencyId).includes('admin');

export const canCreateAgency = (actor: Actor): boolean => isSuperAdmin(actor);

export const canManageMembersOf = canManageAgency;

export const canGrantInstallationRole = (actor: Actor): boolean => isSuperAdmin(actor);

export const canListAllUsers = (actor: Actor): boolean => isSuperAdmin(actor);

/**
 * Throws unless `allowed`: a 404 when the actor has no business with the agency at all,
 * a 403 when they belong to it but lack the right.
 */
export function authorizeInAgency(
  actor: Actor,
  agencyId: string,
  allowed: (a: Actor, id: string) => boolean,
): void {
  if (!canSeeAgency(actor, agencyId)) throw new NotFoundError();
  if (!allowed(actor, agencyId)) throw new ForbiddenError();
}

export function authorize(allowed: boolean): void {
  if (!allowed) throw new ForbiddenError();
}
