import type { ComplaintAction } from './complaints.schemas.js';
import type { Complaint, ComplaintStatus, Visibility } from './complaints.table.js';

/*
 * The complaint workflow as data: which action may follow which status, who may take it, where it
 * leads and whether the step shows on the citizen's public timeline. Tested as a table in
 * complaints.workflow.test.ts. The service (complaints.service.ts) applies a step: deadlines,
 * assignees, the event, the mail.
 *
 *   received ─verify→ verified ─assign→ assigned ─acknowledge→ in_progress ─answer→ answered
 *   received/verified ─hold→ on_hold ─add_info→ (back where it was; the clock runs again)
 *   received/verified/on_hold ─not_authority / archive / merge→ final
 *   assigned/in_progress ─return→ received (an OPD hands a misrouted complaint back)
 *   answered ─accept / close / auto_close→ closed;  answered ─reopen→ in_progress
 */

/** Who takes a step: the coordinator, the lead OPD, a co-assigned OPD, the citizen, or the job runner. */
export type Party = 'coordinator' | 'lead' | 'co' | 'citizen' | 'system';

export interface Transition {
  by: readonly Party[];
  from: readonly ComplaintStatus[];
  /** 'unchanged': the status stays; 'resume': back to the status before the hold */
  to: ComplaintStatus | 'unchanged' | 'resume';
  visibility: Visibility;
}

const INTAKE: readonly ComplaintStatus[] = ['received', 'verified', 'on_hold'];
const WITH_OPD: readonly ComplaintStatus[] = ['assigned', 'in_progress'];
const OPEN: readonly ComplaintStatus[] = [...INTAKE, ...WITH_OPD, 'answered'];
const STAFF: readonly Party[] = ['coordinator', 'lead', 'co'];

export const TRANSITIONS: Record<ComplaintAction, Transition> = {
  verify: { by: ['coordinator'], from: ['received'], to: 'verified', visibility: 'public' },
  assign: { by: ['coordinator'], from: [...INTAKE, ...WITH_OPD], to: 'assigned', visibility: 'public' },
  hold: { by: ['coordinator'], from: ['received', 'verified'], to: 'on_hold', visibility: 'public' },
  not_authority: { by: ['coordinator'], from: INTAKE, to: 'not_authority', visibility: 'public' },
  archive: { by: ['coordinator'], from: INTAKE, to: 'archived', visibility: 'public' },
  merge: { by: ['coordinator'], from: INTAKE, to: 'archived', visibility: 'public' },
  acknowledge: { by: ['lead'], from: ['assigned'], to: 'in_progress', visibility: 'public' },
  answer: { by: ['lead'], from: WITH_OPD, to: 'answered', visibility: 'public' },
  return: { by: ['lead'], from: WITH_OPD, to: 'received', visibility: 'internal' },
  close: { by: ['coordinator'], from: ['answered'], to: 'closed', visibility: 'public' },
  auto_close: { by: ['system'], from: ['answered'], to: 'closed', visibility: 'public' },
  note: { by: STAFF, from: OPEN, to: 'unchanged', visibility: 'internal' },
  reclassify: { by: ['coordinator'], from: OPEN, to: 'unchanged', visibility: 'internal' },
  add_info: { by: ['citizen'], from: OPEN, to: 'resume', visibility: 'public' },
  accept: { by: ['citizen'], from: ['answered'], to: 'closed', visibility: 'public' },
  reopen: { by: ['citizen'], from: ['answered'], to: 'in_progress', visibility: 'public' },
  rate: { by: ['citizen'], from: ['answered', 'closed'], to: 'unchanged', visibility: 'public' },
};

/** Where the action leads from the complaint's current status. */
export function nextStatus(
  complaint: Pick<Complaint, 'status' | 'heldFrom'>,
  action: ComplaintAction,
): ComplaintStatus {
  const to = TRANSITIONS[action].to;
  if (to === 'unchanged') return complaint.status;
  if (to === 'resume')
    return complaint.status === 'on_hold' ? (complaint.heldFrom ?? 'received') : complaint.status;
  return to;
}

/** True when the status allows the action at all (whoever asks). */
export const statusAllows = (status: ComplaintStatus, action: ComplaintAction): boolean =>
  TRANSITIONS[action].from.includes(status);

/** True when one of the caller's parties may take the action. */
export const partyMay = (parties: readonly Party[], action: ComplaintAction): boolean =>
  TRANSITIONS[action].by.some((p) => parties.includes(p));

/** The actions the caller may take now: what the action menus offer. */
export function allowedComplaintActions(
  parties: readonly Party[],
  status: ComplaintStatus,
): ComplaintAction[] {
  return (Object.keys(TRANSITIONS) as ComplaintAction[]).filter(
    (action) => statusAllows(status, action) && partyMay(parties, action),
  );
}
