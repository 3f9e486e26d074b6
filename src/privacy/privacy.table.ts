import type { Selectable } from 'kysely';

export interface BreachIncidentTable {
  id: string;
  /** a short name staff will recognise ("Laptop bidang aduan hilang") */
  title: string;
  discoveredAt: string;
  /** discoveredAt + 72 hours: the notice deadline of UU 27/2022 Pasal 46 */
  noticeDueAt: string;
  /** what personal data was involved */
  dataCategories: string;
  /** how many people; null while unknown */
  subjectsAffected: number | null;
  description: string;
  measures: string;
  authorityNotifiedAt: string | null;
  subjectsNotifiedAt: string | null;
  /** when the super admins were warned that the deadline was near (once) */
  deadlineAlertedAt: string | null;
  recordedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PrivacyTables {
  breachIncidents: BreachIncidentTable;
}

export type BreachIncident = Selectable<BreachIncidentTable>;
