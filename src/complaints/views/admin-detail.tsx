import type { ComponentChildren } from 'preact';
import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import { formatDate, formatDateTime } from '../../time/format.js';
import { Details, ErrorSummary, Notice } from '../../views/components.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { ComplaintView } from '../complaints.read.js';
import type { ComplaintCategory, ComplaintEvent } from '../complaints.table.js';
import { labels } from '../messages.js';
import { ActionForms, type ActionFormState } from './admin-actions.js';
import { a } from './admin-messages.js';
import { DeadlineFlags, QUEUE_PATH } from './admin-queue.js';

/** Everything the detail page shows besides the complaint itself, loaded by the route. */
export interface DetailData {
  view: ComplaintView;
  category: ComplaintCategory | undefined;
  /** "Kelurahan, Kecamatan" */
  place: string;
  agencies: Agency[];
  categories: ComplaintCategory[];
  staffNames: Map<string, string>;
  suggestedAgencyId: string | null;
  mergedIntoCode: string | null;
  at: string;
  dueSoonBefore: string;
}

interface Props extends DetailData {
  ctx: PageContext;
  /** the action form that was just refused (422), with what was typed */
  failed: ActionFormState | null;
  /** a problem with the page as a whole: a step the status no longer allows (409) */
  problem: string | null;
}

const agencyName = (agencies: Agency[], id: string | null | undefined) =>
  (id && agencies.find((g) => g.id === id)?.name) || '';

/** The pin's coordinates and a link that shows them on OpenStreetMap's own site (no tiles on our pages). */
function PinLink({ lat, lng }: { lat: number; lng: number }) {
  const href = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`;
  return (
    <>
      {`${lat}, ${lng}`} (<a href={href}>{a.pinOnMap}</a>)
    </>
  );
}

function Facts({ view, category, place, agencies, suggestedAgencyId, mergedIntoCode, ctx }: Props) {
  const c = view.complaint;
  const zone = ctx.installation.timeZone;
  const [lead, ...co] = view.assigneeIds;
  const privacy = [c.anonymous ? a.privacyAnonymous : '', c.confidential ? a.privacyConfidential : ''].filter(
    Boolean,
  );
  return (
    <Details
      items={[
        { label: a.fact.status, value: labels.status[c.status] },
        { label: a.fact.class, value: labels.class[c.class] },
        { label: a.fact.category, value: category?.name ?? '' },
        { label: a.fact.channel, value: labels.channel[c.channel] },
        { label: a.fact.lapor, value: c.laporNumber },
        { label: a.fact.received, value: formatDateTime(c.receivedAt, zone) },
        {
          label: a.fact.occurredOn,
          value: c.occurredOn ? formatDate(`${c.occurredOn}T12:00:00Z`, zone) : '',
        },
        { label: a.fact.place, value: place },
        { label: a.fact.address, value: c.address },
        {
          label: a.fact.pin,
          value: c.lat !== null && c.lng !== null ? <PinLink lat={c.lat} lng={c.lng} /> : '',
        },
        { label: a.fact.lead, value: agencyName(agencies, lead ?? c.agencyId) },
        { label: a.fact.co, value: co.map((id) => agencyName(agencies, id)).join(', ') },
        {
          label: a.fact.suggested,
          value: suggestedAgencyId && !view.assigneeIds.length ? agencyName(agencies, suggestedAgencyId) : '',
        },
        { label: a.fact.privacy, value: privacy.length ? privacy.join('; ') : a.privacyNone },
        { label: a.fact.handoffs, value: c.handoffs ? a.times(c.handoffs) : '' },
        { label: a.fact.reopened, value: c.reopened ? a.times(c.reopened) : '' },
        { label: a.fact.rating, value: c.rating ? a.stars(c.rating) : '' },
        {
          label: a.fact.mergedInto,
          value: mergedIntoCode ? <a href={`${QUEUE_PATH}/${mergedIntoCode}`}>{mergedIntoCode}</a> : '',
        },
      ]}
    />
  );
}

/** The reporter, only when the policy lets this reader see them (readComplaint decided and audited it). */
function Reporter({ view }: { view: ComplaintView }) {
  const c = view.complaint;
  let body: ComponentChildren;
  if (c.personalDataRemovedAt) body = <p>{a.reporterRemoved}</p>;
  else if (!view.reporterVisible) body = <p class="complaint-anonymous">{a.reporterAnonymousHidden}</p>;
  else
    body = (
      <>
        {c.anonymous ? <Notice kind="warning">{a.reporterAnonymousNote}</Notice> : null}
        <Details
          items={[
            { label: a.reporterField.name, value: c.reporterName },
            { label: a.reporterField.email, value: c.reporterEmail },
            { label: a.reporterField.phone, value: c.reporterPhone },
            { label: a.reporterField.nik, value: c.reporterNik },
          ]}
        />
        <p class="muted">{a.reporterAudit}</p>
      </>
    );
  return (
    <section aria-labelledby="judul-pelapor">
      <h2 id="judul-pelapor">{a.reporter}</h2>
      {body}
    </section>
  );
}

function Deadlines({ view, at, dueSoonBefore, ctx }: Props) {
  const c = view.complaint;
  const zone = ctx.installation.timeZone;
  return (
    <section aria-labelledby="judul-batas">
      <h2 id="judul-batas">{a.deadlines}</h2>
      <Details
        items={[
          {
            label: c.deadlineKind ? labels.deadline[c.deadlineKind] : a.deadlines,
            value: c.deadlineAt ? (
              <>
                {formatDateTime(c.deadlineAt, zone)}{' '}
                <DeadlineFlags deadlineAt={c.deadlineAt} at={at} dueSoonBefore={dueSoonBefore} />
              </>
            ) : (
              a.deadlineNone
            ),
          },
          { label: a.resolutionCap, value: formatDateTime(c.resolutionDueAt, zone) },
        ]}
      />
    </section>
  );
}

/** Who took a step, as staff see it: the citizen is never named here (the reporter section does that). */
function actorOf(event: ComplaintEvent, names: Map<string, string>, agencies: Agency[]): string {
  if (event.actorKind === 'citizen') return a.actorCitizen;
  if (event.actorKind === 'system') return a.actorSystem;
  const who = (event.actorId && names.get(event.actorId)) || a.actorStaff;
  const agency = agencies.find((g) => g.id === event.agencyId);
  return agency ? `${who} (${agency.shortName})` : who;
}

/** What a step changed that its message does not say: where it went, why it was archived, the stars. */
function parsed(json: string): Record<string, unknown> {
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function detailsOf(event: ComplaintEvent, agencies: Agency[]): string {
  const details = parsed(event.details);
  const parts: string[] = [];
  if (event.action === 'assign') {
    parts.push(`${a.fact.lead}: ${agencyName(agencies, details.agencyId as string)}`);
    const co = ((details.coAgencyIds as string[] | undefined) ?? []).map((id) => agencyName(agencies, id));
    if (co.length) parts.push(`${a.fact.co}: ${co.join(', ')}`);
  }
  if (event.action === 'archive' && typeof details.reason === 'string')
    parts.push(labels.archiveReason[details.reason as keyof typeof labels.archiveReason] ?? '');
  if (event.action === 'file' && typeof details.channel === 'string')
    parts.push(`${a.fact.channel}: ${labels.channel[details.channel as keyof typeof labels.channel] ?? ''}`);
  if (event.action === 'rate' && typeof details.stars === 'number') parts.push(a.stars(details.stars));
  return parts.filter(Boolean).join(' · ');
}

function Timeline({ view, staffNames, agencies, ctx }: Props) {
  const zone = ctx.installation.timeZone;
  return (
    <section aria-labelledby="judul-riwayat">
      <h2 id="judul-riwayat">{a.timeline}</h2>
      <ol class="complaint-timeline">
        {view.events.map((event) => {
          const internal = event.visibility === 'internal';
          const extra = detailsOf(event, agencies);
          return (
            <li
              key={event.id}
              class={internal ? 'complaint-step complaint-step--internal' : 'complaint-step'}
            >
              <p class="complaint-step__head">
                <strong>{labels.action[event.action as keyof typeof labels.action] ?? event.action}</strong>
                {internal ? (
                  <span class="tag complaint-step__internal">
                    {a.internal}
                    <span class="visually-hidden">: {a.internalHint}</span>
                  </span>
                ) : null}
                <br />
                <span class="muted">
                  <time dateTime={event.createdAt}>{formatDateTime(event.createdAt, zone)}</time> ·{' '}
                  {actorOf(event, staffNames, agencies)}
                </span>
              </p>
              {extra ? <p class="muted">{extra}</p> : null}
              {event.message ? <p class="complaint-step__message">{event.message}</p> : null}
              {event.internalNote ? (
                <p class="complaint-step__note">
                  <strong>{a.internalNote} </strong>({a.internalHint}): {event.internalNote}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Attachments({ view }: { view: ComplaintView }) {
  return (
    <section aria-labelledby="judul-lampiran">
      <h2 id="judul-lampiran">{a.attachments}</h2>
      {view.attachments.length ? (
        <ul>
          {view.attachments.map((file) => (
            <li key={file.id}>
              <a href={`/aduan/lampiran/${file.id}`}>{file.originalName || file.kind}</a>{' '}
              <span class="muted">
                ({file.kind === 'pdf' ? 'PDF' : 'foto'}, {Math.max(1, Math.round(file.bytes / 1024))} KB,{' '}
                {a.attachmentFrom[file.uploadedBy]}
                {file.visibility === 'internal' ? `, ${a.internal.toLowerCase()}` : ''})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{a.noAttachments}</p>
      )}
    </section>
  );
}

/** One complaint as staff see it: the facts, the reporter if allowed, the deadlines, the timeline and the steps. */
export function ComplaintDetailPage(props: Props) {
  const { ctx, view, failed, problem } = props;
  const c = view.complaint;
  return (
    <Layout
      ctx={ctx}
      title={a.detailTitle(c.trackingCode)}
      crumbs={[
        { href: '/admin', label: t.nav.admin },
        { href: QUEUE_PATH, label: a.queueTitle },
      ]}
    >
      {problem ? <ErrorSummary errors={{ _: problem }} /> : null}
      {failed ? <ErrorSummary errors={failed.summary} /> : null}
      <p class="complaint-code">{c.trackingCode}</p>
      <h1>{c.title}</h1>
      <div class="complaint-detail">
        <div class="complaint-detail__main">
          <section aria-labelledby="judul-isi">
            <h2 id="judul-isi">{a.description}</h2>
            <p class="complaint-description">{c.description}</p>
          </section>
          <section aria-labelledby="judul-data">
            <h2 id="judul-data">{a.facts}</h2>
            <Facts {...props} />
          </section>
          <Reporter view={view} />
        </div>
        {/* Before the history in reading order: on a phone the steps come right after the facts. */}
        <div class="complaint-detail__side">
          <Deadlines {...props} />
          <ActionForms
            ctx={ctx}
            view={view}
            agencies={props.agencies}
            categories={props.categories}
            category={props.category}
            suggestedAgencyId={props.suggestedAgencyId}
            failed={failed}
          />
        </div>
        <div class="complaint-detail__history">
          <Attachments view={view} />
          <Timeline {...props} />
        </div>
      </div>
      <p>
        <a href={QUEUE_PATH}>{a.backToQueue}</a>
      </p>
    </Layout>
  );
}
