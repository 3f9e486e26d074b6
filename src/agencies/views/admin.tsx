import { t } from '../../i18n/index.js';
import { isSuperAdmin } from '../../accounts/accounts.policy.js';
import { Button, ErrorSummary, Form, Select, TextArea, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { AGENCY_KINDS, type Agency } from '../agencies.table.js';

const crumbs = [{ href: '/admin', label: t.nav.admin }];

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
