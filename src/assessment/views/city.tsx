import { t } from '../../i18n/index.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { CityRow } from '../assessment.city.js';
import { m } from '../messages.js';
import { assessmentHead, categoryText, formatScore, ZoneBadge } from './parts.js';

export function CityAssessmentPage({ ctx, year, rows }: { ctx: PageContext; year: number; rows: CityRow[] }) {
  return (
    <Layout
      ctx={ctx}
      title={m.cityTitle}
      crumbs={[{ href: '/admin', label: t.nav.admin }]}
      head={assessmentHead}
    >
      <h1>
        {m.cityTitle} {year}
      </h1>
      <form method="get" action="/admin/penilaian" class="assessment-year-form">
        <label class="field__label" for="f-tahun">
          {m.year}
        </label>
        <input
          class="input"
          id="f-tahun"
          name="tahun"
          type="text"
          inputMode="numeric"
          value={String(year)}
          maxLength={4}
        />
        <button class="button button--secondary" type="submit">
          Tampilkan
        </button>
      </form>
      <p>
        <a href={`/admin/penilaian.csv?tahun=${year}`}>{m.csv}</a>
      </p>
      <div class="table-wrap">
        <table class="table">
          <caption>
            Nilai setiap perangkat daerah, {year}. Penilaian yang masih terbuka memakai data Balairung
            terkini.
          </caption>
          <thead>
            <tr>
              <th scope="col">Perangkat daerah</th>
              <th scope="col">Input</th>
              <th scope="col">Proses</th>
              <th scope="col">Output</th>
              <th scope="col">Pengaduan</th>
              <th scope="col">{m.total}</th>
              <th scope="col">{m.category}</th>
              <th scope="col">{m.zone}</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.agency.id}>
                <th scope="row">
                  <a href={`/admin/opd/${r.agency.slug}/penilaian/${year}`}>{r.agency.name}</a>
                </th>
                <td>{formatScore(r.result.dimensions.input)}</td>
                <td>{formatScore(r.result.dimensions.proses)}</td>
                <td>{formatScore(r.result.dimensions.output)}</td>
                <td>{formatScore(r.result.dimensions.pengaduan)}</td>
                <td>{formatScore(r.result.total)}</td>
                <td>{categoryText(r.result)}</td>
                <td>
                  <ZoneBadge zone={r.result.zone} />
                </td>
                <td>{r.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
