import type { Selectable } from 'kysely';

export interface AuditEventTable {
  id: string;
  actorId: string | null;
  agencyId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  /** JSON object */
  details: string;
  ip: string;
  createdAt: string;
}

export interface AuditTables {
  auditEvents: AuditEventTable;
}

export type AuditEvent = Selectable<AuditEventTable>;
