import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import { findAgencyBySlug, listAgencies } from '../agencies/agencies.repository.js';
import type { Agency } from '../agencies/agencies.table.js';
import type { DbOrTx } from '../db/database.js';
import { requireActor } from '../http/auth.js';
import { sendCsv } from '../http/csv.js';
import { pageContext } from '../http/page.js';
import { now } from '../time/clock.js';
import { todayIn, zonedToUtc } from '../time/zone.js';
import { auditCsv } from './audit.csv.js';
import { requireAuditScope } from './audit.policy.js';
import { listAuditEvents, type AuditCursor, type AuditFilter } from './audit.queries.js';
import { AuditPageView, type AuditParams } from './views/audit.js';

const PER_PAGE = 50;
/** The export's ceiling: months of a busy city's admin work, still a file a spreadsheet opens quickly. */
export const EXPORT_MAX_ROWS = 20_000;
const EXPORT_BATCH = 1000;

const AuditQuery = Type.Object({
  siapa: Type.Optional(Type.String({ maxLength: 200 })),
  tindakan: Type.Optional(Type.String({ maxLength: 80 })),
  opd: Type.Optional(Type.String({ maxLength: 80 })),
  dari: Type.Optional(Type.String({ maxLength: 20 })),
  sampai: Type.Optional(Type.String({ maxLength: 20 })),
  objek: Type.Optional(Type.String({ maxLength: 100 })),
  sebelum: Type.Optional(Type.String({ maxLength: 120 })),
});
type AuditQuery = typeof AuditQuery.static;

// Control characters never belong in a filter; PostgreSQL refuses NUL outright.
const clean = (value: string | undefined, max: number) =>
  (value ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\ufffd]/g, '')
    .trim()
    .slice(0, max);

const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const CURSOR = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)~([0-9a-f-]{36})$/;

/** The instant a local day (YYYY-MM-DD, the installation's zone) starts; `next` for the day after. */
function dayStart(date: string, timeZone: string, next = false): string | undefined {
  const m = DATE.exec(date);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3]) + (next ? 1 : 0)];
  // Date.UTC rolls the 32nd over to the next month; the zone's offset is then taken for that day.
  const rolled = new Date(Date.UTC(year, month - 1, day));
  return zonedToUtc(rolled.getUTCFullYear(), rolled.getUTCMonth() + 1, rolled.getUTCDate(), timeZone);
}

function cursorOf(value: string | undefined): AuditCursor | undefined {
  const m = CURSOR.exec(value ?? '');
  return m ? { createdAt: m[1]!, id: m[2]! } : undefined;
}

/** The address's filters, with anything malformed dropped: a stale bookmark still opens a page. */
function paramsOf(query: AuditQuery): AuditParams {
  const date = (value: string | undefined) => {
    const text = clean(value, 10);
    return DATE.test(text) ? text : '';
  };
  return {
    siapa: clean(query.siapa, 100),
    tindakan: clean(query.tindakan, 80),
    opd: clean(query.opd, 80),
    dari: date(query.dari),
    sampai: date(query.sampai),
    objek: clean(query.objek, 100),
    badDate: Boolean((query.dari && !date(query.dari)) || (query.sampai && !date(query.sampai))),
  };
}

// An unknown OPD matches nothing, rather than quietly widening the list to everything.
const NOTHING = '00000000-0000-0000-0000-000000000000';

async function agenciesFor(db: DbOrTx, scope: 'all' | string[]): Promise<Agency[]> {
  const all = await listAgencies(db);
  return scope === 'all' ? all : all.filter((g) => scope.includes(g.id));
}

async function filterOf(
  db: DbOrTx,
  scope: 'all' | string[],
  params: AuditParams,
  timeZone: string,
): Promise<AuditFilter> {
  const agency = params.opd ? await findAgencyBySlug(db, params.opd) : undefined;
  return {
    scope,
    who: params.siapa || undefined,
    action: params.tindakan || undefined,
    agencyId: params.opd ? (agency?.id ?? NOTHING) : undefined,
    from: params.dari ? dayStart(params.dari, timeZone) : undefined,
    to: params.sampai ? dayStart(params.sampai, timeZone, true) : undefined,
    subjectId: params.objek || undefined,
  };
}

/** The audit log and its CSV export. Prefix: /admin */
export default async function auditAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  const load = async (request: FastifyRequest) => {
    const scope = requireAuditScope(requireActor(request));
    const query = request.query as AuditQuery;
    const params = paramsOf(query);
    const timeZone = request.installation.timeZone;
    return { scope, query, params, filter: await filterOf(app.db, scope, params, timeZone) };
  };

  app.get('/audit', { schema: { querystring: AuditQuery, hide: true } }, async (request, reply) => {
    const { scope, query, params, filter } = await load(request);
    const after = cursorOf(query.sebelum);
    const [page, agencies] = await Promise.all([
      listAuditEvents(app.db, filter, { after, limit: PER_PAGE }),
      agenciesFor(app.db, scope),
    ]);
    return reply.page(
      <AuditPageView
        ctx={pageContext(request, reply)}
        scope={scope === 'all' ? 'all' : 'agency'}
        params={params}
        page={page}
        paged={Boolean(after)}
        agencies={agencies}
        exportMax={EXPORT_MAX_ROWS}
      />,
    );
  });

  app.get('/audit.csv', { schema: { querystring: AuditQuery, hide: true } }, async (request, reply) => {
    const { filter } = await load(request);
    const read = (taken: number, after?: AuditCursor) =>
      listAuditEvents(app.db, filter, { after, limit: Math.min(EXPORT_BATCH, EXPORT_MAX_ROWS - taken) });
    // The first batch is read before anything is sent, so a failure there is still a proper error page.
    const first = await read(0);
    async function* batches() {
      let batch = first;
      for (let taken = 0; ; batch = await read(taken, batch.next)) {
        yield batch.rows;
        taken += batch.rows.length;
        if (!batch.next || taken >= EXPORT_MAX_ROWS) return;
      }
    }
    const timeZone = request.installation.timeZone;
    const day = todayIn(timeZone, new Date(now()));
    return sendCsv(reply, `log-audit-${day}.csv`, Readable.from(auditCsv(batches(), timeZone)));
  });
}
