import type { ComponentChildren } from 'preact';
import { t } from '../../i18n/index.js';
import { canAssess } from '../../assessment/assessment.policy.js';
import { canReadAudit } from '../../audit/audit.policy.js';
import { canImport } from '../../imports/imports.policy.js';
import { complaintScope } from '../../complaints/complaints.policy.js';
import { MonitoringCard, type HomeMonitoring } from '../../monitoring/views/home.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { Agency } from '../agencies.table.js';

/** One card of the admin home: a titled section, named by its heading. */
function Card({
  id,
  title,
  children,
}: {
  id: string;
  title: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <section class="card" aria-labelledby={id}>
      <h2 class="card__title" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The admin home: a card for each thing the person may do, from their roles. */
export function AdminHome({
  ctx,
  agencies,
  demo,
  twoFactorEnabled,
  isSuperAdmin,
  monitoring,
}: {
  ctx: PageContext;
  agencies: Agency[];
  demo: boolean;
  twoFactorEnabled: boolean;
  isSuperAdmin: boolean;
  /** the monitoring card: absent for someone who administers no OPD */
  monitoring?: HomeMonitoring | undefined;
}) {
  const actor = ctx.actor!;
  return (
    <Layout ctx={ctx} title={t.nav.admin}>
      <h1>{t.nav.admin}</h1>
      <p class="lead">Selamat datang, {actor.name}.</p>
      {!isSuperAdmin && agencies.length === 1 && agencies[0] ? (
        <p>
          <a class="button" href={`/admin/opd/${agencies[0].slug}/kegiatan-baru`}>
            Kegiatan baru
          </a>
        </p>
      ) : null}
      {demo ? (
        <div class="notice notice--info">
          Ini instalasi demo: verifikasi dua langkah tidak diwajibkan agar akun demo bisa langsung masuk. Pada
          instalasi sungguhan, super admin dan koordinator aduan wajib memakainya.
        </div>
      ) : null}
      {!twoFactorEnabled ? (
        <div class="notice notice--warning">
          Akun Anda belum memakai verifikasi dua langkah.{' '}
          <a href="/admin/akun/dua-faktor">Aktifkan sekarang</a>.
        </div>
      ) : null}
      <div class="admin-grid">
        <Card id="judul-opd-saya" title={isSuperAdmin ? 'Semua perangkat daerah' : 'Perangkat daerah Anda'}>
          {isSuperAdmin ? (
            <p>
              <a href="/admin/opd">Kelola {agencies.length} perangkat daerah</a> ·{' '}
              <a href="/admin/opd/baru">Tambah perangkat daerah</a> ·{' '}
              <a href="/admin/pengguna">Semua pengguna</a> ·{' '}
              <a href="/admin/instalasi">Pengaturan instalasi</a> · <a href="/admin/hari-libur">Hari libur</a>
            </p>
          ) : (
            <ul>
              {agencies.map((a) => (
                <li key={a.id}>
                  <strong>{a.name}</strong>
                  <br />
                  <a href={`/admin/opd/${a.slug}/berita`}>Berita</a> ·{' '}
                  <a href={`/admin/opd/${a.slug}/media`}>Pustaka foto</a> ·{' '}
                  <a href={`/admin/opd/${a.slug}/halaman`}>Halaman</a> ·{' '}
                  <a href={`/admin/opd/${a.slug}/layanan`}>Layanan</a> ·{' '}
                  <a href={`/admin/opd/${a.slug}`}>Profil</a> ·{' '}
                  <a href={`/admin/opd/${a.slug}/pengguna`}>Pengguna</a>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {complaintScope(actor) === 'all' || complaintScope(actor).length ? (
          // The coordinator and the OPD staff who handle complaints (admin, complaint officer).
          <Card id="judul-aduan" title="Aduan">
            <p>
              <a href="/admin/aduan">Pusat Aduan: antrean aduan warga</a>
            </p>
          </Card>
        ) : null}
        {agencies.some((a) => canAssess(actor, a.id)) ? (
          // The Ombudsman self-assessment (src/assessment): the city for the super admin, each OPD for its admins.
          <Card id="judul-penilaian" title="Penilaian Ombudsman">
            {isSuperAdmin ? (
              <p>
                <a href="/admin/penilaian">Penilaian kepatuhan seluruh perangkat daerah</a>
              </p>
            ) : (
              <ul>
                {agencies
                  .filter((a) => canAssess(actor, a.id))
                  .map((a) => (
                    <li key={a.id}>
                      <a href={`/admin/opd/${a.slug}/penilaian`}>Penilaian kepatuhan {a.shortName}</a>
                    </li>
                  ))}
              </ul>
            )}
          </Card>
        ) : null}
        {monitoring ? <MonitoringCard data={monitoring} /> : null}
        {canReadAudit(actor) ? (
          // The audit log (src/audit): everything for the super admin, their own OPD for an OPD admin.
          <Card id="judul-audit" title="Log audit">
            <p>
              <a href="/admin/audit">Siapa mengubah apa, kapan dan dari mana</a>
            </p>
            {/* The judi-online guard (src/guard): outbound links for OPD admins, held content for the super admin. */}
            <p>
              <a href="/admin/tautan-keluar">Tautan keluar ke situs lain</a>
              {isSuperAdmin ? (
                <>
                  {' · '}
                  <a href="/admin/tinjauan-konten">Tinjauan konten yang ditahan</a>
                </>
              ) : null}
            </p>
          </Card>
        ) : null}
        {complaintScope(actor) === 'all' ? (
          // UU 27/2022: citizens' data requests (coordinator, super admin); breach register (super admin).
          <Card id="judul-data-pribadi" title="Data pribadi">
            <ul>
              <li>
                <a href="/admin/aduan/permintaan-data">Permintaan data pribadi warga</a>
              </li>
              {isSuperAdmin ? (
                <li>
                  <a href="/admin/insiden">Register insiden data pribadi</a>
                </li>
              ) : null}
            </ul>
          </Card>
        ) : null}
        {agencies.some((a) => canImport(actor, a.id)) ? (
          // Bringing an OPD's old WordPress site over (src/imports): super admin, and each OPD's admin.
          <Card id="judul-impor" title="Impor WordPress">
            <p>
              <a href="/admin/impor">Impor situs WordPress lama: berita, halaman, foto dan alamat lamanya</a>
            </p>
          </Card>
        ) : null}
        <Card id="judul-panduan" title="Panduan">
          <p>
            <a href="/admin/panduan">Panduan menulis berita, memotret dan mengisi standar pelayanan</a>
          </p>
        </Card>
        <Card id="judul-akun" title="Akun Anda">
          <ul>
            <li>
              <a href="/admin/akun/kata-sandi">{t.accounts.changePasswordTitle}</a>
            </li>
            <li>
              <a href="/admin/akun/dua-faktor">{t.accounts.twoFactorTitle}</a>
            </li>
          </ul>
        </Card>
      </div>
    </Layout>
  );
}
