import { t } from '../../i18n/index.js';
import type { Agency } from '../../agencies/agencies.table.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { DomainRow } from '../guard.links.js';
import { m } from '../messages.js';

interface Props {
  ctx: PageContext;
  rows: DomainRow[];
  agencies: Agency[];
  /** the OPD filter as chosen ('' for all in scope) */
  opd: string;
}

function Filter({ agencies, opd }: Pick<Props, 'agencies' | 'opd'>) {
  return (
    <form method="get" action="/admin/tautan-keluar" class="link-filter">
      <label for="f-opd">{m.opdLabel}</label>
      <select id="f-opd" name="opd">
        <option value="">{m.allAgencies}</option>
        {agencies.map((a) => (
          <option key={a.id} value={a.slug} selected={a.slug === opd}>
            {a.name}
          </option>
        ))}
      </select>
      <button class="button button--secondary" type="submit">
        {m.filter}
      </button>
    </form>
  );
}

function DomainTable({ rows }: { rows: DomainRow[] }) {
  return (
    <div class="table-wrap">
      <table class="table">
        <caption>{m.linksCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.linksColumns.host}</th>
            <th scope="col">{m.linksColumns.kind}</th>
            <th scope="col">{m.linksColumns.count}</th>
            <th scope="col">{m.linksColumns.sources}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.host}>
              <th scope="row">{row.host}</th>
              <td>{row.trusted ? m.trusted : m.untrusted}</td>
              <td>{row.count}</td>
              <td>
                <ul>
                  {row.sources.map((s) => (
                    <li key={s.path}>
                      <a href={s.path}>{s.title || s.path}</a> ({m.subject[s.kind]}, {s.agencyName}, {s.count}
                      ×)
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function LinksPage({ ctx, rows, agencies, opd }: Props) {
  const csv = `/admin/tautan-keluar.csv${opd ? `?opd=${encodeURIComponent(opd)}` : ''}`;
  return (
    <Layout ctx={ctx} title={m.linksTitle} crumbs={[{ href: '/admin', label: t.nav.admin }]}>
      <h1>{m.linksTitle}</h1>
      <p>{m.linksIntro}</p>
      {agencies.length > 1 ? <Filter agencies={agencies} opd={opd} /> : null}
      <p>
        <a href={csv}>{m.linksCsv}</a>
      </p>
      {rows.length ? <DomainTable rows={rows} /> : <p>{m.linksEmpty}</p>}
    </Layout>
  );
}
