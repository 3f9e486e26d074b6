import type { ComplaintCategory, ComplaintStatus } from './complaints.table.js';
import { FINAL_STATUSES } from './complaints.table.js';
import { labels } from './messages.js';
import type { Open311Value } from './open311.xml.js';

/*
 * GeoReport v2 answers as JSON values (open311.xml.ts writes the XML from the same values).
 * Field lists follow wiki.open311.org/GeoReport_v2; what is left out is left out on purpose:
 * media_url (files stay private), address_id and zipcode (not kept), and anything about the
 * reporter (the spec has no field for it, and UU 27/2022 forbids it).
 */

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** GeoReport v2 limits description to 4,000 characters; ours allow 5,000. */
const MAX_DESCRIPTION = 4000;

export type Open311Status = 'open' | 'closed';

/** closed: nothing more will happen (closed, not our authority, archived); open: everything else. */
export const open311Status = (status: ComplaintStatus): Open311Status =>
  FINAL_STATUSES.includes(status) ? 'closed' : 'open';

export function presentDiscovery(options: {
  changeset: string;
  contact: string;
  keyService: string;
  url: string;
}): Open311Value {
  return {
    changeset: options.changeset,
    contact: options.contact,
    key_service: options.keyService,
    endpoints: [
      {
        specification: SPECIFICATION,
        url: options.url,
        changeset: options.changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

/** A category as a service: no extra attributes (metadata false), and the request id comes at once (realtime). */
export function presentService(category: ComplaintCategory, agencyName: string | null): Open311Value {
  return {
    service_code: category.code,
    service_name: category.name,
    description: category.description,
    metadata: false,
    type: 'realtime',
    keywords: null,
    group: agencyName,
  };
}

export function presentServiceDefinition(category: ComplaintCategory): Open311Value {
  return { service_code: category.code, attributes: [] };
}

/** One complaint as the spec's `request`, from the columns open311.requests.ts selects. */
export interface Open311Row {
  id: string;
  trackingCode: string;
  status: ComplaintStatus;
  title: string;
  description: string;
  address: string;
  lat: number | null;
  lng: number | null;
  deadlineAt: string | null;
  receivedAt: string;
  updatedAt: string;
  closedAt: string | null;
  serviceCode: string | null;
  serviceName: string | null;
  agencyName: string | null;
}

export function presentRequest(row: Open311Row, statusNotes: string | null): Open311Value {
  const status = open311Status(row.status);
  return {
    service_request_id: row.trackingCode,
    status,
    status_notes: statusNotes,
    service_name: row.serviceName,
    service_code: row.serviceCode ?? '',
    description: row.description.slice(0, MAX_DESCRIPTION),
    agency_responsible: row.agencyName,
    service_notice: labels.status[row.status],
    requested_datetime: row.receivedAt,
    // "For requests with status=closed, this will be the date the request was closed."
    updated_datetime: status === 'closed' ? (row.closedAt ?? row.updatedAt) : row.updatedAt,
    expected_datetime: status === 'open' ? row.deadlineAt : null,
    address: row.address || null,
    lat: row.lat === null ? null : Number(row.lat),
    long: row.lng === null ? null : Number(row.lng),
  };
}

/** The answer to POST requests: the id at once (type realtime), and what happens next. */
export function presentCreated(trackingCode: string, notice: string): Open311Value {
  return [{ service_request_id: trackingCode, service_notice: notice }];
}

export interface Open311Error {
  code: number;
  description: string;
}

export const presentErrors = (errors: readonly Open311Error[]): Open311Value =>
  errors.map((e) => ({ code: e.code, description: e.description }));
