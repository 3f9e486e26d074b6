import { t } from '../../i18n/index.js';
import { Button, ErrorSummary, Form, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { POLICY_ROLES } from '../installation.schemas.js';

export function InstallationPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  return (
    <Layout ctx={ctx} title="Pengaturan instalasi" crumbs={[{ href: '/admin', label: t.nav.admin }]}>
      <h1>Pengaturan instalasi</h1>
      <ErrorSummary errors={form.errors} />
      <Form action="/admin/instalasi" csrfToken={ctx.csrfToken}>
        <TextInput
          name="name"
          label="Nama pemerintah daerah"
          hint="Misalnya Pemerintah Kota Pontianak."
          form={form}
          maxLength={150}
        />
        <TextInput name="short_name" label="Nama singkat" form={form} maxLength={60} />
        <TextInput
          name="main_host"
          label="Host utama"
          hint="Alamat portal, misalnya pontianak.go.id. Situs OPD memakai slug.host-utama."
          form={form}
          spellcheck={false}
        />
        <TextInput name="address" label={t.common.address} optional form={form} />
        <TextInput name="phone" label={t.common.phone} optional form={form} type="tel" />
        <TextInput name="email" label={t.common.email} optional form={form} type="email" />
        <fieldset class="field">
          <legend class="field__label">Peran yang wajib memakai verifikasi dua langkah</legend>
          {POLICY_ROLES.map((r) => (
            <div class="checkbox" key={r}>
              <input
                type="checkbox"
                id={`f-tfa_${r}`}
                name={`tfa_${r}`}
                value="ya"
                checked={form.values[`tfa_${r}`] === 'ya'}
              />
              <label for={`f-tfa_${r}`}>{t.roles[r]}</label>
            </div>
          ))}
        </fieldset>
        <Button>{t.common.save}</Button>
      </Form>
    </Layout>
  );
}
