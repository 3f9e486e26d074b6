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
  /** where the request came from; empty for a timed job */
  ip: string;
  /** the browser or client, cut short; empty for a timed job */
  userAgent: string;
  /** the request's id, as in the server's log lines */
  requestId: string;
  createdAt: string;
}

export interface AuditTables {
  auditEvents: AuditEventTable;
}

export type AuditEvent = Selectable<AuditEventTable>;
