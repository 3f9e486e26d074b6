import type { DbOrTx } from '../db/database.js';
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

/** A page of the queue; `scope` is 'all' for the coordinator or the OPDs a person handles complaints for. */
export async function listQueue(
  db: DbOrTx,
  scope: 'all' | readonly string[],
  filter: QueueFilter,
): Promise<QueuePage> {
  const perPage = filter.perPage ?? 50;
  const page = Math.max(1, filter.page ?? 1);
  if (scope !== 'all' && scope.length === 0) return { rows: [], page, hasNext: false };
  let query = db
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
    ]);
  if (scope !== 'all') {
    query = query.where((eb) =>
      eb.or([
        eb('c.agencyId', 'in', [...scope]),
        eb(
          'c.id',
          'in',
          eb
            .selectFrom('complaintAssignees')
            .select('complaintId')
            .where('agencyId', 'in', [...scope]),
        ),
      ]),
    );
  }
  const tab = filter.tab ?? 'open';
  if (tab === 'new') query = query.where('c.status', '=', 'received');
  if (tab === 'on_hold') query = query.where('c.status', '=', 'on_hold');
  if (tab === 'open') query = query.where('c.status', 'in', [...OPEN_STATUSES]);
  if (tab === 'closed') query = query.where('c.status', 'in', [...FINAL_STATUSES]);
  if (tab === 'overdue') {
    query = query.where('c.status', 'in', [...OPEN_STATUSES]).where('c.deadlineAt', '<', filter.at);
  }
  if (tab === 'due_soon') {
    query = query
      .where('c.status', 'in', [...OPEN_STATUSES])
      .where('c.deadlineAt', '>=', filter.at)
      .where('c.deadlineAt', '<=', filter.dueSoonBefore);
  }
  if (filter.status) query = query.where('c.status', '=', filter.status);
  if (filter.agencyId) query = query.where('c.agencyId', '=', filter.agencyId);
  if (filter.categoryId) query = query.where('c.categoryId', '=', filter.categoryId);
  const q = filter.q?.trim();
  if (q) {
    const like = `%${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('c.trackingCode', '=', q.toUpperCase()), eb(eb.fn('lower', ['c.title']), 'like', like)]),
    );
  }
  // Open work by deadline (the most urgent first); closed and all by arrival, newest first.
  query =
    tab === 'closed' || tab === 'all'
      ? query.orderBy('c.receivedAt', 'desc')
      : query.orderBy('c.deadlineAt', 'asc').orderBy('c.receivedAt', 'asc');
  const rows = await query
    .orderBy('c.id')
    .limit(perPage + 1)
    .offset((page - 1) * perPage)
    .execute();
  return { rows: rows.slice(0, perPage) as QueueRow[], page, hasNext: rows.length > perPage };
}

/** How many complaints wait in each tab of the queue, for the tab labels. */
export async function queueCounts(
  db: DbOrTx,
  scope: 'all' | readonly string[],
  at: string,
  dueSoonBefore: string,
): Promise<Record<'new' | 'due_soon' | 'overdue' | 'on_hold', number>> {
  if (scope !== 'all' && scope.length === 0) return { new: 0, due_soon: 0, overdue: 0, on_hold: 0 };
  let query = db
    .selectFrom('complaints as c')
    .select((eb) => {
      const count = (condition: Parameters<typeof eb.case>[0]) =>
        eb.fn.sum<number>(eb.case().when(condition).then(1).else(0).end());
      return [
        count(eb('c.status', '=', 'received')).as('new'),
        count(eb('c.status', '=', 'on_hold')).as('onHold'),
        count(eb('c.deadlineAt', '<', at)).as('overdue'),
        count(eb.and([eb('c.deadlineAt', '>=', at), eb('c.deadlineAt', '<=', dueSoonBefore)])).as('dueSoon'),
      ];
    })
    .where('c.status', 'in', [...OPEN_STATUSES]);
  if (scope !== 'all') {
    query = query.where((eb) =>
      eb.or([
        eb('c.agencyId', 'in', [...scope]),
        eb(
          'c.id',
          'in',
          eb
            .selectFrom('complaintAssignees')
            .select('complaintId')
            .where('agencyId', 'in', [...scope]),
        ),
      ]),
    );
  }
  const row = await query.executeTakeFirstOrThrow();
  return {
    new: Number(row.new ?? 0),
    due_soon: Number(row.dueSoon ?? 0),
    overdue: Number(row.overdue ?? 0),
    on_hold: Number(row.onHold ?? 0),
  };
}
