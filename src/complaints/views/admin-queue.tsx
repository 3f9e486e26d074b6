import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import { formatDate, formatDateTime } from '../../time/format.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { QueuePage, QueueRow, QueueTab } from '../complaints.queries.js';
import { COMPLAINT_STATUSES, type ComplaintCategory } from '../complaints.table.js';
import { labels } from '../messages.js';
import { a } from './admin-messages.js';

export const QUEUE_PATH = '/admin/aduan';

/** The tabs in the order shown, and their public names in the address (?tab=baru). */
export const TAB_SLUGS: Record<Exclude<QueueTab, 'all'>, string> = {
  new: 'baru',
  due_soon: 'segera',
  overdue: 'lewat-batas',
  on_hold: 'ditunda',
  open: 'berjalan',
  closed: 'selesai',
};

/** The queue's filters as they travel in the address; empty strings are "no filter". */
export interface QueueParams {
  tab: QueueTab;
  status: string;
  opd: string;
  kategori: string;
  q: string;
}

/** The address of the queue (or its CSV export) with these filters; empty ones are left out. */
export function queueHref(params: QueueParams, page = 1, base = QUEUE_PATH): string {
  const query = new URLSearchParams();
  if (params.tab !== 'open' && params.tab !== 'all') query.set('tab', TAB_SLUGS[params.tab]);
  if (params.tab === 'all') query.set('tab', 'semua');
  for (const key of ['status', 'opd', 'kategori', 'q'] as const) if (params[key]) query.set(key, params[key]);
  if (page > 1) query.set('halaman', String(page));
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

interface Props {
  ctx: PageContext;
  scope: 'all' | 'agency';
  params: QueueParams;
  counts: Record<'new' | 'due_soon' | 'overdue' | 'on_hold', number>;
  queue: QueuePage;
  /** the OPD filter's choices (coordinator only; empty for an OPD) */
  agencies: Agency[];
  categories: ComplaintCategory[];
  at: string;
  dueSoonBefore: string;
  canEnter: boolean;
  canEditCategories: boolean;
}

function Tabs({ params, counts }: Pick<Props, 'params' | 'counts'>) {
  return (
    <nav aria-label={a.tabsLabel}>
      <ul class="tabs complaint-tabs">
        {(Object.keys(TAB_SLUGS) as Exclude<QueueTab, 'all'>[]).map((tab) => {
          const count = tab in counts ? counts[tab as keyof typeof counts] : null;
          return (
            <li key={tab}>
              <a
                href={queueHref({ ...params, tab, status: '' })}
                aria-current={params.tab === tab ? 'page' : undefined}
              >
                {a.tabs[tab]}
                {count !== null ? <span class="complaint-tabs__count"> ({count})</span> : null}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function FilterSelect(props: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div class="field">
      <label class="field__label" for={`f-${props.name}`}>
        {props.label}
      </label>
      <select class="select" id={`f-${props.name}`} name={props.name}>
        <option value="">{a.anyOption}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A GET form: works without script, and the address can be bookmarked or shared with a colleague. */
function Filters({ params, agencies, categories, scope }: Props) {
  return (
    <form method="get" action={QUEUE_PATH} class="filter-bar complaint-filters" aria-label={a.filterLabel}>
      {params.tab !== 'open' ? (
        <input type="hidden" name="tab" value={params.tab === 'all' ? 'semua' : TAB_SLUGS[params.tab]} />
      ) : null}
      <div class="field">
        <label class="field__label" for="f-q">
          {a.filterQuery}
        </label>
        <input class="input" id="f-q" name="q" type="search" value={params.q} maxLength={150} />
      </div>
      <FilterSelect
        name="status"
        label={a.filterStatus}
        value={params.status}
        options={COMPLAINT_STATUSES.map((s) => ({ value: s, label: labels.status[s] }))}
      />
      {scope === 'all' ? (
        <FilterSelect
          name="opd"
          label={a.filterAgency}
          value={params.opd}
          options={agencies.map((g) => ({ value: g.slug, label: g.name }))}
        />
      ) : null}
      <FilterSelect
        name="kategori"
        label={a.filterCategory}
        value={params.kategori}
        options={categories.map((c) => ({ value: c.code, label: c.name }))}
      />
      <button class="button" type="submit">
        {a.filterButton}
      </button>
    </form>
  );
}

/** The deadline, with its flag in words (not colour alone). */
export function DeadlineCell({
  row,
  at,
  dueSoonBefore,
  timeZone,
}: {
  row: Pick<QueueRow, 'deadlineAt' | 'status'>;
  at: string;
  dueSoonBefore: string;
  timeZone: string;
}) {
  if (!row.deadlineAt) return <span class="muted">{row.status === 'on_hold' ? a.noDeadline : '—'}</span>;
  return (
    <>
      <time dateTime={row.deadlineAt} title={formatDateTime(row.deadlineAt, timeZone)}>
        {formatDate(row.deadlineAt, timeZone)}
      </time>{' '}
      <DeadlineFlags deadlineAt={row.deadlineAt} at={at} dueSoonBefore={dueSoonBefore} />
    </>
  );
}

/** "Lewat batas" or "Segera", in words and with a sign, so the flag does not rest on colour alone. */
export function DeadlineFlags({
  deadlineAt,
  at,
  dueSoonBefore,
}: {
  deadlineAt: string;
  at: string;
  dueSoonBefore: string;
}) {
  if (deadlineAt < at) return <span class="complaint-flag complaint-flag--overdue">⚠ {a.overdue}</span>;
  if (deadlineAt <= dueSoonBefore)
    return <span class="complaint-flag complaint-flag--soon">⏱ {a.dueSoon}</span>;
  return null;
}

function QueueTable({ ctx, queue, at, dueSoonBefore }: Props) {
  const zone = ctx.installation.timeZone;
  if (!queue.rows.length) return <p>{a.empty}</p>;
  return (
    <div class="table-wrap">
      <table class="table complaint-table complaint-queue">
        <caption class="visually-hidden">{a.caption}</caption>
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
          {queue.rows.map((row) => (
            <tr key={row.id}>
              <td data-label={a.col.code}>
                <a href={`${QUEUE_PATH}/${row.trackingCode}`} class="complaint-code">
                  {row.trackingCode}
                </a>
              </td>
              <td data-label={a.col.title}>
                {row.title}
                {row.anonymous ? <span class="tag complaint-privacy">{a.anonymous}</span> : null}
                {row.confidential ? <span class="tag complaint-privacy">{a.confidential}</span> : null}
              </td>
              <td data-label={a.col.category}>{row.categoryName ?? '—'}</td>
              <td data-label={a.col.agency}>{row.agencyName ?? <span class="muted">{a.noAgency}</span>}</td>
              <td data-label={a.col.status}>{labels.status[row.status]}</td>
              <td data-label={a.col.deadline}>
                <DeadlineCell row={row} at={at} dueSoonBefore={dueSoonBefore} timeZone={zone} />
              </td>
              <td data-label={a.col.received}>
                <time dateTime={row.receivedAt}>{formatDate(row.receivedAt, zone)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The coordinator's queue (every complaint) or an OPD's (those assigned to it). */
export function QueuePageView(props: Props) {
  const { ctx, params, queue } = props;
  return (
    <Layout ctx={ctx} title={a.queueTitle} crumbs={[{ href: '/admin', label: t.nav.admin }]}>
      <h1>{a.queueTitle}</h1>
      <p>{props.scope === 'all' ? a.queueIntro.all : a.queueIntro.agency}</p>
      {props.canEnter || props.canEditCategories ? (
        <p class="button-row">
          {props.canEnter ? (
            <a class="button" href={`${QUEUE_PATH}/baru`}>
              {a.newEntry}
            </a>
          ) : null}
          {props.canEditCategories ? (
            <a class="button button--secondary" href={`${QUEUE_PATH}/kategori`}>
              {a.categories}
            </a>
          ) : null}
        </p>
      ) : null}
      <Tabs params={params} counts={props.counts} />
      <Filters {...props} />
      <QueueTable {...props} />
      {queue.page > 1 || queue.hasNext ? (
        <nav class="pager" aria-label={a.pagesLabel}>
          {queue.page > 1 ? (
            <a href={queueHref(params, queue.page - 1)} rel="prev">
              {a.prev}
            </a>
          ) : null}
          <span>{a.page(queue.page)}</span>
          {queue.hasNext ? (
            <a href={queueHref(params, queue.page + 1)} rel="next">
              {a.next}
            </a>
          ) : null}
        </nav>
      ) : null}
      <p>
        <a href={queueHref(params, 1, `${QUEUE_PATH}.csv`)} download>
          {a.export}
        </a>
        <br />
        <span class="muted">{a.exportHint}</span>
      </p>
    </Layout>
  );
}
