import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import { formatDateTime } from '../../time/format.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { actorText, detailLines } from '../audit.details.js';
import type { AuditCursor, AuditPage, AuditRow } from '../audit.queries.js';
import { a, actionLabel, actionLabels, subjectLabels } from '../messages.js';

export const AUDIT_PATH = '/admin/audit';

/** The filters as they travel in the address; empty strings are "no filter". */
export interface AuditParams {
  siapa: string;
  tindakan: string;
  opd: string;
  dari: string;
  sampai: string;
  objek: string;
  /** a date was typed that is not YYYY-MM-DD (it is left out, and the page says so) */
  badDate: boolean;
}

const FILTER_KEYS = ['siapa', 'tindakan', 'opd', 'dari', 'sampai', 'objek'] as const;

/** The address of the log (or its CSV) with these filters, starting after `before`. */
export function auditHref(params: AuditParams, before?: AuditCursor, base = AUDIT_PATH): string {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) if (params[key]) query.set(key, params[key]);
  if (before) query.set('sebelum', `${before.createdAt}~${before.id}`);
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

interface Props {
  ctx: PageContext;
  scope: 'all' | 'agency';
  params: AuditParams;
  page: AuditPage;
  /** this is not the newest page */
  paged: boolean;
  /** the OPD filter's choices: every OPD for the super admin, the reader's own otherwise */
  agencies: Agency[];
  exportMax: number;
}

function Field(props: {
  name: string;
  label: string;
  value: string;
  type?: 'text' | 'search' | 'date';
  hint?: string;
}) {
  return (
    <div class="field">
      <label class="field__label" for={`f-${props.name}`}>
        {props.label}
      </label>
      {props.hint ? (
        <p class="field__hint" id={`f-${props.name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <input
        class="input"
        id={`f-${props.name}`}
        name={props.name}
        // preact's typings split input types apart; these three take the same attributes here
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        maxLength={100}
        aria-describedby={props.hint ? `f-${props.name}-hint` : undefined}
      />
    </div>
  );
}

function Choice(props: { name: string; label: string; value: string; options: [string, string][] }) {
  return (
    <div class="field">
      <label class="field__label" for={`f-${props.name}`}>
        {props.label}
      </label>
      <select class="select" id={`f-${props.name}`} name={props.name}>
        <option value="">{a.any}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A GET form: works without script, and the address can be bookmarked or sent to the inspectorate. */
function Filters({ params, agencies }: Props) {
  const actions = Object.entries(actionLabels).sort((x, y) => x[1].localeCompare(y[1], 'id'));
  return (
    <form method="get" action={AUDIT_PATH} class="filter-bar audit-filters" aria-label={a.filterLabel}>
      <Field name="siapa" label={a.who} value={params.siapa} type="search" />
      <Choice name="tindakan" label={a.action} value={params.tindakan} options={actions} />
      {agencies.length > 1 ? (
        <Choice
          name="opd"
          label={a.agency}
          value={params.opd}
          options={agencies.map((g) => [g.slug, g.name])}
        />
      ) : null}
      <Field name="dari" label={a.from} value={params.dari} type="date" />
      <Field name="sampai" label={a.to} value={params.sampai} type="date" />
      <Field name="objek" label={a.subject} value={params.objek} hint={a.subjectHint} />
      <button class="button" type="submit">
        {a.filterButton}
      </button>{' '}
      <a href={AUDIT_PATH}>{a.reset}</a>
    </form>
  );
}

function EventRow({ row, timeZone }: { row: AuditRow; timeZone: string }) {
  const lines = detailLines(row.details);
  return (
    <tr>
      <td data-label={a.col.when}>
        <time dateTime={row.createdAt}>{formatDateTime(row.createdAt, timeZone)}</time>
      </td>
      <td data-label={a.col.who}>
        {actorText(row)}
        {row.actorEmail ? (
          <>
            <br />
            <span class="muted">{row.actorEmail}</span>
          </>
        ) : null}
      </td>
      <td data-label={a.col.agency}>{row.agencyName ?? <span class="muted">{a.noAgency}</span>}</td>
      <td data-label={a.col.action}>{actionLabel(row.action)}</td>
      <td data-label={a.col.subject}>
        {subjectLabels[row.subjectType] ?? row.subjectType}
        <br />
        <code class="audit-id">{row.subjectId}</code>
      </td>
      <td data-label={a.col.where}>
        {row.ip || a.noIp}
        {row.userAgent ? (
          <>
            <br />
            <span class="muted audit-agent">{row.userAgent}</span>
          </>
        ) : null}
      </td>
      <td data-label={a.col.details}>
        {lines.length ? (
          <ul class="audit-details">
            {lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

function EventTable({ page, ctx }: Props) {
  if (!page.rows.length) return <p>{a.empty}</p>;
  return (
    <div class="table-wrap">
      <table class="table audit-table">
        <caption>{a.caption}</caption>
        <thead>
          <tr>
            {Object.values(a.col).map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {page.rows.map((row) => (
            <EventRow key={row.id} row={row} timeZone={ctx.installation.timeZone} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The audit log: every event for the super admin, their own OPD's for an OPD admin. */
export function AuditPageView(props: Props) {
  const { ctx, params, page } = props;
  return (
    <Layout ctx={ctx} title={a.title} crumbs={[{ href: '/admin', label: t.nav.admin }]}>
      <h1>{a.title}</h1>
      <p>{props.scope === 'all' ? a.intro.all : a.intro.agency}</p>
      {params.badDate ? (
        <div class="notice notice--warning" role="status">
          {a.badDate}
        </div>
      ) : null}
      <Filters {...props} />
      <EventTable {...props} />
      {props.paged || page.next ? (
        <nav class="pager" aria-label={a.pagesLabel}>
          {props.paged ? <a href={auditHref(params)}>{a.newest}</a> : null}{' '}
          {page.next ? (
            <a href={auditHref(params, page.next)} rel="next">
              {a.older}
            </a>
          ) : null}
        </nav>
      ) : null}
      <p>
        <a href={auditHref(params, undefined, `${AUDIT_PATH}.csv`)} download>
          {a.export}
        </a>
        <br />
        <span class="muted">{a.exportHint(props.exportMax)}</span>
      </p>
    </Layout>
  );
}
