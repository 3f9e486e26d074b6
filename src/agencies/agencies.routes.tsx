import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { pageContext } from '../http/page.js';
import { latestPublished, mediaByIds } from '../news/news.queries.js';
import { Text } from '../http/schema.js';
import { SlugParams } from './agencies.schemas.js';
import { NotFoundError } from '../errors.js';
import { findAgencyById, getAgencyBySlug, listAgencies } from './agencies.repository.js';
import { socialLinksOf } from './agencies.service.js';
import { AGENCY_KINDS, type Agency } from './agencies.table.js';
import { AgencyHome } from './views/agency-home.js';
import { Directory } from './views/directory.js';
import { menuOf, pagesOf } from '../pages/pages.service.js';

const DirectoryQuery = Type.Object({
  q: Type.Optional(Text('Cari nama', 100, { required: false })),
  jenis: Type.Optional(Type.String({ maxLength: 30 })),
});

/** Public agency pages: the directory and each agency's home (also served at `/` on its own host). */
export default async function agencyPages(app: FastifyInstance) {
  app.get('/opd', { schema: { querystring: DirectoryQuery, hide: true } }, async (request, reply) => {
    const { q = '', jenis = '' } = request.query as { q?: string; jenis?: string };
    const kind = (AGENCY_KINDS as readonly string[]).includes(jenis) ? (jenis as Agency['kind']) : '';
    const all = await listAgencies(app.db, { query: q.trim() });
    const agencies = kind ? all.filter((a) => a.kind === kind) : all;
    return reply.page(
      <Directory ctx={pageContext(request, reply)} agencies={agencies} query={q} kind={kind} />,
    );
  });

  app.get('/opd/:slug', { schema: { params: SlugParams, hide: true } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const agency = await getAgencyBySlug(app.db, slug);
    return renderAgencyHome(app, request, reply, agency, false);
  });
}

export async function renderAgencyHome(
  app: FastifyInstance,
  request: Parameters<typeof pageContext>[0],
  reply: Parameters<typeof pageContext>[1],
  agency: Agency,
  byHost: boolean,
) {
  if (!agency) throw new NotFoundError();
  const [parent, children, latest, pages] = await Promise.all([
    agency.parentId ? findAgencyById(app.db, agency.parentId) : Promise.resolve(undefined),
    app.db.selectFrom('agencies').selectAll().where('parentId', '=', agency.id).orderBy('name').execute(),
    latestPublished(app.db, { agencyId: agency.id }, 6),
    pagesOf(app.db, agency),
  ]);
  const covers = await mediaByIds(
    app.db,
    latest.map((r) => r.coverMediaId),
  );
  const ctx = pageContext(request, reply, { kind: 'agency', agency, byHost });
  return reply.page(
    <AgencyHome
      ctx={ctx}
      agency={agency}
      parent={parent}
      children={children}
      social={socialLinksOf(agency)}
      latest={latest}
      covers={covers}
      menu={menuOf(pages)}
      byHost={byHost}
    />,
  );
}
