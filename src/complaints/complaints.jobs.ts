import type { Db, DbOrTx } from '../db/database.js';
import { ConflictError } from '../errors.js';
import { enqueueMail } from '../mail/outbox.js';
import { now } from '../time/clock.js';
import { formatDateTime } from '../time/format.js';
import { actOnComplaint } from './complaints.actions.js';
import { dueSoonBefore, loadClocks } from './complaints.deadlines.js';
import { OPEN_STATUSES } from './complaints.queries.js';
import { assigneeIdsOf, coordinatorEmails, handlerEmailsOf } from './complaints.repository.js';
import type { ComplaintReminderTable, ComplaintStatus, DeadlineKind } from './complaints.table.js';
import { labels } from './messages.js';

/*
 * The complaint centre's timed work, every few minutes (src/jobs/scheduler.ts runs it): closing
 * answers the citizen left unanswered, and reminding staff of deadlines. Each is exactly-once across
 * app processes through its own SQL, never through the runner: auto-close through the conditional
 * UPDATE on the status in actOnComplaint, reminders through the complaint_reminders primary key,
 * claimed in the same transaction that writes the mail.
 */

export interface JobContext {
  /** the address the links in the mail start with */
  baseUrl: string;
}

/** How many complaints one run handles; the rest wait for the next run. */
const BATCH = 200;

/** The staff page of a complaint, for the links in staff mail. */
export const staffLink = (baseUrl: string, code: string): string => `${baseUrl}/admin/aduan/${code}`;

/**
 * Closes every answered complaint whose auto-close deadline has passed (the citizen neither accepted
 * nor reopened), as the system; the citizen gets the step's mail. A complaint another process closed
 * first (or the citizen reopened) is a ConflictError here and is skipped. Returns how many it closed.
 */
export async function autoCloseAnswered(db: Db, context: JobContext, at = now()): Promise<number> {
  const due = await db
    .selectFrom('complaints')
    .select('trackingCode')
    .where('status', '=', 'answered')
    .where('deadlineKind', '=', 'auto_close')
    .where('deadlineAt', '<', at)
    .orderBy('deadlineAt')
    .limit(BATCH)
    .execute();
  let closed = 0;
  let failure: unknown;
  for (const { trackingCode } of due) {
    try {
      await actOnComplaint(db, { kind: 'system' }, trackingCode, { action: 'auto_close' }, context);
      closed++;
    } catch (err) {
      // One broken complaint must not hold up the others: go on, and let the runner log it after.
      if (!(err instanceof ConflictError)) failure ??= err;
    }
  }
  if (failure) throw failure;
  return closed;
}

type ReminderKind = ComplaintReminderTable['kind'];

interface Candidate {
  id: string;
  trackingCode: string;
  title: string;
  status: ComplaintStatus;
  /** the deadline the reminder is about: deadline_at, or resolution_due_at for the hard cap */
  due: string;
  deadlineKind: DeadlineKind | null;
}

/** Open complaints whose deadline (or hard cap) calls for `kind` and that have not had it yet. */
function candidates(db: DbOrTx, kind: ReminderKind, at: string, horizon: string): Promise<Candidate[]> {
  const column = kind === 'resolution_overdue' ? 'c.resolutionDueAt' : 'c.deadlineAt';
  let query = db
    .selectFrom('complaints as c')
    .select(['c.id', 'c.trackingCode', 'c.title', 'c.status', `${column} as due`, 'c.deadlineKind'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('complaintReminders as r')
            .select('r.complaintId')
            .whereRef('r.complaintId', '=', 'c.id')
            .whereRef('r.deadlineAt', '=', column)
            .where('r.kind', '=', kind),
        ),
      ),
    );
  if (kind === 'resolution_overdue') {
    // An answer is a resolution; a reopened complaint is back in progress and counts again.
    const unresolved = OPEN_STATUSES.filter((s) => s !== 'answered');
    query = query.where('c.status', 'in', unresolved).where('c.resolutionDueAt', '<', at);
  } else {
    query = query
      .where('c.status', 'in', [...OPEN_STATUSES])
      .where('c.deadlineKind', 'in', ['verify', 'follow_up'])
      .where('c.deadlineAt', kind === 'overdue' ? '<' : '>=', at);
    if (kind === 'due_soon') query = query.where('c.deadlineAt', '<=', horizon);
  }
  return query.orderBy(column).limit(BATCH).execute() as Promise<Candidate[]>;
}

/** Who hears of it: the coordinators always; the OPDs handling it for a follow-up deadline. */
async function recipients(db: DbOrTx, kind: ReminderKind, complaint: Candidate): Promise<string[]> {
  const coordinators = await coordinatorEmails(db);
  if (kind === 'resolution_overdue' || complaint.deadlineKind !== 'follow_up') return coordinators;
  const officers = await handlerEmailsOf(db, await assigneeIdsOf(db, complaint.id));
  return [...new Set([...officers, ...coordinators])];
}

export const reminderMail = {
  subject(kind: ReminderKind, code: string, deadline: string): string {
    if (kind === 'due_soon') return `Pengingat: aduan ${code} jatuh tempo ${deadline}`;
    if (kind === 'overdue') return `Terlambat: aduan ${code} melewati batas waktunya`;
    return `Terlambat: aduan ${code} melewati batas penyelesaian`;
  },
  body(kind: ReminderKind, c: Candidate, deadline: string, maxDays: number, link: string): string {
    const label =
      kind === 'resolution_overdue'
        ? `Batas penyelesaian (${maxDays} hari)`
        : labels.deadline[c.deadlineKind ?? 'verify'];
    const opening = {
      due_soon: `Aduan ${c.trackingCode} jatuh tempo dalam satu hari kerja.`,
      overdue: `Aduan ${c.trackingCode} sudah melewati batas waktunya dan belum ditindaklanjuti.`,
      resolution_overdue: `Aduan ${c.trackingCode} sudah lebih dari ${maxDays} hari dan belum selesai.`,
    }[kind];
    return [
      opening,
      '',
      `Judul: ${c.title}`,
      `Status: ${labels.status[c.status]}`,
      `${label}: ${deadline}`,
      '',
      'Buka aduan:',
      link,
    ].join('\n');
  },
};

/**
 * Mails the reminders that are due: a working day before a verify or follow-up deadline, when it
 * passes, and when the hard cap passes. Each (complaint, deadline, kind) once: the reminder row is
 * inserted first, on conflict nothing, and the mail written only if the insert went in, in one
 * transaction. A deadline moved (returned, reopened, resumed) is a new deadline with its own
 * reminders. Returns how many reminders went out (not mails: one reminder goes to several people).
 */
export async function sendDeadlineReminders(db: Db, context: JobContext, at = now()): Promise<number> {
  const clocks = await loadClocks(db);
  const horizon = dueSoonBefore(clocks, at);
  let sent = 0;
  for (const kind of ['overdue', 'due_soon', 'resolution_overdue'] as const) {
    for (const complaint of await candidates(db, kind, at, horizon)) {
      const went = await db.transaction().execute(async (tx) => {
        const claimed = await tx
          .insertInto('complaintReminders')
          .values({ complaintId: complaint.id, deadlineAt: complaint.due, kind, sentAt: at })
          .onConflict((oc) => oc.columns(['complaintId', 'deadlineAt', 'kind']).doNothing())
          .executeTakeFirst();
        if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
        const deadline = formatDateTime(complaint.due, clocks.timeZone);
        for (const to of await recipients(tx, kind, complaint)) {
          await enqueueMail(tx, {
            to,
            subject: reminderMail.subject(kind, complaint.trackingCode, deadline),
            text: reminderMail.body(
              kind,
              complaint,
              deadline,
              clocks.settings.maxDays,
              staffLink(context.baseUrl, complaint.trackingCode),
            ),
          });
        }
        return true;
      });
      if (went) sent++;
    }
  }
  return sent;
}

/** The every-few-minutes work, in the order that keeps mail truthful: close first, then remind. */
export async function runComplaintDeadlines(db: Db, context: JobContext, at = now()) {
  const closed = await autoCloseAnswered(db, context, at);
  const reminded = await sendDeadlineReminders(db, context, at);
  return { closed, reminded };
}
