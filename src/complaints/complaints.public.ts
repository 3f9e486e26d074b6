import type { DbOrTx } from '../db/database.js';
import type { ComplaintClass, ComplaintStatus } from './complaints.table.js';

/*
 * The public list of complaints (/aduan/laporan and the latest few on /aduan). What it may show is
 * decided here, once, for every public page:
 * - never a rahasia complaint (confidential = 1): it appears in no public list at all;
 * - never anything about the reporter: no column of the reporter is even selected, so no view can
 *   show one by mistake, anonim or not;
 * - not the archived ones (spam, too general, not about public service, duplicates): their titles
 *   are often what made them archivable, and the list is for following the city's work. They stay
 *   trackable by their code.
 */

/** The statuses the public list shows and filters by. */
export const PUBLIC_LIST_STATUSES: readonly ComplaintStatus[] = [
  'received',
  'verified',
  'on_hold',
  'assigned',
  'in_progress',
  'answered',
  'closed',
  'not_authority',
];

export interface PublicComplaintRow {
  trackingCode: string;
  title: string;
  class: ComplaintClass;
  status: ComplaintStatus;
  categoryName: string | null;
  agencyName: string | null;
  agencySlug: string | null;
  receivedAt: string;
}

export interface PublicListFilter {
  agencyId?: string;
  status?: ComplaintStatus;
  page?: number;
  perPage?: number;
}

export interface PublicListPage {
  rows: PublicComplaintRow[];
  page: number;
  hasNext: boolean;
}

/** Newest first; one row past the page is fetched to know whether a next page exists (no count). */
export async function listPublicComplaints(
  db: DbOrTx,
  filter: PublicListFilter = {},
): Promise<PublicListPage> {
  const perPage = filter.perPage ?? 20;
  const page = Math.max(1, filter.page ?? 1);
  let query = db
    .selectFrom('complaints as c')
    .leftJoin('agencies as a', 'a.id', 'c.agencyId')
    .leftJoin('complaintCategories as k', 'k.id', 'c.categoryId')
    .select([
      'c.trackingCode',
      'c.title',
      'c.class',
      'c.status',
      'k.name as categoryName',
      'a.name as agencyName',
      'a.slug as agencySlug',
      'c.receivedAt',
    ])
    .where('c.confidential', '=', 0)
    .where('c.status', 'in', [...PUBLIC_LIST_STATUSES]);
  if (filter.agencyId) query = query.where('c.agencyId', '=', filter.agencyId);
  if (filter.status) query = query.where('c.status', '=', filter.status);
  const rows = await query
    .orderBy('c.receivedAt', 'desc')
    .orderBy('c.id', 'desc')
    .limit(perPage + 1)
    .offset((page - 1) * perPage)
    .execute();
  return { rows: rows.slice(0, perPage), page, hasNext: rows.length > perPage };
}
