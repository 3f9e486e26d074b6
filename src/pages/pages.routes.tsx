import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { socialLinksOf } from '../agencies/agencies.service.js';
import type { Agency } from '../agencies/agencies.table.js';
import { NotFoundError } from '../errors.js';
import { pageContext } from '../http/page.js';
import { htmlToText } from '../news/sanitize.js';
import { HostPageParams, PageParams } from './pages.schemas.js';
import { CONTACT_PAGE, hasContent, menuOf, pagesOf, RESERVED_PAGE_SLUGS } from './pages.service.js';
import { AgencyPageView } from './views/agency-page.js';

/** An agency's pages: `/opd/{slug}/{page}`, and `/{page}` on the agency's own host. */
export default async function agencyPagesPublic(app: FastifyInstance) {
  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    slug: string,
    byHost: boolean,
  ) {
    const pages = await pagesOf(app.db, agency);
    const page = pages.find((p) => p.slug === slug);
    if (!page) throw new NotFoundError();
    const filled = hasContent(page.bodyHtml);
    const text = htmlToText(page.bodyHtml);
    return reply.page(
      <AgencyPageView
        ctx={pageContext(request, reply, { kind: 'agency', agency, byHost })}
        agency={agency}
        page={page}
        menu={menuOf(pages)}
        byHost={byHost}
        contact={page.slug === CONTACT_PAGE ? socialLinksOf(agency) : null}
        hasContent={filled}
        canonicalUrl={`${app.config.baseUrl}/opd/${agency.slug}/${page.slug}`}
        description={text ? text.slice(0, 160) : `${page.title} — ${agency.name}`}
      />,
    );
  }

  app.get('/opd/:slug/:page', { schema: { params: PageParams, hide: true } }, async (request, reply) => {
    const { slug, page } = request.params as { slug: string; page: string };
    return show(request, reply, await getAgencyBySlug(app.db, slug), page, false);
  });

  // Fixed paths (/berita, /cari, /masuk…) win over this one in the router; the reserved list keeps
  // pages from taking those addresses, and this route from answering for them on the portal.
  app.get('/:page', { schema: { params: HostPageParams, hide: true } }, async (request, reply) => {
    const { page } = request.params as { page: string };
    if (request.site.kind !== 'agency' || RESERVED_PAGE_SLUGS.has(page)) throw new NotFoundError();
    return show(request, reply, request.site.agency, page, true);
  });
}
