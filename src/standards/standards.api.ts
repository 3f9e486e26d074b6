import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { authorizeInAgency, canSeeAgency } from '../accounts/accounts.policy.js';
import { findAgencyBySlug, findAgencyById } from '../agencies/agencies.repository.js';
import { SlugParams } from '../agencies/agencies.schemas.js';
import type { Agency } from '../agencies/agencies.table.js';
import { NotFoundError } from '../errors.js';
import { requireActor } from '../http/auth.js';
import { now } from '../time/clock.js';
import { checkCompleteness } from './standards.completeness.js';
import { canEditStandards } from './standards.policy.js';
import { presentService, ServiceJson, ServiceListJson } from './standards.presenter.js';
import { findServiceAgencyId, findServiceById, listServices, type Service } from './standards.repository.js';
import { ServiceIdParams, ServiceInput, ServicePatchInput } from './standards.schemas.js';
import { changeService, createService } from './standards.service.js';
import { errorResponses as err } from '../http/schema.js';

/** A path that names nothing is a 404 at once; body errors wait until the caller is known to belong. */
function assertValidParams(request: FastifyRequest) {
  if (request.validationError?.validationContext === 'params') throw new NotFoundError();
}

function assertValidBody(request: FastifyRequest) {
  const error = request.validationError as FastifyError | undefined;
  if (error) throw error;
}

/** /api/v1: an agency's services and their standards (UU 25/2009), with the completeness check. */
export default async function standardsApi(app: FastifyInstance) {
  const { db } = app;
  const security = [{ bearer: [] }];
  const present = (service: Service, agency: Agency) =>
    presentService(service, agency, checkCompleteness(service, now()), app.config.baseUrl, (key) =>
      app.storage.url(key),
    );

  async function agencyFor(request: FastifyRequest, allowed: typeof canEditStandards): Promise<Agency> {
    const actor = requireActor(request);
    assertValidParams(request);
    const agency = await findAgencyBySlug(db, (request.params as { slug: string }).slug);
    if (!agency) throw new NotFoundError();
    authorizeInAgency(actor, agency.id, allowed);
    return agency;
  }

  /** The API names a service by id alone; the row brings its agency, which the caller must write for. */
  async function serviceFor(request: FastifyRequest): Promise<{ agency: Agency; service: Service }> {
    const actor = requireActor(request);
    assertValidParams(request);
    const { id } = request.params as { id: string };
    const agencyId = await findServiceAgencyId(db, id);
    if (!agencyId) throw new NotFoundError();
    authorizeInAgency(actor, agencyId, canEditStandards);
    const [agency, service] = await Promise.all([
      findAgencyById(db, agencyId),
      findServiceById(db, agencyId, id),
    ]);
    if (!agency || !service) throw new NotFoundError();
    assertValidBody(request);
    return { agency, service };
  }

  app.get(
    '/agencies/:slug/services',
    {
      schema: {
        tags: ['services'],
        summary: 'Daftar layanan perangkat daerah dengan standar pelayanan dan kelengkapannya',
        security,
        params: SlugParams,
        response: { 200: ServiceListJson, ...err([401, 404]) },
      },
    },
    async (request) => {
      const agency = await agencyFor(request, canSeeAgency);
      const services = await listServices(db, agency.id);
      return {
        agency: { slug: agency.slug, name: agency.name, short_name: agency.shortName },
        services: services.map((s) => present(s, agency)),
      };
    },
  );

  app.post(
    '/agencies/:slug/services',
    {
      schema: {
        tags: ['services'],
        summary: 'Tambah layanan dengan standar pelayanannya (14 komponen UU 25/2009 Pasal 21)',
        security,
        params: SlugParams,
        body: ServiceInput,
        response: { 201: ServiceJson, ...err([400, 401, 403, 404, 422]) },
      },
      attachValidation: true,
    },
    async (request, reply) => {
      const agency = await agencyFor(request, canEditStandards);
      assertValidBody(request);
      const service = await createService(
        db,
        agency,
        request.body as ServiceInput,
        request.installation.timeZone,
      );
      return reply.code(201).send(present(service, agency));
    },
  );

  app.patch(
    '/services/:id',
    {
      schema: {
        tags: ['services'],
        summary: 'Ubah layanan (kolom yang dikirim saja; komponen digabung per kunci)',
        security,
        params: ServiceIdParams,
        body: ServicePatchInput,
        response: { 200: ServiceJson, ...err([400, 401, 403, 404, 422]) },
      },
      attachValidation: true,
    },
    async (request) => {
      const { agency, service } = await serviceFor(request);
      const saved = await changeService(
        db,
        agency,
        service,
        request.body as ServicePatchInput,
        request.installation.timeZone,
      );
      return present(saved, agency);
    },
  );
}
