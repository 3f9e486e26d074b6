import type { Selectable } from 'kysely';

export const HOLD_SUBJECTS = ['post', 'page'] as const;
export type HoldSubject = (typeof HOLD_SUBJECTS)[number];

/** open: waiting for the super admin; superseded: the content was edited clean and published. */
export const HOLD_STATUSES = ['open', 'released', 'rejected', 'superseded'] as const;
export type HoldStatus = (typeof HOLD_STATUSES)[number];

/** Content the judi-online guard kept off the public site (see the 2026_11_29_1300 migration). */
export interface ContentHoldTable {
  id: string;
  agencyId: string;
  subjectType: HoldSubject;
  subjectId: string;
  /** what was proposed; for a page this is applied only when the hold is released */
  title: string;
  bodyHtml: string;
  /** JSON array of Indonesian sentences */
  reasons: string;
  score: number;
  status: HoldStatus;
  heldBy: string | null;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface GuardTables {
  contentHolds: ContentHoldTable;
}

export type ContentHold = Selectable<ContentHoldTable>;
