import type { Crumb } from '../../views/layout.js';
import { asset } from '../../views/assets.js';
import { t } from '../../i18n/index.js';
import type { Agency } from '../../agencies/agencies.table.js';
import { DIMENSION_LABELS, DIMENSIONS } from '../assessment.instrument.js';
import type { Result, Zone } from '../assessment.scoring.js';
import { m } from '../messages.js';

export const assessmentHead = <link rel="stylesheet" href={asset('css/assessment.css')} />;

/** "78,5": scores in the Indonesian way. */
export const formatScore = (score: number | null): string =>
  score === null ? '–' : String(Math.round(score * 100) / 100).replace('.', ',');

export function ZoneBadge({ zone }: { zone: Zone }) {
  return <span class={`zone zone--${zone}`}>{m.zones[zone]}</span>;
}

export const categoryText = (result: Result) =>
  result.category ? m.categories[result.category] : m.noCategory;

export const agencyBase = (agency: Agency) => `/admin/opd/${agency.slug}/penilaian`;

export function crumbsFor(agency: Agency, year?: number): Crumb[] {
  const crumbs: Crumb[] = [
    { href: '/admin', label: t.nav.admin },
    { href: agencyBase(agency), label: `${m.short} ${agency.shortName}` },
  ];
  if (year) crumbs.push({ href: `${agencyBase(agency)}/${year}`, label: String(year) });
  return crumbs;
}

/** The result: the final score, category and zone, and each dimension's score. */
export function ResultSummary({ result, caption }: { result: Result; caption: string }) {
  return (
    <div class="assessment-result">
      <p class="assessment-result__total">
        {m.total}: <strong>{formatScore(result.total)}</strong> · {m.category}: {categoryText(result)} ·{' '}
        {m.zone}: <ZoneBadge zone={result.zone} />
      </p>
      <div class="table-wrap">
        <table class="table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Dimensi</th>
              <th scope="col">{m.score} (0–100)</th>
            </tr>
          </thead>
          <tbody>
            {DIMENSIONS.map((d) => (
              <tr key={d}>
                <th scope="row">{DIMENSION_LABELS[d]}</th>
                <td>{formatScore(result.dimensions[d])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
