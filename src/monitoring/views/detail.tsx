import { t } from '../../i18n/index.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { formatDate, formatMonth } from '../../time/format.js';
import { BarChart } from '../chart.js';
import { columns, labels } from '../messages.js';
import type { HealthRow } from '../monitoring.service.js';
import type { MonthPoint } from '../monitoring.trends.js';
import { num, percent } from './format.js';
import { monitoringHead, ZoneBadge } from './dashboard.js';

function Figures({ row, timeZone }: { row: HealthRow; timeZone: string }) {
  const items: [string, string][] = [
    [columns.lastPost, row.lastPostAt ? formatDate(row.lastPostAt, timeZone) : labels.never],
    [columns.daysSince, num(row.daysSincePost)],
    [columns.posts7d, String(row.posts7d)],
    [columns.posts30d, String(row.posts30d)],
    [columns.photos, percent(row.photoPercent30d)],
    [columns.activeAdmins, `${row.activeAdmins} dari ${row.admins} admin`],
    [columns.twoFactor, String(row.activeAdminsTwoFactor)],
    [columns.standards, `${row.servicesComplete} dari ${row.servicesTotal} layanan`],
    [columns.pledge, labels.yesNo(row.pledgePublished)],
    [`Aduan diterima (${row.year})`, String(row.complaintsReceived)],
    [columns.onTime, percent(row.inTimePercent)],
    [columns.overdue, String(row.overdue)],
    [columns.median, num(row.medianDays)],
    [columns.reopened, String(row.reopened)],
    [columns.returned, String(row.returned)],
    [columns.satisfaction, row.ratings ? `${num(row.satisfaction)} (${row.ratings} penilaian)` : labels.none],
  ];
  return (
    <dl class="details monitoring-figures">
      {items.map(([label, value]) => (
        <div class="details__row" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function TrendTable({ points, timeZone }: { points: MonthPoint[]; timeZone: string }) {
  return (
    <div class="table-wrap" role="region" aria-label="Angka grafik per bulan" tabIndex={0}>
      <table class="table">
        <caption>Angka grafik per bulan</caption>
        <thead>
          <tr>
            <th scope="col">Bulan</th>
            <th scope="col">Berita terbit</th>
            <th scope="col">Aduan diterima</th>
            <th scope="col">Dijawab tepat waktu</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.month}>
              <th scope="row">{formatMonth(p.month, timeZone)}</th>
              <td>{p.posts}</td>
              <td>{p.complaints}</td>
              <td>{percent(p.onTimePercent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const short = (month: string) => `${month.slice(5)}/${month.slice(2, 4)}`;

export function DetailPage({ ctx, row, trends }: { ctx: PageContext; row: HealthRow; trends: MonthPoint[] }) {
  const timeZone = ctx.installation.timeZone;
  const span = `${formatMonth(trends[0]!.month, timeZone)} sampai ${formatMonth(trends.at(-1)!.month, timeZone)}`;
  const sum = (key: 'posts' | 'complaints') => trends.reduce((n, p) => n + p[key], 0);
  return (
    <Layout
      ctx={ctx}
      title={`${labels.title}: ${row.name}`}
      crumbs={[
        { href: '/admin', label: t.nav.admin },
        { href: '/admin/monitoring', label: labels.title },
      ]}
      head={monitoringHead}
    >
      <h1>
        {row.name} ({row.shortName})
      </h1>
      <p class="lead">
        Skor <span class="monitoring-score">{row.score}</span> dari 100, zona <ZoneBadge zone={row.zone} />
      </p>
      <section aria-labelledby="judul-masalah">
        <h2 id="judul-masalah">Masalah</h2>
        {row.problems.length ? (
          <ul class="monitoring-problems">
            {row.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : (
          <p>{labels.noProblems}</p>
        )}
      </section>
      <section aria-labelledby="judul-angka">
        <h2 id="judul-angka">Angka</h2>
        <Figures row={row} timeZone={timeZone} />
      </section>
      <section aria-labelledby="judul-tren">
        <h2 id="judul-tren">Tren 12 bulan</h2>
        <div class="chart-grid">
          <BarChart
            id="grafik-berita"
            title="Berita terbit per bulan"
            description={`${sum('posts')} berita terbit dari ${span}. Angka tiap bulan ada di tabel di bawah.`}
            points={trends.map((p) => ({ label: short(p.month), value: p.posts }))}
          />
          <BarChart
            id="grafik-aduan"
            title="Aduan diterima per bulan"
            description={`${sum('complaints')} aduan diterima dari ${span}. Angka tiap bulan ada di tabel di bawah.`}
            points={trends.map((p) => ({ label: short(p.month), value: p.complaints }))}
          />
          <BarChart
            id="grafik-tepat-waktu"
            title="Aduan dijawab tepat waktu per bulan (%)"
            description={`Persentase aduan yang dijawab dalam batas waktu, per bulan diterima, dari ${span}. Bulan tanpa aduan jatuh tempo tidak bergambar.`}
            points={trends.map((p) => ({ label: short(p.month), value: p.onTimePercent }))}
            max={100}
            unit="%"
          />
        </div>
        <TrendTable points={trends} timeZone={timeZone} />
      </section>
    </Layout>
  );
}
