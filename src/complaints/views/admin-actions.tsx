import type { Agency } from '../../agencies/agencies.table.js';
import { CsrfField } from '../../views/components.js';
import type { PageContext } from '../../views/context.js';
import type { ComplaintView } from '../complaints.read.js';
import { STAFF_ACTIONS, type StaffAction } from '../complaints.schemas.js';
import { ARCHIVE_REASONS, type ComplaintCategory } from '../complaints.table.js';
import { labels } from '../messages.js';
import { actionText, a, fieldText as f } from './admin-messages.js';
import { Area, Check, Choose, CoAgencies, Line, Shell, type FieldContext } from './admin-fields.js';
import { QUEUE_PATH } from './admin-queue.js';

/**
 * One form per step the reader may take now, each folded in a <details> (open when it was just
 * refused), all posting to the same address with `action`. Several forms share field names
 * (message, internal_note), so each field's id carries its action: `f-hold-message`; the error
 * summary's keys are built the same way, so its links land on the right field.
 */

/** A refused step: its action, what was typed, and its messages by field and for the summary. */
export interface ActionFormState {
  action: StaffAction;
  values: Record<string, string>;
  coAgencies: string[];
  errors: Record<string, string>;
  /** keyed `${action}-${field}` (or '_'), for ErrorSummary */
  summary: Record<string, string>;
}

export const summaryKey = (action: StaffAction, field: string) =>
  field === '_' ? '_' : `${action}-${field}`;

interface Props {
  ctx: PageContext;
  view: ComplaintView;
  agencies: Agency[];
  categories: ComplaintCategory[];
  category: ComplaintCategory | undefined;
  suggestedAgencyId: string | null;
  failed: ActionFormState | null;
}

/** What each form starts with: the current OPD or the suggested one, the current category and flags. */
function initialValues(action: StaffAction, p: Props): Record<string, string> {
  const c = p.view.complaint;
  const slugOf = (id: string | null | undefined) => p.agencies.find((g) => g.id === id)?.slug ?? '';
  if (action === 'assign')
    return { agency: slugOf(c.agencyId ?? p.suggestedAgencyId ?? p.category?.defaultAgencyId) };
  if (action === 'reclassify')
    return {
      category: p.category?.code ?? '',
      anonymous: c.anonymous ? 'ya' : '',
      confidential: c.confidential ? 'ya' : '',
    };
  return {};
}

function Fields({ fc, p, chosen }: { fc: FieldContext; p: Props; chosen: string[] }) {
  const agencyOptions = p.agencies.map((g) => ({ value: g.slug, label: g.name }));
  const message = <Area fc={fc} name="message" label={f.publicMessage} hint={f.publicMessageHint} optional />;
  const note = (
    <Area fc={fc} name="internal_note" label={f.internalNote} hint={f.internalNoteHint} optional />
  );
  switch (fc.action) {
    case 'assign':
      return (
        <>
          <Choose fc={fc} name="agency" label={f.agency} hint={f.agencyHint} options={agencyOptions} />
          <CoAgencies fc={fc} agencies={p.agencies} chosen={chosen} />
          {message}
          {note}
        </>
      );
    case 'hold':
      return <Area fc={fc} name="message" label={f.holdMessage} hint={f.holdHint} />;
    case 'not_authority':
      return <Area fc={fc} name="message" label={f.referral} />;
    case 'archive':
      return (
        <>
          <Choose
            fc={fc}
            name="archive_reason"
            label={f.archiveReason}
            options={ARCHIVE_REASONS.map((r) => ({ value: r, label: labels.archiveReason[r] }))}
          />
          {message}
        </>
      );
    case 'merge':
      return (
        <>
          <Line fc={fc} name="merge_into" label={f.mergeInto} hint={f.mergeHint} />
          {message}
        </>
      );
    case 'answer':
      return (
        <>
          <Area fc={fc} name="message" label={f.answer} hint={f.answerHint} />
          {note}
          <Shell fc={fc} name="proof" label={f.proof} hint={f.proofHint} optional>
            {({ id, describedBy }) => (
              <input
                class="input input--file"
                id={id}
                name="proof"
                type="file"
                accept="image/jpeg,image/png,image/webp"
                aria-describedby={describedBy}
              />
            )}
          </Shell>
        </>
      );
    case 'return':
      return <Area fc={fc} name="reason" label={f.returnReason} hint={f.returnHint} />;
    case 'note':
      return <Area fc={fc} name="internal_note" label={f.internalNote} hint={f.internalNoteHint} />;
    case 'reclassify':
      return (
        <>
          <Choose
            fc={fc}
            name="category"
            label={f.category}
            options={p.categories.map((c) => ({ value: c.code, label: c.name }))}
          />
          <Check fc={fc} name="anonymous" label={f.anonymous} />
          <Check fc={fc} name="confidential" label={f.confidential} />
          {note}
        </>
      );
    default:
      // verify, acknowledge, close: a message to the citizen is all they take
      return fc.action === 'verify' ? null : message;
  }
}

export function ActionForms(p: Props) {
  const actions = p.view.actions.filter((x): x is StaffAction =>
    (STAFF_ACTIONS as readonly string[]).includes(x),
  );
  const url = `${QUEUE_PATH}/${p.view.complaint.trackingCode}/tindakan`;
  return (
    <section aria-labelledby="judul-tindakan">
      <h2 id="judul-tindakan">{a.actions}</h2>
      {actions.length ? null : <p>{a.noActions}</p>}
      {actions.map((action) => {
        const failed = p.failed?.action === action ? p.failed : null;
        const fc: FieldContext = {
          action,
          values: failed ? failed.values : initialValues(action, p),
          errors: failed ? failed.errors : {},
        };
        return (
          <details key={action} class="complaint-action" open={Boolean(failed)}>
            <summary>{actionText[action].title}</summary>
            <form
              method="post"
              action={url}
              class="stack"
              noValidate
              enctype={action === 'answer' ? 'multipart/form-data' : undefined}
            >
              <CsrfField token={p.ctx.csrfToken} />
              <input type="hidden" name="action" value={action} />
              <Fields fc={fc} p={p} chosen={failed ? failed.coAgencies : []} />
              <button class={action === 'archive' ? 'button button--danger' : 'button'} type="submit">
                {actionText[action].button}
              </button>
            </form>
          </details>
        );
      })}
    </section>
  );
}
