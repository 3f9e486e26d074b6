import type { Insertable, Selectable, Updateable } from 'kysely';

export const AGENCY_KINDS = [
  'sekretariat',
  'inspektorat',
  'badan',
  'dinas',
  'satpol_pp',
  'rsud',
  'bagian',
  'kecamatan',
  'puskesmas',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface InstallationTable {
  id: string;
  name: string;
  shortName: string;
  kind: 'kota' | 'kabupaten' | 'provinsi';
  mainHost: string;
  address: string;
  phone: string;
  email: string;
  timeZone: string;
  logoPath: string | null;
  /** JSON: InstallationSettings */
  settings: string;
  createdAt: string;
  updatedAt: string;
}

export interface AgencyTable {
  id: string;
  slug: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  parentId: string | null;
  description: string;
  address: string;
  phone: string;
  email: string;
  serviceHours: string;
  /** JSON: SocialLinks */
  socialLinks: string;
  logoPath: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AgencyHostTable {
  host: string;
  agencyId: string;
}

export interface RegionTable {
  id: string;
  slug: string;
  name: string;
  kind: 'kecamatan' | 'kelurahan';
  parentId: string | null;
  agencyId: string | null;
}

export interface AgencyTables {
  installation: InstallationTable;
  agencies: AgencyTable;
  agencyHosts: AgencyHostTable;
  regions: RegionTable;
}

export type Installation = Selectable<InstallationTable>;
export type Agency = Selectable<AgencyTable>;
export type NewAgency = Insertable<AgencyTable>;
export type AgencyUpdate = Updateable<AgencyTable>;
export type Region = Selectable<RegionTable>;
