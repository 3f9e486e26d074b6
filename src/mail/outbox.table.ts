import type { Selectable } from 'kysely';

/** Mail written in the same transaction as the change it announces; src/mail/outbox.ts sends it. */
export interface MailOutboxTable {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
  nextAttemptAt: string;
  sentAt: string | null;
  lastError: string;
  createdAt: string;
}

export interface MailTables {
  mailOutbox: MailOutboxTable;
}

export type OutboxMail = Selectable<MailOutboxTable>;
