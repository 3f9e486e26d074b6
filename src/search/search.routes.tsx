import type { FastifyInstance } from 'fastify';
import { pageContext } from '../http/page.js';
import { listAgencies } from '../agencies/agencies.repository.js';
import { SearchPageQuery } from './search.schemas.js';
import { searchSite } from './search.service.js';
import { cleanQuery } from './search.text.js';
import { SearchPage } from './views/search.js';

/** `/cari`: search across published posts and agency pages, on the portal and on every agency host. */
export default async function searchPages(app: FastifyInstance) {
  app.get('/cari', { schema: { querystring: SearchPageQuery, hide: true } }, async (request, reply) => {
    const params = request.query as SearchPageQuery;
    const query = cleanQuery(params.q ?? '');
    const agencies = await listAgencies(app.db);
    // On an agency's own host the search starts within that agency; choosing "all" sends opd= empty.
    const site = request.site;
    const slug = params.opd ?? (site.kind === 'agency' ? site.agency.slug : '');
    const agency = agencies.find((a) => a.slug === slug) ?? null;
    const page = Number.parseInt(params.halaman ?? '1', 10);
    const results = query
      ? await searchSite(app.db, { query, agencyId: agency?.id, page: Number.isFinite(page) ? page : 1 })
      : null;
    const href = (n: number, opd = agency?.slug ?? '') => {
      const search = new URLSearchParams({ q: query, opd });
      if (n > 1) search.set('halaman', String(n));
      return `/cari?${search.toString()}`;
    };
    return reply.page(
      <SearchPage
        ctx={pageContext(request, reply)}
        query={query}
        agencies={agencies}
        agency={agency}
        results={results}
        href={href}
        allHref={href(1, '')}
      />,
    );
  });
}
