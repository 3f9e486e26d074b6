import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import type { Actor } from '../accounts/accounts.policy.js';
import { findAgencyBySlug, listAgencies } from '../agencies/agencies.repository.js';
import { NotFoundError } from '../errors.js';
import { requireActor } from '../http/auth.js';
import { pageContext, pageHtml } from '../http/page.js';
import { staffPageCache } from '../http/staff-page-cache.js';
import { versioned } from '../http/versioned.js';
import { now } from '../time/clock.js';
import { canManageCategories } from './categories.service.js';
import { queueCsv } from './complaints.csv.js';
import { sendCsv } from '../http/csv.js';
import { dueSoonBefore, loadClocks } from './complaints.deadlines.js';
import { complaintScope, isCoordinator } from './complaints.policy.js';
import { listQueue, queueCounts, type QueueFilter, type QueueTab } from './complaints.queries.js';
import { findCategoryByCode, listCategories } from './complaints.repository.js';
import { COMPLAINT_STATUSES, type ComplaintStatus } from './complaints.table.js';
import { QueuePageView, TAB_SLUGS, type QueueParams } from './views/admin-queue.js';

const PER_PAGE = 50;
/** The export's ceiling: a year of a large city's complaints, still a file a spreadsheet opens. */
const EXPORT_MAX_ROWS = 100_000;
const EXPORT_PAGE = 1000;

/** The complaints a staff member handles: 404 for someone who handles none (no page confirms the centre's data). */
export function staffScope(actor: Actor): 'all' | string[] {
  const scope = complaintScope(actor);
  if (scope !== 'all' && scope.length === 0) throw new NotFoundError();
  return scope;
}

const QueueQuery = Type.Object({
  tab: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(Type.String({ maxLength: 40 })),
  opd: Type.Optional(Type.String({ maxLength: 80 })),
  kategori: Type.Optional(Type.String({ maxLength: 80 })),
  q: Type.Optional(Type.String({ maxLength: 500 })),
  halaman: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
});
type QueueQuery = typeof QueueQuery.static;

const TAB_BY_SLUG = new Map<string, QueueTab>([
  ...Object.entries(TAB_SLUGS).map(([tab, slug]) => [slug, tab as QueueTab] as const),
  ['semua', 'all'],
]);

// Control characters never belong in a search; PostgreSQL refuses NUL outright.
const clean = (value: string | undefined, max: number) =>
  (value ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\ufffd]/g, '')
    .trim()
    .slice(0, max);

/** The address's filters, with anything unknown dropped: a stale bookmark still opens a page. */
function paramsOf(query: QueueQuery, scope: 'all' | string[]): QueueParams {
  const status = (COMPLAINT_STATUSES as readonly string[]).includes(query.status ?? '') ? query.status! : '';
  // A status asked for without a tab looks through every complaint, not only the open ones.
  const tab = TAB_BY_SLUG.get(query.tab ?? '') ?? (status ? 'all' : 'open');
  return {
    tab,
    status,
    opd: scope === 'all' ? clean(query.opd, 80) : '',
    kategori: clean(query.kategori, 80),
    q: clean(query.q, 150),
  };
}

// An unknown OPD or category matches nothing, rather than quietly widening the list to everything.
const NOTHING = '00000000-0000-0000-0000-000000000000';

async function filterOf(app: FastifyInstance, params: QueueParams, at: string): Promise<QueueFilter> {
  const clocks = await loadClocks(app.db);
  const agency = params.opd ? await findAgencyBySlug(app.db, params.opd) : undefined;
  const category = params.kategori ? await findCategoryByCode(app.db, params.kategori) : undefined;
  return {
    tab: params.tab,
    status: (params.status || undefined) as ComplaintStatus | undefined,
    agencyId: params.opd ? (agency?.id ?? NOTHING) : undefined,
    categoryId: params.kategori ? (category?.id ?? NOTHING) : undefined,
    q: params.q || undefined,
    at,
    dueSoonBefore: dueSoonBefore(clocks, at),
  };
}

type Counts = Awaited<ReturnType<typeof queueCounts>>;

/**
 * The tab counts read every open complaint of the scope (the coordinator's: all of them): with
 * thousands open, the page's costliest query by far, and the same figures for every page view. So
 * they are kept per scope for a second, and forgotten as soon as this process handles a write
 * (whoever acts sees their change on the next page); other processes' changes show within the TTL.
 * Under test they are read afresh: tests move the clock and write through services directly.
 */
function keptCounts(app: FastifyInstance) {
  const ttlMs = app.config.env === 'test' ? 0 : 1000;
  const kept = new Map<string, { until: number; generation: number; counts: Promise<Counts> }>();
  const generation = () => (app.hasDecorator('contentVersion') ? app.contentVersion.generation : 0);
  return (scope: 'all' | string[], at: string, dueSoonBefore: string): Promise<Counts> => {
    if (ttlMs <= 0) return queueCounts(app.db, scope, at, dueSoonBefore);
    const key = scope === 'all' ? 'all' : scope.join(',');
    const hit = kept.get(key);
    if (hit && hit.until > Date.now() && hit.generation === generation()) return hit.counts;
    const entry = {
      until: Date.now() + ttlMs,
      generation: generation(),
      counts: queueCounts(app.db, scope, at, dueSoonBefore),
    };
    if (kept.size >= 1000) kept.clear();
    kept.set(key, entry);
    entry.counts.catch(() => kept.get(key) === entry && kept.delete(key));
    return entry.counts;
  };
}

/** The staff queues and their CSV export. Prefix: /admin */
export default async function complaintQueueAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);
  const counts = keptCounts(app);
  const pages = staffPageCache(app, app.config.staffPageCacheMs);
  // Agencies bump the content version: the filter's list is read again only after a change.
  const agencyList = versioned(app, () => listAgencies(app.db));

  const load = async (request: FastifyRequest) => {
    const actor = requireActor(request);
    const scope = staffScope(actor);
    const params = paramsOf(request.query as QueueQuery, scope);
    const at = now();
    return { actor, scope, params, at, filter: await filterOf(app, params, at) };
  };

  app.get('/aduan', { schema: { querystring: QueueQuery, hide: true } }, async (request, reply) => {
    staffScope(requireActor(request)); // refused before anything kept is shown
    return pages.serve(request, reply, async () => {
      const { actor, scope, params, at, filter } = await load(request);
      const page = (request.query as QueueQuery).halaman ?? 1;
      const [queue, tabCounts, categories, agencies] = await Promise.all([
        listQueue(app.db, scope, { ...filter, page, perPage: PER_PAGE }),
        counts(scope, at, filter.dueSoonBefore),
        listCategories(app.db),
        scope === 'all' ? agencyList() : Promise.resolve([]),
      ]);
      return pageHtml(
        <QueuePageView
          ctx={pageContext(request, reply)}
          scope={scope === 'all' ? 'all' : 'agency'}
          params={params}
          counts={tabCounts}
          queue={queue}
          agencies={agencies}
          categories={categories}
          at={at}
          dueSoonBefore={filter.dueSoonBefore}
          canEnter={isCoordinator(actor)}
          canEditCategories={canManageCategories(actor)}
        />,
      );
    });
  });

  app.get('/aduan.csv', { schema: { querystring: QueueQuery, hide: true } }, async (request, reply) => {
    const { scope, at, filter } = await load(request);
    const read = (page: number) => listQueue(app.db, scope, { ...filter, page, perPage: EXPORT_PAGE });
    // The first page is read before anything is sent, so a failure there is still a proper error page.
    const first = await read(1);
    async function* batches() {
      let batch = first;
      for (let page = 1; ; batch = await read(++page)) {
        yield batch.rows;
        if (!batch.hasNext || page * EXPORT_PAGE >= EXPORT_MAX_ROWS) return;
      }
    }
    const csv = Readable.from(queueCsv(batches(), request.installation.timeZone, at));
    return sendCsv(reply, `aduan-${at.slice(0, 10)}.csv`, csv);
  });
}
