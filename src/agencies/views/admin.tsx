import { t } from '../../i18n/index.js';
import { isSuperAdmin } from '../../accounts/accounts.policy.js';
import { complaintScope } from '../../complaints/complaints.policy.js';
import { canReadAudit } from '../../audit/audit.policy.js';
import { Button, ErrorSummary, Form, Select, TextArea, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { AGENCY_KINDS, type Agency } from '../agencies.table.js';
import { MonitoringCard, type HomeMonitoring } from '../../monitoring/views/home.js';

const crumbs = [{ href: '/admin', label: t.nav.admin }];

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
        <section class="card" aria-labelledby="judul-opd-saya">
          <h2 class="card__title" id="judul-opd-saya">
            {isSuperAdmin ? 'Semua perangkat daerah' : 'Perangkat daerah Anda'}
          </h2>
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
        </section>
        {complaintScope(actor) === 'all' || complaintScope(actor).length ? (
          // The coordinator and the OPD staff who handle complaints (admin, complaint officer).
          <section class="card" aria-labelledby="judul-aduan">
            <h2 class="card__title" id="judul-aduan">
              Aduan
            </h2>
            <p>
              <a href="/admin/aduan">Pusat Aduan: antrean aduan warga</a>
            </p>
          </section>
        ) : null}
        {isSuperAdmin || actor.memberships.some((ms) => ms.role === 'admin') ? (
          // The Ombudsman self-assessment (src/assessment): the city for the super admin, each OPD for its admins.
          <section class="card" aria-labelledby="judul-penilaian">
            <h2 class="card__title" id="judul-penilaian">
              Penilaian Ombudsman
            </h2>
            {isSuperAdmin ? (
              <p>
                <a href="/admin/penilaian">Penilaian kepatuhan seluruh perangkat daerah</a>
              </p>
            ) : (
              <ul>
                {agencies
                  .filter((a) => actor.memberships.some((ms) => ms.agencyId === a.id && ms.role === 'admin'))
                  .map((a) => (
                    <li key={a.id}>
                      <a href={`/admin/opd/${a.slug}/penilaian`}>Penilaian kepatuhan {a.shortName}</a>
                    </li>
                  ))}
              </ul>
            )}
          </section>
        ) : null}
        {monitoring ? <MonitoringCard data={monitoring} /> : null}
        {canReadAudit(actor) ? (
          // The audit log (src/audit): everything for the super admin, their own OPD for an OPD admin.
          <section class="card" aria-labelledby="judul-audit">
            <h2 class="card__title" id="judul-audit">
              Log audit
            </h2>
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
          </section>
        ) : null}
        {complaintScope(actor) === 'all' ? (
          // UU 27/2022: citizens' data requests (coordinator, super admin); breach register (super admin).
          <section class="card" aria-labelledby="judul-data-pribadi">
            <h2 class="card__title" id="judul-data-pribadi">
              Data pribadi
            </h2>
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
          </section>
        ) : null}
        <section class="card" aria-labelledby="judul-panduan">
          <h2 class="card__title" id="judul-panduan">
            Panduan
          </h2>
          <p>
            <a href="/admin/panduan">Panduan menulis berita, memotret dan mengisi standar pelayanan</a>
          </p>
        </section>
        <section class="card" aria-labelledby="judul-akun">
          <h2 class="card__title" id="judul-akun">
            Akun Anda
          </h2>
          <ul>
            <li>
              <a href="/admin/akun/kata-sandi">{t.accounts.changePasswordTitle}</a>
            </li>
            <li>
              <a href="/admin/akun/dua-faktor">{t.accounts.twoFactorTitle}</a>
            </li>
          </ul>
        </section>
      </div>
    </Layout>
  );
}

export function AgencyAdminList({ ctx, agencies }: { ctx: PageContext; agencies: Agency[] }) {
  return (
    <Layout ctx={ctx} title={t.nav.agencies} crumbs={crumbs}>
      <h1>{t.nav.agencies}</h1>
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">Daftar perangkat daerah</caption>
          <thead>
            <tr>
              <th scope="col">Nama</th>
              <th scope="col">Jenis</th>
              <th scope="col">Tindakan</th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td>
                <td>{t.agencyKinds[a.kind]}</td>
                <td>
                  <a href={`/admin/opd/${a.slug}`}>
                    Profil<span class="visually-hidden"> {a.shortName}</span>
                  </a>{' '}
                  ·{' '}
                  <a href={`/admin/opd/${a.slug}/pengguna`}>
                    Pengguna<span class="visually-hidden"> {a.shortName}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

const kindOptions = AGENCY_KINDS.map((k) => ({ value: k, label: t.agencyKinds[k] }));

export function AgencyCreatePage({
  ctx,
  form,
  parents,
}: {
  ctx: PageContext;
  form: FormState;
  parents: Agency[];
}) {
  return (
    <Layout ctx={ctx} title="Tambah perangkat daerah" crumbs={crumbs}>
      <h1>Tambah perangkat daerah</h1>
      <ErrorSummary errors={form.errors} />
      <Form action="/admin/opd/baru" csrfToken={ctx.csrfToken}>
        <TextInput
          name="name"
          label="Nama"
          hint="Nama resmi, misalnya Dinas Kesehatan."
          form={form}
          maxLength={150}
        />
        <TextInput
          name="short_name"
          label="Nama singkat"
          hint="Misalnya Dinkes."
          form={form}
          maxLength={40}
        />
        <TextInput
          name="slug"
          label="Slug"
          hint={`Dipakai di alamat situs: /opd/slug dan slug.${ctx.installation.mainHost}. Huruf kecil, angka dan tanda hubung.`}
          form={form}
          maxLength={40}
          spellcheck={false}
        />
        <Select name="kind" label="Jenis" form={form} options={kindOptions} placeholder="Pilih jenis" />
        <Select
          name="parent"
          label="Induk"
          optional
          form={form}
          options={parents.map((p) => ({ value: p.slug, label: p.name }))}
          placeholder="Tidak ada"
        />
        <Button>Tambah</Button>
      </Form>
    </Layout>
  );
}

export function AgencyProfilePage({
  ctx,
  agency,
  form,
  hosts,
}: {
  ctx: PageContext;
  agency: Agency;
  form: FormState;
  hosts: string[];
}) {
  return (
    <Layout ctx={ctx} title={`Profil ${agency.shortName}`} crumbs={crumbs}>
      <h1>Profil {agency.name}</h1>
      <p>
        Alamat situs: <a href={`/opd/${agency.slug}`}>/opd/{agency.slug}</a>
        {hosts.map((h) => ` · ${h}`).join('')} · <a href={`/admin/opd/${agency.slug}/pengguna`}>Pengguna</a>
        {ctx.actor && isSuperAdmin(ctx.actor) ? (
          <>
            {' '}
            · <a href={`/admin/opd/${agency.slug}/identitas`}>Jenis, induk dan nama host</a> ·{' '}
            <a href={`/admin/opd/${agency.slug}/kalender-kerja`}>Kalender kerja</a>
          </>
        ) : null}
      </p>
      <ErrorSummary errors={form.errors} />
      <Form action={`/admin/opd/${agency.slug}`} csrfToken={ctx.csrfToken}>
        <TextInput name="name" label="Nama" form={form} maxLength={150} />
        <TextInput name="short_name" label="Nama singkat" form={form} maxLength={40} />
        <TextArea name="description" label="Tugas dan fungsi" optional form={form} rows={6} />
        <TextInput
          name="address"
          label={t.common.address}
          optional
          form={form}
          autocomplete="street-address"
        />
        <TextInput name="phone" label={t.common.phone} optional form={form} type="tel" autocomplete="tel" />
        <TextInput
          name="email"
          label={t.common.email}
          optional
          form={form}
          type="email"
          autocomplete="email"
        />
        <TextInput
          name="service_hours"
          label={t.common.serviceHours}
          optional
          hint="Misalnya Senin–Jumat 07.30–16.00 WIB."
          form={form}
        />
        <TextInput
          name="instagram"
          label="Instagram"
          optional
          hint="Alamat lengkap, diawali https://"
          form={form}
          type="url"
        />
        <TextInput name="facebook" label="Facebook" optional form={form} type="url" />
        <TextInput name="youtube" label="YouTube" optional form={form} type="url" />
        <TextInput name="x" label="X (Twitter)" optional form={form} type="url" />
        <Button>{t.common.save}</Button>
      </Form>
    </Layout>
  );
}
