import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import { formatDate } from '../../time/format.js';
import type { PageContext } from '../../views/context.js';
import { asset } from '../../views/assets.js';
import { Layout } from '../../views/layout.js';
import { COMPONENT_LABELS, m } from '../messages.js';
import type { Completeness } from '../standards.completeness.js';
import type { Service, ServicePledge } from '../standards.repository.js';

export interface AdminServiceRow {
  service: Service;
  check: Completeness;
}

interface Props {
  ctx: PageContext;
  agency: Agency;
  rows: AdminServiceRow[];
  pledge: ServicePledge | undefined;
}

const yesNo = (ok: boolean) => (
  <span class={ok ? 'standards-ok' : 'standards-missing'}>{ok ? t.common.yes : t.common.no}</span>
);

function Row({ agency, row }: { agency: Agency; row: AdminServiceRow }) {
  const { service, check } = row;
  const base = `/admin/opd/${agency.slug}/layanan/${service.slug}`;
  return (
    <tr>
      <th scope="row">
        <a href={base}>{service.name}</a>
        {service.status === 'published' ? (
          <>
            <br />
            <a class="muted" href={`/opd/${agency.slug}/layanan/${service.slug}`}>
              {m.viewPublic}
            </a>
          </>
        ) : null}
      </th>
      <td>{service.status === 'published' ? m.published : m.draft}</td>
      <td>
        {check.missing.length ? check.missing.map((key) => COMPONENT_LABELS[key]).join('; ') : m.noneMissing}
      </td>
      <td>{yesNo(check.publicPublished)}</td>
      <td>{yesNo(check.hasDecree)}</td>
      <td>{yesNo(check.reviewedWithinYear)}</td>
      <td>
        <strong class={check.complete ? 'standards-ok' : 'standards-missing'}>
          {check.complete ? m.complete : m.incomplete}
        </strong>
      </td>
    </tr>
  );
}

/** An agency's services with the completeness check of each, and its maklumat pelayanan. */
export function AdminServiceList({ ctx, agency, rows, pledge }: Props) {
  const base = `/admin/opd/${agency.slug}/layanan`;
  const title = m.listTitle(agency.shortName);
  const zone = ctx.installation.timeZone;
  return (
    <Layout
      ctx={ctx}
      title={title}
      head={<link rel="stylesheet" href={asset('css/standards.css')} />}
      crumbs={[
        { href: '/admin', label: t.nav.admin },
        { href: `/admin/opd/${agency.slug}`, label: agency.shortName },
      ]}
    >
      <h1>{title}</h1>
      <p>{m.listIntro}</p>
      <p class="button-row">
        <a class="button" href={`${base}/baru`}>
          {m.addTitle}
        </a>{' '}
        <a href="/admin/panduan/standar-pelayanan">{m.guide}</a>
      </p>
      {rows.length ? (
        <div class="table-wrap">
          <table class="table">
            <caption>{m.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.colService}</th>
                <th scope="col">{m.colStatus}</th>
                <th scope="col">{m.colMissing}</th>
                <th scope="col">{m.colPublic}</th>
                <th scope="col">{m.colDecree}</th>
                <th scope="col">{m.colReview}</th>
                <th scope="col">{m.colComplete}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <Row key={row.service.id} agency={agency} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{m.empty}</p>
      )}
      <section aria-labelledby="judul-maklumat">
        <h2 id="judul-maklumat">{m.pledgeTitle}</h2>
        <p>
          {!pledge
            ? m.pledgeNone
            : pledge.publishedAt
              ? `${m.pledgeStatusPublished} (${formatDate(pledge.publishedAt, zone)})`
              : m.pledgeStatusHidden}
        </p>
        <p>
          <a href={`${base}/maklumat`}>{m.pledgeEdit}</a>
        </p>
      </section>
    </Layout>
  );
}
