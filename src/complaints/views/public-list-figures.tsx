import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import { Details } from '../../views/components.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { Figures, FiguresReport } from '../complaints.stats.js';
import { AgencySelect } from './public-list.js';

/** Numbers the Indonesian way: 2,5 and 1.234. */
export const formatNumber = (n: number): string => n.toLocaleString('id-ID', { maximumFractionDigits: 1 });

export const figureText = {
  inTime: (f: Figures) =>
    f.inTimePercent === null
      ? 'belum ada yang jatuh tempo'
      : `${formatNumber(f.answeredInTime)} dari ${formatNumber(f.due)} (${formatNumber(f.inTimePercent)}%)`,
  median: (f: Figures) => (f.medianDays === null ? '–' : `${formatNumber(f.medianDays)} hari kerja`),
  rating: (f: Figures) =>
    f.averageRating === null
      ? 'belum ada penilaian'
      : `${formatNumber(f.averageRating)} dari 5 (${formatNumber(f.ratings)} penilaian)`,
};

function FiguresTable({ report }: { report: FiguresReport }) {
  return (
    <div class="table-wrap">
      <table class="table figures">
        <caption>Angka per OPD</caption>
        <thead>
          <tr>
            <th scope="col">OPD</th>
            <th scope="col">Diterima</th>
            <th scope="col">Ditanggapi tepat waktu</th>
            <th scope="col">Median waktu tanggapan</th>
            <th scope="col">Dibuka kembali</th>
            <th scope="col">Kepuasan pelapor</th>
          </tr>
        </thead>
        <tbody>
          {report.agencies.map((a) => (
            <tr key={a.agencyId}>
              <th scope="row">
                <a href={`/aduan/kinerja?opd=${a.slug}`}>{a.name}</a>
              </th>
              <td>{formatNumber(a.received)}</td>
              <td>{figureText.inTime(a)}</td>
              <td>{figureText.median(a)}</td>
              <td>{formatNumber(a.reopened)}</td>
              <td>{figureText.rating(a)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Semua OPD</th>
            <td>{formatNumber(report.total.received)}</td>
            <td>{figureText.inTime(report.total)}</td>
            <td>{figureText.median(report.total)}</td>
            <td>{formatNumber(report.total.reopened)}</td>
            <td>{figureText.rating(report.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function OneAgency({ figures, slug }: { figures: Figures; slug: string }) {
  return (
    <>
      <Details
        items={[
          { label: 'Laporan diterima', value: formatNumber(figures.received) },
          { label: 'Ditanggapi tepat waktu', value: figureText.inTime(figures) },
          { label: 'Median waktu tanggapan', value: figureText.median(figures) },
          { label: 'Dibuka kembali oleh pelapor', value: formatNumber(figures.reopened) },
          { label: 'Kepuasan pelapor', value: figureText.rating(figures) },
        ]}
      />
      <p>
        <a href={`/aduan/laporan?opd=${slug}`}>Laporan yang ditangani OPD ini</a> ·{' '}
        <a href={`/opd/${slug}`}>Profil OPD</a> · <a href="/aduan/kinerja">Semua OPD</a>
      </p>
    </>
  );
}

/** /aduan/kinerja: how each OPD handles the complaints routed to it. */
export function FiguresPage(props: {
  ctx: PageContext;
  agencies: Agency[];
  years: number[];
  filters: { opd: string; tahun: string };
  agency: { name: string; slug: string } | null;
  report: FiguresReport;
}) {
  const { ctx, report, agency, filters } = props;
  const heading = agency ? `Kinerja ${agency.name} menanggapi laporan` : 'Kinerja OPD menanggapi laporan';
  const period = filters.tahun ? `tahun ${filters.tahun}` : 'sepanjang waktu';
  return (
    <Layout
      ctx={ctx}
      title={heading}
      description="Berapa laporan warga yang diterima tiap OPD, berapa yang ditanggapi tepat waktu, dan seberapa puas pelapornya."
      crumbs={[
        { href: '/', label: t.nav.home },
        { href: '/aduan', label: 'Pusat Aduan' },
      ]}
    >
      <h1>{heading}</h1>
      <form method="get" action="/aduan/kinerja" class="filter-bar" role="search" aria-label="Saring angka">
        <AgencySelect agencies={props.agencies} selected={filters.opd} id="saring-opd" />
        <div class="field">
          <label class="field__label" for="saring-tahun">
            Tahun
          </label>
          <select class="select" id="saring-tahun" name="tahun">
            <option value="">Semua</option>
            {props.years.map((y) => (
              <option key={y} value={String(y)} selected={String(y) === filters.tahun}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button class="button" type="submit">
          {t.common.filter}
        </button>
      </form>
      <p role="status">Angka {period}.</p>
      {agency ? (
        <OneAgency figures={report.total} slug={agency.slug} />
      ) : report.agencies.length ? (
        <FiguresTable report={report} />
      ) : (
        <p>Belum ada laporan yang diteruskan kepada OPD pada periode ini.</p>
      )}
      <h2>Cara menghitung</h2>
      <Details
        items={[
          { label: 'Diterima', value: 'Laporan yang diteruskan kepada OPD ini sebagai penanggung jawab.' },
          {
            label: 'Ditanggapi tepat waktu',
            value:
              'Tanggapan pertama paling lambat pada batas tindak lanjut, dibandingkan dengan semua laporan yang batasnya sudah lewat atau sudah ditanggapi.',
          },
          {
            label: 'Median waktu tanggapan',
            value:
              'Hari kerja dari laporan diteruskan sampai tanggapan pertama, menurut hari kerja OPD (tanpa akhir pekan dan hari libur). Separuh laporan ditanggapi lebih cepat dari angka ini.',
          },
          {
            label: 'Dibuka kembali',
            value: 'Laporan yang dibuka kembali oleh pelapor karena tanggapan belum menyelesaikan masalah.',
          },
          { label: 'Kepuasan pelapor', value: 'Rata-rata nilai 1 sampai 5 yang diberikan pelapor.' },
        ]}
      />
      <p class="muted">
        Laporan rahasia ikut dihitung dalam angka ini, tetapi isinya tidak pernah ditampilkan.
      </p>
      <p>
        <a href="/aduan/laporan">Laporan warga</a> · <a href="/aduan">Buat laporan</a>
      </p>
    </Layout>
  );
}
