import { Details } from '../../views/components.js';
import type { PublicOverview as Overview } from '../complaints.stats.js';
import { figureText, formatNumber } from './public-list-figures.js';
import { ComplaintList } from './public-list.js';

/** Recent public complaints and the OPDs' figures, shown on /aduan under the form. */
export function PublicOverview({ overview, timeZone }: { overview: Overview; timeZone: string }) {
  const f = overview.figures;
  return (
    <>
      <section aria-labelledby="laporan-terbaru" class="overview">
        <h2 id="laporan-terbaru">Laporan terbaru</h2>
        {overview.recent.length ? (
          <ComplaintList rows={overview.recent} timeZone={timeZone} level={3} />
        ) : (
          <p>Belum ada laporan yang dapat ditampilkan.</p>
        )}
        <p>
          <a href="/aduan/laporan">Semua laporan warga</a> · <a href="/aduan/lacak">Lacak laporan Anda</a>
        </p>
      </section>
      <section aria-labelledby="kinerja-opd" class="overview">
        <h2 id="kinerja-opd">Kinerja OPD</h2>
        {f.received ? (
          <Details
            items={[
              {
                label: 'Laporan diteruskan kepada OPD',
                value: `${formatNumber(f.received)} laporan, ${formatNumber(overview.agencies)} OPD`,
              },
              { label: 'Ditanggapi tepat waktu', value: figureText.inTime(f) },
              { label: 'Median waktu tanggapan', value: figureText.median(f) },
              { label: 'Dibuka kembali oleh pelapor', value: formatNumber(f.reopened) },
              { label: 'Kepuasan pelapor', value: figureText.rating(f) },
            ]}
          />
        ) : (
          <p>Belum ada laporan yang diteruskan kepada OPD.</p>
        )}
        <p>
          <a href="/aduan/kinerja">Angka tiap OPD</a>
        </p>
      </section>
    </>
  );
}
