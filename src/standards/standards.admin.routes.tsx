import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import { loadAgencyFor } from '../agencies/agencies.admin.routes.js';
import { SlugParams } from '../agencies/agencies.schemas.js';
import type { Agency } from '../agencies/agencies.table.js';
import { NotFoundError } from '../errors.js';
import { requireActor } from '../http/auth.js';
import { errorsFrom, formState, validationErrors } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { t } from '../i18n/index.js';
import { bufferUpload, uploadOf, uploadRateLimit } from '../media/upload.js';
import { emptyForm, type FormState } from '../views/context.js';
import { m } from './messages.js';
import { checkCompleteness } from './standards.completeness.js';
import { apiErrorsAsFormFields, formToInput, serviceToForm } from './standards.form.js';
import { storeDecreePdf } from './standards.decree.js';
import { canEditStandards } from './standards.policy.js';
import {
  findPledge,
  findServiceBySlug,
  listMediaOptions,
  listServices,
  type Service,
} from './standards.repository.js';
import { PledgeFormBody, ServiceFormBody, ServiceParams } from './standards.schemas.js';
import { changeService, createService, savePledge } from './standards.service.js';
import { AdminServiceList } from './views/admin-list.js';
import { PledgeFormPage } from './views/pledge-form.js';
import { ServiceFormPage } from './views/service-form.js';
import { pledgeInput, pledgeToForm } from './standards.pledge.js';
import { now } from '../time/clock.js';

/** An agency's service standards and maklumat for its admins and editors. Prefix: /admin */
export default async function standardsAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  /** The agency: 404 to anyone outside it, 403 to its authors and complaint officers. */
  async function load(request: FastifyRequest): Promise<Agency> {
    const actor = requireActor(request);
    return loadAgencyFor(app, actor, (request.params as { slug: string }).slug, canEditStandards);
  }

  async function loadService(request: FastifyRequest): Promise<{ agency: Agency; service: Service }> {
    const agency = await load(request);
    const service = await findServiceBySlug(
      app.db,
      agency.id,
      (request.params as { service: string }).service,
    );
    if (!service) throw new NotFoundError();
    return { agency, service };
  }

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    service: Service | undefined,
    forms: { form: FormState; decreeForm?: FormState },
    status = 200,
  ) {
    const media = await listMediaOptions(app.db, agency.id);
    return reply.page(
      <ServiceFormPage
        ctx={pageContext(request, reply)}
        agency={agency}
        service={service}
        media={media}
        {...forms}
      />,
      status,
    );
  }

  app.get('/opd/:slug/layanan', { schema: { params: SlugParams, hide: true } }, async (request, reply) => {
    const agency = await load(request);
    const [services, pledge] = await Promise.all([
      listServices(app.db, agency.id),
      findPledge(app.db, agency.id),
    ]);
    const at = now();
    const rows = services.map((service) => ({ service, check: checkCompleteness(service, at) }));
    return reply.page(
      <AdminServiceList ctx={pageContext(request, reply)} agency={agency} rows={rows} pledge={pledge} />,
    );
  });

  app.get(
    '/opd/:slug/layanan/baru',
    { schema: { params: SlugParams, hide: true } },
    async (request, reply) => {
      const agency = await load(request);
      return showForm(request, reply, agency, undefined, {
        form: emptyForm({ status: 'draft', timeframe_unit: 'hari_kerja' }),
      });
    },
  );

  app.post(
    '/opd/:slug/layanan',
    { schema: { params: SlugParams, body: ServiceFormBody, hide: true }, attachValidation: true },
    async (request, reply) => {
      const agency = await load(request);
      const invalid = validationErrors(request);
      if (invalid)
        return showForm(request, reply, agency, undefined, { form: formState(request, invalid) }, 422);
      const { input, errors } = formToInput(request.body as ServiceFormBody);
      if (Object.keys(errors).length)
        return showForm(request, reply, agency, undefined, { form: formState(request, errors) }, 422);
      try {
        const service = await createService(app.db, agency, input, request.installation.timeZone);
        return reply.redirectWithFlash(
          `/admin/opd/${agency.slug}/layanan/${service.slug}`,
          m.added(service.name),
        );
      } catch (err) {
        const fields = errorsFrom(err);
        if (!fields) throw err;
        const form = formState(request, apiErrorsAsFormFields(fields));
        return showForm(request, reply, agency, undefined, { form }, 422);
      }
    },
  );

  app.get(
    '/opd/:slug/layanan/maklumat',
    { schema: { params: SlugParams, hide: true } },
    async (request, reply) => {
      const agency = await load(request);
      const pledge = await findPledge(app.db, agency.id);
      return reply.page(
        <PledgeFormPage
          ctx={pageContext(request, reply)}
          agency={agency}
          form={emptyForm(pledgeToForm(pledge))}
        />,
      );
    },
  );

  app.post(
    '/opd/:slug/layanan/maklumat',
    { schema: { params: SlugParams, body: PledgeFormBody, hide: true }, attachValidation: true },
    async (request, reply) => {
      const agency = await load(request);
      const show = (errors: Record<string, string>) =>
        reply.page(
          <PledgeFormPage
            ctx={pageContext(request, reply)}
            agency={agency}
            form={formState(request, errors)}
          />,
          422,
        );
      const invalid = validationErrors(request);
      if (invalid) return show(invalid);
      const parsed = pledgeInput(request.body as PledgeFormBody, request.installation.timeZone);
      if ('errors' in parsed) return show(parsed.errors);
      try {
        await savePledge(app.db, agency, parsed.input);
      } catch (err) {
        const fields = errorsFrom(err);
        if (fields) return show(fields);
        throw err;
      }
      return reply.redirectWithFlash(`/admin/opd/${agency.slug}/layanan`, m.pledgeSaved);
    },
  );

  app.get(
    '/opd/:slug/layanan/:service',
    { schema: { params: ServiceParams, hide: true } },
    async (request, reply) => {
      const { agency, service } = await loadService(request);
      return showForm(request, reply, agency, service, { form: emptyForm(serviceToForm(service)) });
    },
  );

  app.post(
    '/opd/:slug/layanan/:service',
    { schema: { params: ServiceParams, body: ServiceFormBody, hide: true }, attachValidation: true },
    async (request, reply) => {
      const { agency, service } = await loadService(request);
      const invalid = validationErrors(request);
      if (invalid)
        return showForm(request, reply, agency, service, { form: formState(request, invalid) }, 422);
      const { input, errors } = formToInput(request.body as ServiceFormBody);
      if (Object.keys(errors).length)
        return showForm(request, reply, agency, service, { form: formState(request, errors) }, 422);
      try {
        const saved = await changeService(app.db, agency, service, input, request.installation.timeZone);
        return reply.redirectWithFlash(`/admin/opd/${agency.slug}/layanan/${saved.slug}`, t.common.saved);
      } catch (err) {
        const fields = errorsFrom(err);
        if (!fields) throw err;
        const form = formState(request, apiErrorsAsFormFields(fields));
        return showForm(request, reply, agency, service, { form }, 422);
      }
    },
  );

  app.post(
    '/opd/:slug/layanan/:service/sk',
    {
      schema: { params: ServiceParams, hide: true },
      preValidation: bufferUpload,
      config: uploadRateLimit(app.config),
    },
    async (request, reply) => {
      const { agency, service } = await loadService(request);
      const upload = uploadOf(request);
      try {
        if (upload.error) throw upload.error;
        await storeDecreePdf(app.db, app.storage, agency, service, upload.file);
      } catch (err) {
        const fields = errorsFrom(err);
        if (!fields) throw err;
        const decreeForm = { values: {}, errors: { file: Object.values(fields)[0] ?? m.decreeNotPdf } };
        return showForm(
          request,
          reply,
          agency,
          service,
          { form: emptyForm(serviceToForm(service)), decreeForm },
          422,
        );
      }
      return reply.redirectWithFlash(`/admin/opd/${agency.slug}/layanan/${service.slug}`, m.decreeUploaded);
    },
  );
}
