import { isSuperAdmin, type Actor } from '../accounts/accounts.policy.js';
import { NotFoundError } from '../errors.js';

/**
 * Whose events a person may read: the super admin every event; an OPD admin their own OPD's
 * events (agency_id), nothing city-level; anyone else nothing at all.
 */
export function auditScope(actor: Actor): 'all' | string[] {
  if (isSuperAdmin(actor)) return 'all';
  return [...new Set(actor.memberships.filter((m) => m.role === 'admin').map((m) => m.agencyId))];
}

export const canReadAudit = (actor: Actor): boolean => {
  const scope = auditScope(actor);
  return scope === 'all' || scope.length > 0;
};

/** The reader's scope, or a 404 for someone with none (no page confirms the log exists). */
export function requireAuditScope(actor: Actor): 'all' | string[] {
  const scope = auditScope(actor);
  if (scope !== 'all' && !scope.length) throw new NotFoundError();
  return scope;
}
