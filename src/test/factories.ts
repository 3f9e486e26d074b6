import type { FastifyInstance } from 'fastify';
import type { Actor } from '../accounts/accounts.policy.js';
import { createAccount } from '../accounts/accounts.service.js';
import type { AgencyRole, User } from '../accounts/accounts.table.js';
import { actorFor } from '../accounts/sessions.js';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import type { Agency } from '../agencies/agencies.table.js';

export const MEMBER_PASSWORD = 'kata-sandi-uji-123';

export interface Member {
  agency: Agency;
  user: User;
  actor: Actor;
  email: string;
  password: string;
}

/** A new account holding `role` in the agency `slug` (a demo agency), with a password it can sign in with. */
export async function makeMember(
  app: FastifyInstance,
  slug: string,
  role: AgencyRole,
  options: { email?: string; name?: string; password?: string } = {},
): Promise<Member> {
  const agency = await getAgencyBySlug(app.db, slug);
  const email = options.email ?? `${role}.${slug}@example.go.id`;
  const password = options.password ?? MEMBER_PASSWORD;
  const { user } = await createAccount(app.db, null, {
    email,
    name: options.name ?? `Uji ${role} ${slug}`,
    password,
    memberships: [{ agencyId: agency.id, role }],
  });
  return { agency, user, actor: await actorFor(app.db, user), email, password };
}
