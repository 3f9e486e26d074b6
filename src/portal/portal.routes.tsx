import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { listAgencies } from '../agencies/agencies.repository.js';
import { renderAgencyHome } from '../agencies/agencies.routes.js';
import { pageContext } from '../http/page.js';
import { latestPublished, mediaByIds } from '../news/news.queries.js';
import { PortalHome } from './views/home.js';

/** `/` (the portal, or an agency's home on its own host), health and robots. */
export default async function portalRoutes(app: FastifyInstance) {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    if (request.site.kind === 'agency')
      return renderAgencyHome(app, request, reply, request.site.agency, true);
    const [agencies, latest] = await Promise.all([listAgencies(app.db), latestPublished(app.db, {}, 6)]);
    const featured = agencies.filter((a) => a.kind === 'dinas' || a.kind === 'badan').slice(0, 6);
    const covers = await mediaByIds(
      app.db,
      latest.map((r) => r.coverMediaId),
    );
    return reply.page(
      <PortalHome
        ctx={pageContext(request, reply)}
        featured={featured}
        agencyCount={agencies.length}
        latest={latest}
        covers={covers}
      />,
    );
  });

  app.get('/healthz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(app.db);
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: 'ok' });
    } catch (err) {
      request.log.error({ err }, 'health check failed');
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .send({ status: 'error', database: 'unreachable' });
    }
  });

  app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .send(
        `User-agent: *\nDisallow: /admin\nDisallow: /masuk\nDisallow: /api/\nSitemap: ${app.config.baseUrl}/sitemap.xml\n`,
      ),
  );
}
