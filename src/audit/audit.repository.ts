import { newId } from '../db/ids.js';
import type { DbOrTx } from '../db/database.js';
import { currentRequest } from '../http/request-context.js';
import { now } from '../time/clock.js';

export interface AuditInput {
  /** who did it; null for the system (a timed job). Left out: the request's signed-in person. */
  actorId?: string | null;
  agencyId?: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  /**
   * A short summary of the change: `{before: {status: 'draft'}, after: {status: 'published'}}`,
   * `{changed: ['title', 'summary']}`, a title. Never whole bodies, never passwords or secrets.
   */
  details?: Record<string, unknown>;
  /** from where; left out: the current request's address (none for a timed job) */
  ip?: string;
}

/**
 * Who did what, when and from where: written in the same transaction as the change it records.
 * The rows are never changed afterwards (triggers refuse it: 2026_11_29_1200_protect_audit_events).
 */
export async function recordAudit(db: DbOrTx, event: AuditInput): Promise<void> {
  const request = currentRequest();
  await db
    .insertInto('auditEvents')
    .values({
      id: newId(),
      actorId: event.actorId === undefined ? (request?.actorId() ?? null) : event.actorId,
      agencyId: event.agencyId ?? null,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      details: JSON.stringify(event.details ?? {}),
      ip: event.ip ?? request?.ip ?? '',
      userAgent: request?.userAgent ?? '',
      requestId: request?.requestId ?? '',
      createdAt: now(),
    })
    .execute();
}

/** The names of the fields whose values differ: what an edit changed, without the text itself. */
export function changedFields<T extends object>(before: T, after: Partial<T>): string[] {
  return (Object.keys(after) as (keyof T & string)[]).filter(
    (key) => key !== 'updatedAt' && after[key] !== undefined && after[key] !== before[key],
  );
}
