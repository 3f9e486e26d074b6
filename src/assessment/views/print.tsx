import type { Agency } from '../../agencies/agencies.table.js';
import { formatDate } from '../../time/format.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { DIMENSION_LABELS, DIMENSIONS, ITEMS } from '../assessment.instrument.js';
import type { LoadedAssessment } from '../assessment.service.js';
import type { Result } from '../assessment.scoring.js';
import { m } from '../messages.js';
import { assessmentHead, categoryText, crumbsFor, formatScore, ResultSummary } from './parts.js';

/** The report an OPD hands over: one A4 document, the screen's chrome hidden in print (assessment.css). */
export function AssessmentPrintPage({
  ctx,
  agency,
  year,
  title,
  loaded,
  services,
  printedAt,
}: {
  ctx: PageContext;
  agency: Agency;
  year: number;
  /** the OPD, or the OPD and one service */
  title: string;
  loaded: LoadedAssessment;
  services: { name: string; result: Result }[];
  printedAt: string;
}) {
  const tz = ctx.installation.timeZone;
  return (
    <Layout
      ctx={ctx}
      title={`Laporan ${m.title} ${year}`}
      crumbs={crumbsFor(agency, year)}
      head={assessmentHead}
    >
      <article class="assessment-report">
        <h1>
          Laporan {m.title} {year}
        </h1>
        <p class="lead">{title}</p>
        <p class="assessment-report__screen-only">
          Gunakan menu Cetak pada peramban (Ctrl+P) untuk mencetak laporan ini pada kertas A4.
        </p>
        <p>
          Dicetak {formatDate(printedAt, tz)}.{' '}
          {loaded.closed ? m.finalized : 'Penilaian masih terbuka; nilai bisa berubah.'}
        </p>
        <ResultSummary result={loaded.result} caption={`Nilai per dimensi ${year}`} />
        {DIMENSIONS.map((d) => (
          <table class="table assessment-report__items" key={d}>
            <caption>{DIMENSION_LABELS[d]}</caption>
            <thead>
              <tr>
                <th scope="col">Butir</th>
                <th scope="col">{m.score} (0–3)</th>
                <th scope="col">Sumber</th>
                <th scope="col">Keterangan</th>
              </tr>
            </thead>
            <tbody>
              {ITEMS.filter((i) => i.dimension === d).map((item) => {
                const row = loaded.scores.get(item.key);
                return (
                  <tr key={item.key}>
                    <th scope="row">{item.label}</th>
                    <td>{row?.score ?? (item.auto ? m.notApplicable : m.notFilled)}</td>
                    <td>{item.auto ? m.fromBalairung : m.filledByOpd}</td>
                    <td>
                      {item.auto ? row?.detail : row?.note}
                      {row?.evidenceMediaId ? ' (ada foto bukti)' : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
        {services.length ? (
          <table class="table">
            <caption>{m.services}</caption>
            <thead>
              <tr>
                <th scope="col">Layanan</th>
                <th scope="col">{m.total}</th>
                <th scope="col">{m.category}</th>
              </tr>
            </thead>
            <tbody>
              {services.map((s) => (
                <tr key={s.name}>
                  <th scope="row">{s.name}</th>
                  <td>{formatScore(s.result.total)}</td>
                  <td>{categoryText(s.result)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </article>
    </Layout>
  );
}
