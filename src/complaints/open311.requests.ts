import type { DbOrTx } from '../db/database.js';
import { AppError } from '../errors.js';
import { OPEN_STATUSES } from './complaints.queries.js';
import { FINAL_STATUSES } from './complaints.table.js';
import type { Open311Row, Open311Status } from './open311.presenter.js';
import { normalizeTrackingCode } from './tracking-code.js';

/*
 * GET requests: the spec's filters over public complaints only (a rahasia complaint is never
 * selected). Without service_request_id the answer covers at most 90 days of requested_datetime
 * (the most recent 90 by default) and at most 1,000 requests, newest first.
 */

export const WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;
const DAY = 86_400_000;

/** A 400 in the spec's sense: the request cannot be answered as asked. */
export class Open311BadRequest extends AppError {
  constructor(message: string) {
    super(400, 'bad_request', message);
  }
}

export interface RequestQuery {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
}

export interface RequestFilter {
  codes?: string[];
  serviceCodes?: string[];
  statuses?: Open311Status[];
  start?: string;
  end?: string;
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

function instant(value: string, name: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms))
    throw new Open311BadRequest(`${name} harus berupa waktu W3C, misalnya 2026-01-01T00:00:00Z.`);
  return ms;
}

/** The spec's query parameters as a filter; "optional" means an empty parameter counts as absent. */
export function requestFilter(query: RequestQuery, nowMs: number): RequestFilter {
  const codes = list(query.service_request_id);
  if (codes.length) {
    // Overrides every other argument (GeoReport v2); a text that cannot be a code names nothing.
    const normalized = codes.map((c) => normalizeTrackingCode(c)).filter((c): c is string => Boolean(c));
    return { codes: [...new Set(normalized)].slice(0, MAX_REQUESTS) };
  }
  const statuses = list(query.status);
  for (const s of statuses) {
    if (s !== 'open' && s !== 'closed') throw new Open311BadRequest('status hanya boleh open atau closed.');
  }
  const start = query.start_date?.trim() ? instant(query.start_date, 'start_date') : undefined;
  const end = query.end_date?.trim() ? instant(query.end_date, 'end_date') : undefined;
  const from = start ?? (end ?? nowMs) - WINDOW_DAYS * DAY;
  const to = end ?? (start !== undefined ? start + WINDOW_DAYS * DAY : nowMs);
  if (from > to) throw new Open311BadRequest('start_date harus sebelum end_date.');
  if (to - from > WINDOW_DAYS * DAY)
    throw new Open311BadRequest(`Rentang start_date sampai end_date paling lama ${WINDOW_DAYS} hari.`);
  return {
    serviceCodes: list(query.service_code),
    statuses: statuses as Open311Status[],
    start: new Date(from).toISOString(),
    end: new Date(to).toISOString(),
  };
}

export async function findOpen311Requests(db: DbOrTx, filter: RequestFilter): Promise<Open311Row[]> {
  if (filter.codes && filter.codes.length === 0) return [];
  let query = db
    .selectFrom('complaints as c')
    .leftJoin('complaintCategories as k', 'k.id', 'c.categoryId')
    .leftJoin('agencies as a', 'a.id', 'c.agencyId')
    .select([
      'c.id',
      'c.trackingCode',
      'c.status',
      'c.title',
      'c.description',
      'c.address',
      'c.lat',
      'c.lng',
      'c.deadlineAt',
      'c.receivedAt',
      'c.updatedAt',
      'c.closedAt',
      'k.code as serviceCode',
      'k.name as serviceName',
      'a.name as agencyName',
    ])
    .where('c.confidential', '=', 0);
  if (filter.codes) {
    query = query.where('c.trackingCode', 'in', filter.codes);
  } else {
    if (filter.start) query = query.where('c.receivedAt', '>=', filter.start);
    if (filter.end) query = query.where('c.receivedAt', '<=', filter.end);
    if (filter.serviceCodes?.length) query = query.where('k.code', 'in', filter.serviceCodes);
    const statuses = new Set(filter.statuses ?? []);
    if (statuses.size === 1) {
      query = query.where('c.status', 'in', statuses.has('open') ? [...OPEN_STATUSES] : [...FINAL_STATUSES]);
    }
  }
  return query.orderBy('c.receivedAt', 'desc').orderBy('c.id').limit(MAX_REQUESTS).execute();
}

/**
 * status_notes: the latest message the city wrote to the citizen on a public step (an answer, a
 * referral, a request for more information), for each complaint.
 */
export async function latestPublicNotes(
  db: DbOrTx,
  complaintIds: readonly string[],
): Promise<Map<string, string>> {
  const notes = new Map<string, string>();
  if (!complaintIds.length) return notes;
  const rows = await db
    .selectFrom('complaintEvents')
    .select(['complaintId', 'message'])
    .where('complaintId', 'in', [...complaintIds])
    .where('visibility', '=', 'public')
    .where('actorKind', 'in', ['staff', 'system'])
    .where('message', '!=', '')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  for (const row of rows) notes.set(row.complaintId, row.message);
  return notes;
}
