import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/database.js';
import { now } from '../time/clock.js';

export interface AuditInput {
  actorId: string | null;
  agencyId?: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
  ip?: string;
}

/** Who did what, when: written in the same transaction as the change it records. */
export async function recordAudit(db: DbOrTx, event: AuditInput): Promise<void> {
  await db
    .insertInto('auditEvents')
    .values({
      id: randomUUID(),
      actorId: event.actorId,
      agencyId: event.agencyId ?? null,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      details: JSON.stringify(event.details ?? {}),
      ip: event.ip ?? '',
      createdAt: now(),
    })
    .execute();
}
