import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { findAgencyBySlug, listAgencies } from '../agencies/agencies.repository.js';
import { NotFoundError } from '../errors.js';
import { pageContext } from '../http/page.js';
import { todayIn } from '../time/zone.js';
import { listPublicComplaints, PUBLIC_LIST_STATUSES } from './complaints.public.js';
import { cachedFigures } from './complaints.stats.js';
import type { ComplaintStatus } from './complaints.table.js';
import { FiguresPage } from './views/public-list-figures.js';
import { PublicListPage } from './views/public-list.js';

/*
 * Public accountability: /aduan/laporan lists the public complaints (complaints.public.ts decides
 * what is public), /aduan/kinerja shows each OPD's figures (complaints.stats.ts). Both are plain GET
 * pages with GET filter forms, so every filtered view has an address an OPD page or a journalist
 * can link to (/aduan/kinerja?opd=dinkes).
 */

const PER_PAGE = 20;
const SlugFilter = Type.Unsafe<string>({ type: 'string', maxLength: 60, pattern: '^[a-z0-9-]*$' });

const ListQuery = Type.Object({
  opd: Type.Optional(SlugFilter),
  status: Type.Optional(
    Type.Unsafe<ComplaintStatus | ''>({ type: 'string', enum: ['', ...PUBLIC_LIST_STATUSES] }),
  ),
  halaman: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});

const FiguresQuery = Type.Object({
  opd: Type.Optional(SlugFilter),
  tahun: Type.Optional(Type.Unsafe<string>({ type: 'string', pattern: '^(20[0-9]{2})?$' })),
});

async function agencyOf(app: FastifyInstance, slug: string | undefined) {
  if (!slug) return undefined;
  const agency = await findAgencyBySlug(app.db, slug);
  if (!agency) throw new NotFoundError();
  return agency;
}

/** The years from the first complaint to this one, newest first. */
async function yearsOf(app: FastifyInstance, timeZone: string): Promise<number[]> {
  const current = Number(todayIn(timeZone).slice(0, 4));
  const first = await app.db
    .selectFrom('complaints')
    .select((eb) => eb.fn.min('receivedAt').as('first'))
    .executeTakeFirst();
  const from = first?.first ? Math.min(current, Number(String(first.first).slice(0, 4))) : current;
  return Array.from({ length: current - from + 1 }, (_, i) => current - i);
}

export default async function accountabilityRoutes(app: FastifyInstance) {
  app.get('/aduan/laporan', { schema: { querystring: ListQuery, hide: true } }, async (request, reply) => {
    const q = request.query as { opd?: string; status?: ComplaintStatus | ''; halaman?: number };
    const agency = await agencyOf(app, q.opd);
    const list = await listPublicComplaints(app.db, {
      agencyId: agency?.id,
      status: q.status || undefined,
      page: q.halaman ?? 1,
      perPage: PER_PAGE,
    });
    return reply.page(
      <PublicListPage
        ctx={pageContext(request, reply)}
        agencies={await listAgencies(app.db)}
        filters={{ opd: agency?.slug ?? '', status: q.status ?? '' }}
        list={list}
      />,
    );
  });

  app.get('/aduan/kinerja', { schema: { querystring: FiguresQuery, hide: true } }, async (request, reply) => {
    const q = request.query as { opd?: string; tahun?: string };
    const agency = await agencyOf(app, q.opd);
    const year = q.tahun ? Number(q.tahun) : undefined;
    const report = await cachedFigures(app.db, { year, agencyId: agency?.id });
    return reply.page(
      <FiguresPage
        ctx={pageContext(request, reply)}
        agencies={await listAgencies(app.db)}
        years={await yearsOf(app, request.installation.timeZone)}
        filters={{ opd: agency?.slug ?? '', tahun: year ? String(year) : '' }}
        agency={agency ? { name: agency.name, slug: agency.slug } : null}
        report={report}
      />,
    );
  });
}
