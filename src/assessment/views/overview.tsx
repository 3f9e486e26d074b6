import type { Agency } from '../../agencies/agencies.table.js';
import type { Service } from '../../standards/standards.repository.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { Result } from '../assessment.scoring.js';
import { m } from '../messages.js';
import { agencyBase, assessmentHead, categoryText, crumbsFor, formatScore, ZoneBadge } from './parts.js';

export interface YearRow {
  year: number;
  /** the OPD-level result; null when only services were assessed that year */
  result: Result | null;
  closed: boolean;
  services: { name: string; slug: string; result: Result }[];
}

export function AssessmentOverviewPage({
  ctx,
  agency,
  currentYear,
  years,
  services,
}: {
  ctx: PageContext;
  agency: Agency;
  currentYear: number;
  years: YearRow[];
  services: Service[];
}) {
  const base = agencyBase(agency);
  return (
    <Layout
      ctx={ctx}
      title={`${m.short} ${agency.shortName}`}
      crumbs={crumbsFor(agency).slice(0, 1)}
      head={assessmentHead}
    >
      <h1>{m.title}</h1>
      <p class="lead">{agency.name}</p>
      <p>{m.intro}</p>
      <p>
        <a class="button" href={`${base}/${currentYear}`}>
          {m.openYear(currentYear)}
        </a>
      </p>
      <section aria-labelledby="judul-layanan">
        <h2 id="judul-layanan">
          {m.services} {currentYear}
        </h2>
        {services.length ? (
          <ul>
            {services.map((s) => (
              <li key={s.id}>
                <a href={`${base}/${currentYear}/layanan/${s.slug}`}>{s.name}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{m.noServices}</p>
        )}
      </section>
      <section aria-labelledby="judul-riwayat">
        <h2 id="judul-riwayat">{m.history}</h2>
        {years.length ? (
          <div class="table-wrap">
            <table class="table">
              <caption class="visually-hidden">{m.history}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.year}</th>
                  <th scope="col">{m.total}</th>
                  <th scope="col">{m.category}</th>
                  <th scope="col">{m.zone}</th>
                  <th scope="col">Layanan yang dinilai</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">
                      <a href={`${base}/${y.year}`}>{y.year}</a>
                    </th>
                    <td>{y.result ? formatScore(y.result.total) : '–'}</td>
                    <td>{y.result ? categoryText(y.result) : '–'}</td>
                    <td>{y.result ? <ZoneBadge zone={y.result.zone} /> : '–'}</td>
                    <td>
                      {y.services.length
                        ? y.services.map((s, i) => (
                            <span key={s.slug}>
                              {i ? '; ' : ''}
                              <a href={`${base}/${y.year}/layanan/${s.slug}`}>{s.name}</a>{' '}
                              {formatScore(s.result.total)}
                            </span>
                          ))
                        : '–'}
                    </td>
                    <td>{y.closed ? 'Dikunci' : 'Terbuka'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{m.noHistory}</p>
        )}
      </section>
    </Layout>
  );
}
