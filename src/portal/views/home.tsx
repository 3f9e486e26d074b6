import type { Agency } from '../../agencies/agencies.table.js';
import { AgencyCard } from '../../agencies/views/agency-card.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';

/** The city portal's home: who the city is, its agencies, and the places news and complaints will fill. */
export function PortalHome({
  ctx,
  featured,
  agencyCount,
}: {
  ctx: PageContext;
  featured: Agency[];
  agencyCount: number;
}) {
  const inst = ctx.installation;
  return (
    <Layout
      ctx={ctx}
      title={inst.name}
      description={`Portal resmi ${inst.name}: berita, perangkat daerah dan layanan pengaduan.`}
    >
      <section class="hero" aria-labelledby="judul-beranda">
        <h1 id="judul-beranda">{inst.name}</h1>
        <p class="lead">
          Portal resmi {inst.name}. Temukan {agencyCount} perangkat daerah, kabar terbaru dan saluran
          pengaduan dalam satu tempat.
        </p>
      </section>
      <div class="card-grid">
        <section class="slot" aria-labelledby="judul-berita">
          <h2 id="judul-berita">Berita terbaru</h2>
          <p>Berita dan kegiatan dari seluruh perangkat daerah akan tampil di sini.</p>
        </section>
        <section class="slot" aria-labelledby="judul-aduan">
          <h2 id="judul-aduan">Pusat Aduan</h2>
          <p>
            Sampaikan pengaduan, aspirasi atau permintaan informasi tanpa perlu membuat akun. Layanan ini
            segera hadir.
          </p>
        </section>
      </div>
      <section aria-labelledby="judul-opd">
        <h2 id="judul-opd">Perangkat daerah</h2>
        <div class="card-grid">
          {featured.map((a) => (
            <AgencyCard key={a.id} agency={a} />
          ))}
        </div>
        <p>
          <a href="/opd">Lihat semua {agencyCount} perangkat daerah</a>
        </p>
      </section>
    </Layout>
  );
}
