import { signInRateLimit } from '../http/rate-limit.js';
import type { FastifyInstance } from 'fastify';
import { findAgencyBySlug, listAgencies } from '../agencies/agencies.repository.js';
import { AppError, NotFoundError, TooManyRequestsError, ValidationError } from '../errors.js';
import { requireActor, requireUser } from '../http/auth.js';
import { t } from '../i18n/index.js';
import {
  type Actor,
  authorizeInAgency,
  canSeeAgency,
  canGrantInstallationRole,
  canManageMembersOf,
  isSuperAdmin,
} from './accounts.policy.js';
import { membershipsOf } from './accounts.repository.js';
import { MeJson, TokenInput, TokenJson, UserCreateInput, UserJson } from './accounts.schemas.js';
import { assertStrongPassword } from './password-strength.js';
import {
  createAccount,
  markSignedIn,
  recordFailedSignIn,
  signIn,
  validateNewPassword,
} from './accounts.service.js';
import { twoFactorRequired } from './admin-guard.js';
import { actorFor, createApiToken } from './sessions.js';
import { acceptTotpCode, useRecoveryCode } from './two-factor.js';
import { deliverInvitation } from './invitations.js';
import { errorResponses as err } from '../http/schema.js';

/** /api/v1: bearer tokens, the caller's own profile, and creating people. */
export default async function accountApi(app: FastifyInstance) {
  const limit = signInRateLimit(app.config);

  /** A person's roles by agency slug, limited to the agencies the viewer may see (another OPD's stay hidden). */
  async function slugMemberships(userId: string, viewer: Actor) {
    const [memberships, agencies] = await Promise.all([membershipsOf(app.db, userId), listAgencies(app.db)]);
    const slugs = new Map(agencies.map((a) => [a.id, a.slug]));
    return memberships
      .filter((m) => canSeeAgency(viewer, m.agencyId))
      .map((m) => ({ agency: slugs.get(m.agencyId) ?? '', role: m.role }));
  }

  app.post(
    '/auth/token',
    {
      schema: {
        tags: ['auth'],
        summary: 'Tukar email dan kata sandi (dan kode dua langkah) dengan token',
        body: TokenInput,
        response: { 200: TokenJson, ...err([400, 401, 403, 422, 429]) },
      },
      config: limit,
    },
    async (request) => {
      const { email, password, otp } = request.body as { email: string; password: string; otp?: string };
      const result = await signIn(app.db, email, password);
      if (result.kind === 'invalid')
        throw new AppError(401, 'invalid_credentials', t.accounts.invalidCredentials);
      if (result.kind === 'locked') throw new TooManyRequestsError(t.accounts.locked(result.minutes));
      if (result.kind === 'second_factor') {
        if (!otp) throw new AppError(401, 'otp_required', t.accounts.secondFactorIntro);
        const code = otp.replace(/\s+/g, '');
        const ok = /^\d{6}$/.test(code)
          ? await acceptTotpCode(app.db, result.user, code)
          : await useRecoveryCode(app.db, result.user.id, code);
        if (!ok) {
          const lock = await recordFailedSignIn(app.db, result.user.id);
          if (lock) throw new TooManyRequestsError(t.accounts.locked(lock));
          throw new AppError(401, 'otp_invalid', t.accounts.codeWrong);
        }
        await markSignedIn(app.db, result.user.id);
      }
      // The policy's two-factor applies to the API too: no token on a password alone for a role
      // that must enrol (pages send such a person to /admin/akun/dua-faktor first).
      if (twoFactorRequired(request, await actorFor(app.db, result.user)))
        throw new AppError(403, 'two_factor_required', t.accounts.twoFactorRequired);
      const { token, expiresAt } = await createApiToken(app.db, result.user.id);
      return { token, expires_at: expiresAt };
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Akun pemilik token',
        security: [{ bearer: [] }],
        response: { 200: MeJson, ...err([401]) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return {
        id: user.id,
        email: user.email,
        name: user.name,
        installation_role: user.installationRole,
        two_factor_enabled: user.totpEnabledAt !== null,
        memberships: await slugMemberships(user.id, requireActor(request)),
      };
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Tambah atau undang pengguna (super admin, atau admin OPD untuk OPD-nya)',
        security: [{ bearer: [] }],
        body: UserCreateInput,
        response: { 200: UserJson, 201: UserJson, ...err([400, 401, 403, 404, 409, 422]) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const input = request.body as UserCreateInput;
      if (input.installation_role && !canGrantInstallationRole(actor)) throw new NotFoundError();
      if (!isSuperAdmin(actor) && input.memberships.length === 0)
        throw new ValidationError({ memberships: 'Keanggotaan wajib diisi.' });
      const memberships = [];
      for (const [i, m] of input.memberships.entries()) {
        const agency = await findAgencyBySlug(app.db, m.agency);
        if (!agency) {
          if (isSuperAdmin(actor))
            throw new ValidationError({ [`memberships.${i}.agency`]: 'Perangkat daerah tidak ditemukan.' });
          throw new NotFoundError();
        }
        authorizeInAgency(actor, agency.id, canManageMembersOf);
        memberships.push({ agencyId: agency.id, role: m.role, name: agency.name });
      }
      if (input.password) {
        validateNewPassword(input.password, input.email, 'password');
        await assertStrongPassword(app.db, input.password, input, 'password');
      }
      const result = await createAccount(app.db, actor.userId, {
        email: input.email,
        name: input.name,
        password: input.password,
        installationRole: input.installation_role ?? null,
        memberships,
      });
      const delivery = result.invitationToken
        ? await deliverInvitation(app, result.user, result.invitationToken, {
            inviterName: actor.name,
            agencyName: memberships[0]?.name ?? request.installation.name,
          })
        : null;
      return reply.code(result.created ? 201 : 200).send({
        id: result.user.id,
        email: result.user.email,
        name: result.user.name,
        memberships: await slugMemberships(result.user.id, actor),
        invitation_sent: delivery?.sent ?? false,
        ...(delivery && !delivery.sent ? { invitation_url: delivery.url } : {}),
      });
    },
  );
}
