import type { FastifyInstance } from 'fastify';
import type { Actor } from '../accounts/accounts.policy.js';
import { createAccount } from '../accounts/accounts.service.js';
import type { AgencyRole, User } from '../accounts/accounts.table.js';
import { actorFor } from '../accounts/sessions.js';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import type { Agency } from '../agencies/agencies.table.js';
import type { ComplaintInput } from '../complaints/complaints.schemas.js';
import { fileComplaint, type Filed, type FilingContext } from '../complaints/complaints.service.js';

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

/** A complaint as a citizen files it through the web form (channel web), with overrides. */
export async function makeComplaint(
  app: FastifyInstance,
  overrides: Partial<ComplaintInput> = {},
  context: Partial<FilingContext> = {},
): Promise<Filed> {
  return fileComplaint(
    app.db,
    {
      class: 'pengaduan',
      title: 'Jalan berlubang di Jalan Tanjungpura',
      description: 'Lubang besar di depan pasar sudah dua minggu, membahayakan pengendara motor.',
      category: 'jalan-jembatan',
      reporter: { name: 'Siti Aminah', email: 'siti@example.com', phone: '081234567890' },
      anonymous: false,
      confidential: false,
      consent: true,
      ...overrides,
    },
    {
      channel: 'web',
      limitContact: false,
      secret: app.config.secret,
      baseUrl: app.config.baseUrl,
      ...context,
    },
  );
}

/** The demo city's complaint coordinator, as policies see them. */
export async function coordinator(app: FastifyInstance): Promise<Actor> {
  const user = await app.db
    .selectFrom('users')
    .selectAll()
    .where('installationRole', '=', 'coordinator')
    .executeTakeFirstOrThrow();
  return actorFor(app.db, user);
}
