import type { Agency } from '../../agencies/agencies.table.js';
import { AgencyCard } from '../../agencies/views/agency-card.js';
import type { PageContext } from '../../views/context.js';
import type { Media } from '../../media/media.table.js';
import type { PublishedPost } from '../../news/news.queries.js';
import { PostGrid } from '../../news/views/post-card.js';
import { Layout } from '../../views/layout.js';

/** The city portal's home: who the city is, its agencies, and the places news and complaints will fill. */
interface PortalHomeProps {
  ctx: PageContext;
  featured: Agency[];
  agencyCount: number;
  latest: PublishedPost[];
  covers: Map<string, Media>;
}

export function PortalHome({ ctx, featured, agencyCount, latest, covers }: PortalHomeProps) {
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
      <section aria-labelledby="judul-berita">
        <h2 id="judul-berita">Berita terbaru</h2>
        {latest.length ? (
          <PostGrid posts={latest} covers={covers} timeZone={ctx.installation.timeZone} eagerFirst={1} />
        ) : (
          <p>Belum ada berita.</p>
        )}
        <p>
          <a href="/berita">Semua berita</a> · <a href="/feed.xml">RSS</a>
        </p>
      </section>
      <section class="slot" aria-labelledby="judul-aduan">
        <h2 id="judul-aduan">Pusat Aduan</h2>
        <p>
          Sampaikan pengaduan, aspirasi atau permintaan informasi tanpa perlu membuat akun. Layanan ini segera
          hadir.
        </p>
      </section>
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
