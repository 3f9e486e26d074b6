import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findAgencyBySlug, getAgencyBySlug } from '../agencies/agencies.repository.js';
import { SlugParams } from '../agencies/agencies.schemas.js';
import type { Agency } from '../agencies/agencies.table.js';
import { NotFoundError } from '../errors.js';
import { pageContext } from '../http/page.js';
import { findMedia } from '../media/media.repository.js';
import { menuOf, pagesOf } from '../pages/pages.service.js';
import {
  findPledge,
  findServiceBySlug,
  listAgenciesWithServices,
  listPublishedServices,
} from './standards.repository.js';
import { CatalogueQuery, HostServiceParams, ServiceParams } from './standards.schemas.js';
import { AgencyServicesPage } from './views/agency-services.js';
import { CataloguePage } from './views/catalogue.js';
import { PosterPage } from './views/poster.js';
import { ServicePage } from './views/service-page.js';

/**
 * The public service standards: `/layanan` (every OPD's, or on an agency's own host its own),
 * `/opd/{slug}/layanan[/{service}[/poster]]`, and the same under `/layanan` on the agency's host.
 */
export default async function standardsPublic(app: FastifyInstance) {
  const { db } = app;
  const serviceUrl = (agency: Agency, slug: string) =>
    `${app.config.baseUrl}/opd/${agency.slug}/layanan/${slug}`;

  async function showAgency(request: FastifyRequest, reply: FastifyReply, agency: Agency, byHost: boolean) {
    const [services, pledge, pages] = await Promise.all([
      listPublishedServices(db, { agencyId: agency.id }),
      findPledge(db, agency.id),
      pagesOf(db, agency),
    ]);
    return reply.page(
      <AgencyServicesPage
        ctx={pageContext(request, reply, { kind: 'agency', agency, byHost })}
        agency={agency}
        services={services}
        pledge={pledge}
        menu={menuOf(pages)}
        byHost={byHost}
        canonicalUrl={`${app.config.baseUrl}/opd/${agency.slug}/layanan`}
      />,
    );
  }

  /** A published service of this agency; a draft or another agency's is simply not found. */
  async function publishedService(agency: Agency, slug: string) {
    const service = await findServiceBySlug(db, agency.id, slug);
    if (!service || service.status !== 'published') throw new NotFoundError();
    return service;
  }

  async function showService(
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    slug: string,
    byHost: boolean,
  ) {
    const service = await publishedService(agency, slug);
    const [flow, pages] = await Promise.all([
      service.flowMediaId ? findMedia(db, agency.id, service.flowMediaId) : Promise.resolve(undefined),
      pagesOf(db, agency),
    ]);
    return reply.page(
      <ServicePage
        ctx={pageContext(request, reply, { kind: 'agency', agency, byHost })}
        agency={agency}
        service={service}
        flow={flow}
        decreeUrl={service.decreeFileKey ? app.storage.url(service.decreeFileKey) : null}
        menu={menuOf(pages)}
        byHost={byHost}
        canonicalUrl={serviceUrl(agency, service.slug)}
      />,
    );
  }

  async function showPoster(request: FastifyRequest, reply: FastifyReply, agency: Agency, slug: string) {
    const service = await publishedService(agency, slug);
    return reply.page(
      <PosterPage
        agency={agency}
        service={service}
        url={serviceUrl(agency, service.slug)}
        installationName={request.installation.name}
      />,
    );
  }

  app.get('/layanan', { schema: { querystring: CatalogueQuery, hide: true } }, async (request, reply) => {
    if (request.site.kind === 'agency') return showAgency(request, reply, request.site.agency, true);
    const { q = '', opd = '' } = request.query as { q?: string; opd?: string };
    const agency = opd ? await findAgencyBySlug(db, opd) : undefined;
    const [services, agencies] = await Promise.all([
      listPublishedServices(db, { q, agencyId: agency?.id ?? (opd ? 'none' : undefined) }),
      listAgenciesWithServices(db),
    ]);
    return reply.page(
      <CataloguePage
        ctx={pageContext(request, reply)}
        services={services}
        agencies={agencies}
        query={q}
        agencySlug={agency?.slug ?? ''}
      />,
    );
  });

  app.get(
    '/layanan/:service',
    { schema: { params: HostServiceParams, hide: true } },
    async (request, reply) => {
      if (request.site.kind !== 'agency') throw new NotFoundError();
      return showService(
        request,
        reply,
        request.site.agency,
        (request.params as { service: string }).service,
        true,
      );
    },
  );

  app.get(
    '/layanan/:service/poster',
    { schema: { params: HostServiceParams, hide: true } },
    async (request, reply) => {
      if (request.site.kind !== 'agency') throw new NotFoundError();
      return showPoster(request, reply, request.site.agency, (request.params as { service: string }).service);
    },
  );

  app.get('/opd/:slug/layanan', { schema: { params: SlugParams, hide: true } }, async (request, reply) =>
    showAgency(request, reply, await getAgencyBySlug(db, (request.params as { slug: string }).slug), false),
  );

  app.get(
    '/opd/:slug/layanan/:service',
    { schema: { params: ServiceParams, hide: true } },
    async (request, reply) => {
      const { slug, service } = request.params as { slug: string; service: string };
      return showService(request, reply, await getAgencyBySlug(db, slug), service, false);
    },
  );

  app.get(
    '/opd/:slug/layanan/:service/poster',
    { schema: { params: ServiceParams, hide: true } },
    async (request, reply) => {
      const { slug, service } = request.params as { slug: string; service: string };
      return showPoster(request, reply, await getAgencyBySlug(db, slug), service);
    },
  );
}
