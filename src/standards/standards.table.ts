import type { Selectable } from 'kysely';

export const SERVICE_STATUSES = ['draft', 'published'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/**
 * One service of one agency ("Penerbitan KTP-el") with its standard. The 14 components live in
 * `components` as JSON (`ServiceComponents` in standards.components.ts): they are read and written
 * together, and lists (requirements, steps, fees) keep their order without a table each.
 */
export interface ServiceTable {
  id: string;
  agencyId: string;
  slug: string;
  name: string;
  summary: string;
  status: ServiceStatus;
  /** JSON: ServiceComponents */
  components: string;
  /** the procedure's flow chart, a photo from the agency's media library */
  flowMediaId: string | null;
  /** the SK that adopted the standard */
  decreeNumber: string;
  /** YYYY-MM-DD */
  decreeDate: string | null;
  /** storage key of the sanitised SK PDF */
  decreeFileKey: string | null;
  /** YYYY-MM-DD */
  effectiveDate: string | null;
  /** YYYY-MM-DD: the last time the standard was evaluated (UU 25/2009 asks for it regularly) */
  reviewedOn: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The agency's maklumat pelayanan (service pledge): one per agency. */
export interface ServicePledgeTable {
  agencyId: string;
  body: string;
  signedBy: string;
  signerPosition: string;
  /** YYYY-MM-DD */
  signedOn: string | null;
  /** set while the pledge is shown to the public (a timestamp rather than a boolean, as elsewhere) */
  publishedAt: string | null;
  updatedAt: string;
}

export interface StandardsTables {
  services: ServiceTable;
  servicePledges: ServicePledgeTable;
}

export type ServiceRow = Selectable<ServiceTable>;
export type ServicePledgeRow = Selectable<ServicePledgeTable>;
