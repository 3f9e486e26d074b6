import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { loadAgencyFor } from '../agencies/agencies.admin.routes.js';
import { SlugParams } from '../agencies/agencies.schemas.js';
import type { Agency } from '../agencies/agencies.table.js';
import { recordAudit } from '../audit/audit.repository.js';
import { requireActor } from '../http/auth.js';
import { errorsFrom, formState, validationErrors } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { Choice } from '../http/schema.js';
import { t } from '../i18n/index.js';
import { emptyForm, type FormState } from '../views/context.js';
import { adminGuard } from './admin-guard.js';
import {
  authorize,
  canGrantInstallationRole,
  canListAllUsers,
  canManageMembersOf,
  canSeeAgency,
} from './accounts.policy.js';
import { listAgencyMembers, listUsers, removeMembership } from './accounts.repository.js';
import { InviteInput, StaffInviteInput } from './accounts.schemas.js';
import { createAccount } from './accounts.service.js';
import { AGENCY_ROLES, type AgencyRole } from './accounts.table.js';
import { deliverInvitation } from './invitations.js';
import { AllUsersPage, MembersPage } from './views/members.js';

const RemoveBody = Type.Object({
  user_id: Type.String({ maxLength: 60 }),
  role: Choice('Peran', AGENCY_ROLES),
});

/** Members of an agency (list, invite, revoke) and the super admin's list of everyone. Prefix: /admin */
export default async function memberAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    form: FormState,
    status = 200,
    invitationLink: string | null = null,
  ) {
    const actor = requireActor(request);
    return reply.page(
      <MembersPage
        ctx={pageContext(request, reply)}
        agency={agency}
        members={await listAgencyMembers(app.db, agency.id)}
        form={form}
        canManage={canManageMembersOf(actor, agency.id)}
        invitationLink={invitationLink}
      />,
      status,
    );
  }

  const slugOf = (request: FastifyRequest) => (request.params as { slug: string }).slug;

  app.get('/opd/:slug/pengguna', { schema: { params: SlugParams, hide: true } }, async (request, reply) => {
    const agency = await loadAgencyFor(app, requireActor(request), slugOf(request), canSeeAgency);
    return show(request, reply, agency, emptyForm());
  });

  app.post(
    '/opd/:slug/pengguna',
    { schema: { params: SlugParams, body: InviteInput, hide: true }, attachValidation: true },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await loadAgencyFor(app, actor, slugOf(request), canManageMembersOf);
      const invalid = validationErrors(request);
      if (invalid) return show(request, reply, agency, formState(request, invalid), 422);
      const input = request.body as InviteInput;
      let result;
      try {
        result = await createAccount(app.db, actor.userId, {
          email: input.email,
          name: input.name,
          memberships: [{ agencyId: agency.id, role: input.role }],
        });
      } catch (err) {
        const fields = errorsFrom(err);
        if (fields) return show(request, reply, agency, formState(request, fields), 422);
        throw err;
      }
      if (result.invitationToken) {
        const delivery = await deliverInvitation(app, result.user, result.invitationToken, {
          inviterName: actor.name,
          agencyName: agency.name,
        });
        if (!delivery.sent) return show(request, reply, agency, emptyForm(), 200, delivery.url);
        return reply.redirectWithFlash(
          `/admin/opd/${agency.slug}/pengguna`,
          `Undangan sudah dikirim ke ${result.user.email}.`,
        );
      }
      return reply.redirectWithFlash(
        `/admin/opd/${agency.slug}/pengguna`,
        `${result.user.name} sekarang ${input.role === 'admin' ? 'admin' : 'anggota'} ${agency.shortName}.`,
      );
    },
  );

  app.post(
    '/opd/:slug/pengguna/hapus',
    { schema: { params: SlugParams, body: RemoveBody, hide: true } },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await loadAgencyFor(app, actor, slugOf(request), canManageMembersOf);
      const { user_id: userId, role } = request.body as { user_id: string; role: AgencyRole };
      if (await removeMembership(app.db, agency.id, userId, role)) {
        await recordAudit(app.db, {
          actorId: actor.userId,
          agencyId: agency.id,
          action: 'membership.revoked',
          subjectType: 'user',
          subjectId: userId,
          details: { role },
          ip: request.ip,
        });
      }
      return reply.redirectWithFlash(`/admin/opd/${agency.slug}/pengguna`, 'Peran sudah dicabut.');
    },
  );

  async function showAll(
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    status = 200,
    invitationLink: string | null = null,
  ) {
    return reply.page(
      <AllUsersPage
        ctx={pageContext(request, reply)}
        users={await listUsers(app.db)}
        form={form}
        invitationLink={invitationLink}
      />,
      status,
    );
  }

  app.get('/pengguna', { schema: { hide: true } }, async (request, reply) => {
    authorize(canListAllUsers(requireActor(request)));
    return showAll(request, reply, emptyForm());
  });

  app.post(
    '/pengguna',
    { schema: { body: StaffInviteInput, hide: true }, attachValidation: true },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(canGrantInstallationRole(actor));
      const invalid = validationErrors(request);
      if (invalid) return showAll(request, reply, formState(request, invalid), 422);
      const input = request.body as StaffInviteInput;
      let result;
      try {
        result = await createAccount(app.db, actor.userId, {
          email: input.email,
          name: input.name,
          installationRole: input.role,
          memberships: [],
        });
      } catch (err) {
        const fields = errorsFrom(err);
        if (fields) return showAll(request, reply, formState(request, fields), 422);
        throw err;
      }
      if (result.invitationToken) {
        const delivery = await deliverInvitation(app, result.user, result.invitationToken, {
          inviterName: actor.name,
          agencyName: request.installation.name,
        });
        if (!delivery.sent) return showAll(request, reply, emptyForm(), 200, delivery.url);
      }
      const done = result.invitationToken
        ? `Undangan sudah dikirim ke ${result.user.email}.`
        : `${result.user.name} sekarang ${t.roles[input.role]}.`;
      return reply.redirectWithFlash('/admin/pengguna', done);
    },
  );
}
