import { findAgencyBySlug } from '../agencies/agencies.repository.js';
import type { Tx } from '../db/database.js';
import { ValidationError } from '../errors.js';
import { addWorkingDays } from '../time/working-days.js';
import {
  autoCloseDue,
  followUpDue,
  verifyDue,
  workingDaysLeft,
  type Clocks,
} from './complaints.deadlines.js';
import { findCategoryByCode, findComplaintByCode, lastHold } from './complaints.repository.js';
import type { ActionInput, ComplaintAction } from './complaints.schemas.js';
import type { StoredAttachment } from './complaints.service.js';
import type { Complaint } from './complaints.table.js';
import { errors as e, labels } from './messages.js';

/*
 * What each step of the workflow needs and changes besides the status (which comes from the table
 * in complaints.workflow.ts): deadlines, the OPD, the messages. complaints.actions.ts applies them.
 */

export interface StepInput extends Omit<ActionInput, 'action' | 'access_key'> {
  action: ComplaintAction;
  attachments?: readonly StoredAttachment[];
}

/** What one step changes, beyond the status. */
export interface StepEffect {
  changes: Partial<Complaint>;
  message?: string;
  internalNote?: string;
  details?: Record<string, unknown>;
  assignees?: { lead: string | null; co: string[] };
}

interface StepContext {
  tx: Tx;
  complaint: Complaint;
  input: StepInput;
  at: string;
  clocks: Clocks;
}

const text = (value: string | undefined): string => value?.trim() ?? '';

function need(value: string, field: string, message: string): string {
  if (!value) throw new ValidationError({ [field]: message });
  return value;
}

async function agencyIdOf(tx: Tx, slug: string, field: string): Promise<string> {
  const agency = await findAgencyBySlug(tx, slug);
  if (!agency) throw new ValidationError({ [field]: e.agencyUnknown });
  return agency.id;
}

/** Each action's own rules: what it needs and what it changes. The status comes from the workflow table. */
export const EFFECTS: Record<ComplaintAction, (c: StepContext) => Promise<StepEffect>> = {
  verify: async ({ at }) => ({ changes: { verifiedAt: at } }),
  assign: async ({ tx, complaint, input, at, clocks }) => {
    const lead = await agencyIdOf(tx, need(text(input.agency), 'agency', e.agencyMissing), 'agency');
    const co = await Promise.all(
      (input.co_agencies ?? []).map((slug) => agencyIdOf(tx, slug.trim(), 'co_agencies')),
    );
    const deadlineAt = await followUpDue(clocks, lead, at);
    return {
      changes: {
        agencyId: lead,
        verifiedAt: complaint.verifiedAt ?? at,
        assignedAt: at,
        heldFrom: null,
        deadlineAt,
        deadlineKind: 'follow_up',
        ...(complaint.firstAnsweredAt ? {} : { firstAnswerDueAt: deadlineAt }),
      },
      message: text(input.message),
      internalNote: text(input.internal_note),
      details: { agencyId: lead, coAgencyIds: co, previousAgencyId: complaint.agencyId },
      assignees: { lead, co },
    };
  },
  hold: async ({ complaint, input, at, clocks }) => ({
    changes: { heldFrom: complaint.status, deadlineAt: null, deadlineKind: null },
    message: need(text(input.message), 'message', e.messageMissing),
    // The clock stops: remember the working days left, to start again from there.
    details: {
      remainingDays: complaint.deadlineAt
        ? workingDaysLeft(clocks.city, at, complaint.deadlineAt)
        : clocks.settings.verifyDays,
      deadlineKind: complaint.deadlineKind,
    },
  }),
  not_authority: async ({ input, at }) => ({
    changes: { closedAt: at, deadlineAt: null, deadlineKind: null, heldFrom: null },
    message: need(text(input.message), 'message', e.referralMissing),
  }),
  archive: async ({ input, at }) => {
    if (!input.archive_reason) throw new ValidationError({ archive_reason: e.archiveReasonMissing });
    return {
      changes: { closedAt: at, deadlineAt: null, deadlineKind: null, heldFrom: null },
      message: text(input.message) || labels.archiveReason[input.archive_reason],
      details: { reason: input.archive_reason },
    };
  },
  merge: async ({ tx, complaint, input, at }) => {
    const code = need(text(input.merge_into).toUpperCase(), 'merge_into', e.mergeTargetMissing);
    const target = await findComplaintByCode(tx, code);
    if (!target) throw new ValidationError({ merge_into: e.mergeTargetUnknown });
    if (target.id === complaint.id) throw new ValidationError({ merge_into: e.mergeTargetSelf });
    if (target.status === 'archived') throw new ValidationError({ merge_into: e.mergeTargetClosed });
    return {
      changes: {
        mergedIntoId: target.id,
        closedAt: at,
        deadlineAt: null,
        deadlineKind: null,
        heldFrom: null,
      },
      message:
        text(input.message) || `Laporan ini sama dengan laporan ${target.trackingCode} dan digabung ke sana.`,
      details: { reason: 'duplicate', mergedInto: target.trackingCode },
    };
  },
  acknowledge: async ({ input }) => ({ changes: {}, message: text(input.message) }),
  answer: async ({ complaint, input, at, clocks }) => ({
    changes: {
      answeredAt: at,
      firstAnsweredAt: complaint.firstAnsweredAt ?? at,
      deadlineAt: autoCloseDue(clocks, at),
      deadlineKind: 'auto_close',
    },
    message: need(text(input.message), 'message', e.answerMissing),
    internalNote: text(input.internal_note),
  }),
  return: async ({ complaint, input, at, clocks }) => ({
    changes: {
      agencyId: null,
      handoffs: complaint.handoffs + 1,
      deadlineAt: verifyDue(clocks, at),
      deadlineKind: 'verify',
    },
    internalNote: need(text(input.reason) || text(input.internal_note), 'reason', e.reasonMissing),
    details: { agencyId: complaint.agencyId },
    assignees: { lead: null, co: [] },
  }),
  close: async ({ input, at }) => ({
    changes: { closedAt: at, deadlineAt: null, deadlineKind: null },
    message: text(input.message),
  }),
  auto_close: async ({ at }) => ({ changes: { closedAt: at, deadlineAt: null, deadlineKind: null } }),
  note: async ({ input }) => ({
    changes: {},
    internalNote: need(text(input.internal_note) || text(input.message), 'internal_note', e.noteMissing),
  }),
  reclassify: async ({ tx, complaint, input }) => {
    const changes: Partial<Complaint> = {};
    if (text(input.category)) {
      const category = await findCategoryByCode(tx, text(input.category));
      if (!category) throw new ValidationError({ category: e.categoryUnknown });
      if (category.id !== complaint.categoryId) changes.categoryId = category.id;
    }
    if (input.anonymous !== undefined && Number(input.anonymous) !== complaint.anonymous)
      changes.anonymous = input.anonymous ? 1 : 0;
    if (input.confidential !== undefined && Number(input.confidential) !== complaint.confidential)
      changes.confidential = input.confidential ? 1 : 0;
    if (!Object.keys(changes).length) throw new ValidationError({ _: e.nothingChanged });
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, complaint[k as keyof Complaint]]));
    return { changes, internalNote: text(input.internal_note), details: { before, after: changes } };
  },
  add_info: async ({ tx, complaint, input, at, clocks }) => {
    const message = text(input.message);
    if (!message && !input.attachments?.length) throw new ValidationError({ message: e.infoMissing });
    if (complaint.status !== 'on_hold') return { changes: {}, message };
    // The information asked for has come: the clock runs again with the working days that were left.
    const hold = await lastHold(tx, complaint.id);
    const held = hold ? (JSON.parse(hold.details) as { remainingDays?: number; deadlineKind?: string }) : {};
    const remaining = held.remainingDays ?? clocks.settings.verifyDays;
    const calendar = await clocks.forAgency(complaint.agencyId);
    return {
      changes: {
        heldFrom: null,
        deadlineAt: addWorkingDays(calendar, at, remaining),
        deadlineKind: held.deadlineKind === 'follow_up' ? 'follow_up' : 'verify',
      },
      message,
    };
  },
  accept: async ({ at }) => ({ changes: { closedAt: at, deadlineAt: null, deadlineKind: null } }),
  reopen: async ({ complaint, input, at, clocks }) => ({
    changes: {
      reopened: complaint.reopened + 1,
      answeredAt: null,
      closedAt: null,
      deadlineAt: await followUpDue(clocks, complaint.agencyId!, at),
      deadlineKind: 'follow_up',
    },
    message: need(text(input.reason) || text(input.message), 'reason', e.reasonMissing),
  }),
  rate: async ({ input }) => {
    if (!input.stars) throw new ValidationError({ stars: e.starsMissing });
    return {
      changes: { rating: input.stars, ratingComment: text(input.comment) },
      message: text(input.comment),
      details: { stars: input.stars },
    };
  },
};
