import type { FastifyReply, FastifyRequest } from 'fastify';
import { settingsOf } from '../agencies/settings.js';
import { UnauthenticatedError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Actor } from './accounts.policy.js';

/** Roles whose two-factor policy applies to the actor. */
function rolesOf(actor: Actor): string[] {
  return [
    ...(actor.installationRole ? [actor.installationRole] : []),
    ...actor.memberships.map((m) => m.role),
  ];
}

export function twoFactorRequired(request: FastifyRequest, actor: Actor): boolean {
  const required = settingsOf(request.installation).twoFactorRequiredFor as string[];
  return !actor.twoFactorEnabled && rolesOf(actor).some((r) => required.includes(r));
}

/**
 * preHandler for the admin area: signed in, and two-factor enabled where the policy requires it
 * (until it is, only the account pages are open).
 */
export async function adminGuard(request: FastifyRequest, reply: FastifyReply) {
  if (!request.actor) throw new UnauthenticatedError();
  if (twoFactorRequired(request, request.actor) && !request.url.startsWith('/admin/akun')) {
    return reply.redirectWithFlash('/admin/akun/dua-faktor', t.accounts.twoFactorRequired);
  }
}
