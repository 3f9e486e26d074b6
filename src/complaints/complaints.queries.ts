import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, DbOrTx } from '../db/database.js';
import { FINAL_STATUSES, type ComplaintStatus } from './complaints.table.js';

/*
 * The queues: the coordinator's (every complaint) and each OPD's (those assigned to it, lead or
 * co-assignee). Served from the (status, deadline_at) and (agency_id, status, deadline_at) indexes;
 * pages are fetched one row past the limit to know whether a next page exists, so no count over a
 * million rows is needed.
 */

export const QUEUE_TABS = ['new', 'due_soon', 'overdue', 'on_hold', 'open', 'closed', 'all'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export const OPEN_STATUSES: readonly ComplaintStatus[] = [
  'received',
  'verified',
  'on_hold',
  'assigned',
  'in_progress',
  'answered',
];

/*
 * The open and final conditions as literal SQL, the same text as the partial indexes of the
 * 2026_11_28_1800 migration: SQLite uses a partial index only for a query that repeats its
 * condition with literals.
 */
const statusIn = (statuses: readonly ComplaintStatus[]) =>
  sql<SqlBool>`c.status in (${sql.raw(statuses.map((s) => `'${s}'`).join(', '))})`;
const IS_OPEN = statusIn(OPEN_STATUSES);
const IS_FINAL = statusIn(FINAL_STATUSES);

type QueueEb = ExpressionBuilder<Database & { c: Database['complaints'] }, 'c'>;

export interface QueueFilter {
  tab?: QueueTab;
  status?: ComplaintStatus;
  agencyId?: string;
  categoryId?: string;
  /** words in the title or the tracking code */
  q?: string;
  /** the current instant and the "due soon" horizon (complaints.deadlines.ts dueSoonBefore) */
  at: string;
  dueSoonBefore: string;
  page?: number;
  perPage?: number;
}

export interface QueueRow {
  id: string;
  trackingCode: string;
  title: string;
  class: string;
  channel: string;
  status: ComplaintStatus;
  anonymous: number;
  confidential: number;
  agencyId: string | null;
  agencyName: string | null;
  categoryName: string | null;
  deadlineAt: string | null;
  deadlineKind: string | null;
  receivedAt: string;
  handoffs: number;
  reopened: number;
}

export interface QueuePage {
  rows: QueueRow[];
  page: number;
  hasNext: boolean;
}

type Scope = 'all' | readonly string[];

/** Which tab and filters a complaint must meet: the WHERE shared by the page and its counts. */
function matching(eb: QueueEb, filter: QueueFilter): Expression<SqlBool> {
  const terms: Expression<SqlBool>[] = [];
  const tab = filter.tab ?? 'open';
  // Every tab but 'all' names the open or the closed rows, so its partial index serves it.
  if (tab === 'new') terms.push(IS_OPEN, eb('c.status', '=', 'received'));
  if (tab === 'on_hold') terms.push(IS_OPEN, eb('c.status', '=', 'on_hold'));
  if (tab === 'open') terms.push(IS_OPEN);
  if (tab === 'closed') terms.push(IS_FINAL);
  if (tab === 'overdue') terms.push(IS_OPEN, eb('c.deadlineAt', '<', filter.at));
  if (tab === 'due_soon') {
    terms.push(IS_OPEN, eb('c.deadlineAt', '>=', filter.at), eb('c.deadlineAt', '<=', filter.dueSoonBefore));
  }
  if (filter.status) {
    if (tab === 'all') terms.push(FINAL_STATUSES.includes(filter.status) ? IS_FINAL : IS_OPEN);
    terms.push(eb('c.status', '=', filter.status));
  }
  if (filter.agencyId) terms.push(eb('c.agencyId', '=', filter.agencyId));
  if (filter.categoryId) terms.push(eb('c.categoryId', '=', filter.categoryId));
  const q = filter.q?.trim();
  if (q) {
    const like = `%${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    terms.push(
      eb.or([eb('c.trackingCode', '=', q.toUpperCase()), eb(eb.fn('lower', ['c.title']), 'like', like)]),
    );
  }
  return eb.and(terms);
}

/**
 * The complaints of the scope that match, as narrow rows (id and sort keys). For an OPD, the ones
 * it leads (the agency_id index) and, apart, the few it is co-assigned to: one OR across both would
 * make the database visit every complaint the OPD ever had.
 */
function candidates(db: DbOrTx, scope: Scope, filter: QueueFilter) {
  const narrow = (where?: (eb: QueueEb) => Expression<SqlBool>) =>
    db
      .selectFrom('complaints as c')
      .select(['c.id', 'c.status', 'c.deadlineAt', 'c.receivedAt'])
      .where((eb) => (where ? eb.and([matching(eb, filter), where(eb)]) : matching(eb, filter)));
  if (scope === 'all') return narrow();
  const agencies = [...scope];
  return narrow((eb) => eb('c.agencyId', 'in', agencies)).unionAll(
    narrow((eb) =>
      eb.and([
        eb(
          'c.id',
          'in',
          eb
            .selectFrom('complaintAssignees')
            .select('complaintId')
            .where('agencyId', 'in', agencies)
            .where('role', '=', 'co'),
        ),
        eb.or([eb('c.agencyId', 'is', null), eb('c.agencyId', 'not in', agencies)]),
      ]),
    ),
  );
}

/** A page of the queue; `scope` is 'all' for the coordinator or the OPDs a person handles complaints for. */
export async function listQueue(db: DbOrTx, scope: Scope, filter: QueueFilter): Promise<QueuePage> {
  const perPage = filter.perPage ?? 50;
  const page = Math.max(1, filter.page ?? 1);
  if (scope !== 'all' && scope.length === 0) return { rows: [], page, hasNext: false };
  const tab = filter.tab ?? 'open';
  // Open work by deadline (the most urgent first); closed and all by arrival, newest first.
  const byArrival = tab === 'closed' || tab === 'all';
  let ids = db.selectFrom(candidates(db, scope, filter).as('m')).select('m.id');
  ids = byArrival
    ? ids.orderBy('m.receivedAt', 'desc')
    : ids.orderBy('m.deadlineAt', 'asc').orderBy('m.receivedAt', 'asc');
  const chosen = (
    await ids
      .orderBy('m.id')
      .limit(perPage + 1)
      .offset((page - 1) * perPage)
      .execute()
  ).map((r) => r.id);
  const wanted = chosen.slice(0, perPage);
  if (!wanted.length) return { rows: [], page, hasNext: false };
  // The page's few rows with their names (a deferred join: the sort above works on narrow rows).
  const rows = await db
    .selectFrom('complaints as c')
    .leftJoin('agencies as a', 'a.id', 'c.agencyId')
    .leftJoin('complaintCategories as k', 'k.id', 'c.categoryId')
    .select([
      'c.id',
      'c.trackingCode',
      'c.title',
      'c.class',
      'c.channel',
      'c.status',
      'c.anonymous',
      'c.confidential',
      'c.agencyId',
      'a.name as agencyName',
      'k.name as categoryName',
      'c.deadlineAt',
      'c.deadlineKind',
      'c.receivedAt',
      'c.handoffs',
      'c.reopened',
    ])
    .where('c.id', 'in', wanted)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r as QueueRow]));
  return { rows: wanted.map((id) => byId.get(id)!), page, hasNext: chosen.length > perPage };
}

/** How many complaints wait in each tab of the queue, for the tab labels. */
export async function queueCounts(
  db: DbOrTx,
  scope: Scope,
  at: string,
  dueSoonBefore: string,
): Promise<Record<'new' | 'due_soon' | 'overdue' | 'on_hold', number>> {
  if (scope !== 'all' && scope.length === 0) return { new: 0, due_soon: 0, overdue: 0, on_hold: 0 };
  const row = await db
    .selectFrom(candidates(db, scope, { tab: 'open', at, dueSoonBefore }).as('m'))
    .select((eb) => {
      const count = (condition: Expression<SqlBool>) =>
        eb.fn.sum<number>(eb.case().when(condition).then(1).else(0).end());
      return [
        count(eb('m.status', '=', 'received')).as('new'),
        count(eb('m.status', '=', 'on_hold')).as('onHold'),
        count(eb('m.deadlineAt', '<', at)).as('overdue'),
        count(eb.and([eb('m.deadlineAt', '>=', at), eb('m.deadlineAt', '<=', dueSoonBefore)])).as('dueSoon'),
      ];
    })
    .executeTakeFirstOrThrow();
  return {
    new: Number(row.new ?? 0),
    due_soon: Number(row.dueSoon ?? 0),
    overdue: Number(row.overdue ?? 0),
    on_hold: Number(row.onHold ?? 0),
  };
}

/** Names of the staff who took steps, for the timeline. */
export async function staffNamesOf(db: DbOrTx, userIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** "Kelurahan, Kecamatan" of a complaint's place; '' when none was given. */
export async function placeNameOf(db: DbOrTx, regionId: string | null): Promise<string> {
  if (!regionId) return '';
  const row = await db
    .selectFrom('regions as r')
    .leftJoin('regions as p', 'p.id', 'r.parentId')
    .select(['r.name', 'p.name as parentName'])
    .where('r.id', '=', regionId)
    .executeTakeFirst();
  if (!row) return '';
  return row.parentName ? `${row.name}, ${row.parentName}` : row.name;
}
