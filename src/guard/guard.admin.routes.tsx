import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import { findAgencyBySlug, listAgencies } from '../agencies/agencies.repository.js';
import type { Agency } from '../agencies/agencies.table.js';
import { NotFoundError } from '../errors.js';
import { requireActor } from '../http/auth.js';
import { sendCsv, toCsv } from '../http/csv.js';
import { pageContext } from '../http/page.js';
import { now } from '../time/clock.js';
import { outboundReport, type DomainRow } from './guard.links.js';
import { linkScope, inScope } from './guard.policy.js';
import { listOpenHolds } from './guard.repository.js';
import { canReviewHolds, rejectHold, releaseHold } from './guard.review.js';
import { m } from './messages.js';
import { LinksPage } from './views/links.js';
import { ReviewPage } from './views/review.js';

const HoldParams = Type.Object({ hold: Type.String({ format: 'uuid' }) });
const LinksQuery = Type.Object({ opd: Type.Optional(Type.String({ maxLength: 80 })) });

function linksCsv(rows: DomainRow[]): string {
  return toCsv(
    m.linksCsvHeader,
    rows.flatMap((row) =>
      row.sources.map((s) => [
        row.host,
        row.trusted ? 'ya' : 'tidak',
        s.agencyName,
        m.subject[s.kind],
        s.title,
        s.path,
        s.count,
      ]),
    ),
  );
}

/** Held content for the super admin, and the outbound-links report. Prefix: /admin */
export default async function guardAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  /** The review queue exists only for the super admin; to anyone else it is not found. */
  function reviewer(request: FastifyRequest) {
    const actor = requireActor(request);
    if (!canReviewHolds(actor)) throw new NotFoundError();
    return actor;
  }

  app.get('/tinjauan-konten', { schema: { hide: true } }, async (request, reply) => {
    reviewer(request);
    return reply.page(<ReviewPage ctx={pageContext(request, reply)} rows={await listOpenHolds(app.db)} />);
  });

  app.post(
    '/tinjauan-konten/:hold/terbitkan',
    { schema: { params: HoldParams, hide: true } },
    async (request, reply) => {
      await releaseHold(app.db, reviewer(request), (request.params as { hold: string }).hold);
      return reply.redirectWithFlash('/admin/tinjauan-konten', m.released);
    },
  );

  app.post(
    '/tinjauan-konten/:hold/tolak',
    { schema: { params: HoldParams, hide: true } },
    async (request, reply) => {
      await rejectHold(app.db, reviewer(request), (request.params as { hold: string }).hold);
      return reply.redirectWithFlash('/admin/tinjauan-konten', m.rejected);
    },
  );

  /** The OPDs in the reader's scope, and the one chosen (an OPD outside the scope is not found). */
  async function linksFor(
    request: FastifyRequest,
  ): Promise<{ agencies: Agency[]; opd: string; rows: DomainRow[] }> {
    const scope = linkScope(requireActor(request));
    if (scope !== 'all' && !scope.length) throw new NotFoundError();
    const opd = ((request.query as { opd?: string }).opd ?? '').trim();
    let ids = scope;
    if (opd) {
      // Only an address-shaped slug reaches the database (PostgreSQL refuses a NUL outright).
      const agency = /^[a-z0-9-]{1,80}$/.test(opd) ? await findAgencyBySlug(app.db, opd) : undefined;
      if (!agency || !inScope(scope, agency.id)) throw new NotFoundError();
      ids = [agency.id];
    }
    const [agencies, rows] = await Promise.all([
      scope === 'all' ? listAgencies(app.db) : listAgencies(app.db, { ids: scope }),
      outboundReport(app.db, ids),
    ]);
    return { agencies, opd, rows };
  }

  app.get('/tautan-keluar', { schema: { querystring: LinksQuery, hide: true } }, async (request, reply) => {
    const { agencies, opd, rows } = await linksFor(request);
    return reply.page(
      <LinksPage ctx={pageContext(request, reply)} rows={rows} agencies={agencies} opd={opd} />,
    );
  });

  app.get(
    '/tautan-keluar.csv',
    { schema: { querystring: LinksQuery, hide: true } },
    async (request, reply) => {
      const { opd, rows } = await linksFor(request);
      return sendCsv(reply, `tautan-keluar${opd ? `-${opd}` : ''}-${now().slice(0, 10)}.csv`, linksCsv(rows));
    },
  );
}
