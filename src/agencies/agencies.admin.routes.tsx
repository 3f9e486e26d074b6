import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import {
  agencyIdsOf,
  authorize,
  authorizeInAgency,
  canCreateAgency,
  canManageAgency,
  canSeeAgency,
  isSuperAdmin,
  type Actor,
} from '../accounts/accounts.policy.js';
import { requireActor } from '../http/auth.js';
import { errorsFrom, formState, validationErrors } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { t } from '../i18n/index.js';
import { emptyForm, type FormState } from '../views/context.js';
import { findAgencyById, getAgencyBySlug, hostsOf, listAgencies } from './agencies.repository.js';
import {
  AgencyCreateInput,
  AgencyIdentityInput,
  AgencyProfileInput,
  SlugParams,
} from './agencies.schemas.js';
import { updateAgencyIdentity } from './identity.service.js';
import { AgencyIdentityPage } from './views/identity.js';
import { createAgency, socialLinksOf, updateAgencyProfile } from './agencies.service.js';
import { settingsOf } from './settings.js';
import type { Agency } from './agencies.table.js';
import { AgencyAdminList, AgencyCreatePage, AgencyProfilePage } from './views/admin.js';
import { AdminHome } from './views/admin-home.js';
import { homeMonitoring } from '../monitoring/monitoring.home.js';

/** The agency the actor may see, by slug: 404 for anyone with no role in it. */
export async function loadAgencyFor(
  app: FastifyInstance,
  actor: Actor,
  slug: string,
  allowed = canSeeAgency,
): Promise<Agency> {
  const agency = await getAgencyBySlug(app.db, slug);
  authorizeInAgency(actor, agency.id, allowed);
  return agency;
}

const visibleAgencies = (app: FastifyInstance, actor: Actor) =>
  listAgencies(app.db, isSuperAdmin(actor) ? {} : { ids: agencyIdsOf(actor) });

function profileValues(agency: Agency): Record<string, string> {
  return {
    name: agency.name,
    short_name: agency.shortName,
    description: agency.description,
    address: agency.address,
    phone: agency.phone,
    email: agency.email,
    service_hours: agency.serviceHours,
    ...socialLinksOf(agency),
  };
}

/** The admin home and agency management. Prefix: /admin */
export default async function agencyAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    return reply.page(
      <AdminHome
        ctx={pageContext(request, reply)}
        agencies={await visibleAgencies(app, actor)}
        demo={settingsOf(request.installation).demo}
        twoFactorEnabled={actor.twoFactorEnabled}
        isSuperAdmin={isSuperAdmin(actor)}
        monitoring={await homeMonitoring(app.db, actor)}
      />,
    );
  });

  app.get('/opd', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    return reply.page(
      <AgencyAdminList ctx={pageContext(request, reply)} agencies={await visibleAgencies(app, actor)} />,
    );
  });

  app.get('/opd/baru', { schema: { hide: true } }, async (request, reply) => {
    authorize(canCreateAgency(requireActor(request)));
    return reply.page(
      <AgencyCreatePage
        ctx={pageContext(request, reply)}
        form={emptyForm()}
        parents={await listAgencies(app.db)}
      />,
    );
  });

  app.post(
    '/opd/baru',
    { schema: { body: AgencyCreateInput, hide: true }, attachValidation: true },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(canCreateAgency(actor));
      const show = async (errors: Record<string, string>) =>
        reply.page(
          <AgencyCreatePage
            ctx={pageContext(request, reply)}
            form={formState(request, errors)}
            parents={await listAgencies(app.db)}
          />,
          422,
        );
      const invalid = validationErrors(request);
      if (invalid) return show(invalid);
      try {
        const agency = await createAgency(app.db, actor, request.body as AgencyCreateInput);
        return reply.redirectWithFlash(`/admin/opd/${agency.slug}`, `${agency.name} sudah ditambahkan.`);
      } catch (err) {
        const fields = errorsFrom(err);
        if (fields) return show(fields);
        throw err;
      }
    },
  );

  app.get('/opd/:slug', { schema: { params: SlugParams, hide: true } }, async (request, reply) => {
    const agency = await loadAgencyFor(
      app,
      requireActor(request),
      (request.params as { slug: string }).slug,
      canManageAgency,
    );
    return reply.page(
      <AgencyProfilePage
        ctx={pageContext(request, reply)}
        agency={agency}
        form={emptyForm(profileValues(agency))}
        hosts={await hostsOf(app.db, agency.id)}
      />,
    );
  });

  app.post(
    '/opd/:slug',
    { schema: { params: SlugParams, body: AgencyProfileInput, hide: true }, attachValidation: true },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await loadAgencyFor(
        app,
        actor,
        (request.params as { slug: string }).slug,
        canManageAgency,
      );
      const show = async (errors: Record<string, string>) =>
        reply.page(
          <AgencyProfilePage
            ctx={pageContext(request, reply)}
            agency={agency}
            form={formState(request, errors)}
            hosts={await hostsOf(app.db, agency.id)}
          />,
          422,
        );
      const invalid = validationErrors(request);
      if (invalid) return show(invalid);
      try {
        await updateAgencyProfile(app.db, actor, agency, request.body as AgencyProfileInput);
      } catch (err) {
        const fields = errorsFrom(err);
        if (fields) return show(fields);
        throw err;
      }
      return reply.redirectWithFlash(`/admin/opd/${agency.slug}`, t.common.saved);
    },
  );

  async function showIdentity(
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    form: FormState,
    status = 200,
  ) {
    return reply.page(
      <AgencyIdentityPage
        ctx={pageContext(request, reply)}
        agency={agency}
        form={form}
        parents={await listAgencies(app.db)}
      />,
      status,
    );
  }

  app.get('/opd/:slug/identitas', { schema: { params: SlugParams, hide: true } }, async (request, reply) => {
    const agency = await loadAgencyFor(
      app,
      requireActor(request),
      (request.params as { slug: string }).slug,
      isSuperAdmin,
    );
    const parent = agency.parentId ? await findAgencyById(app.db, agency.parentId) : undefined;
    const hosts = await hostsOf(app.db, agency.id);
    return showIdentity(
      request,
      reply,
      agency,
      emptyForm({ kind: agency.kind, parent: parent?.slug ?? '', hosts: hosts.join('\n') }),
    );
  });

  app.post(
    '/opd/:slug/identitas',
    { schema: { params: SlugParams, body: AgencyIdentityInput, hide: true }, attachValidation: true },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await loadAgencyFor(app, actor, (request.params as { slug: string }).slug, isSuperAdmin);
      const invalid = validationErrors(request);
      if (invalid) return showIdentity(request, reply, agency, formState(request, invalid), 422);
      try {
        await updateAgencyIdentity(app.db, actor, agency, request.body as AgencyIdentityInput);
      } catch (err) {
        const fields = errorsFrom(err);
        if (fields) return showIdentity(request, reply, agency, formState(request, fields), 422);
        throw err;
      }
      return reply.redirectWithFlash(`/admin/opd/${agency.slug}`, t.common.saved);
    },
  );
}
