import { t } from '../../i18n/index.js';
import { Button, ErrorSummary, Form, Select, TextArea } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { AGENCY_KINDS, type Agency } from '../agencies.table.js';

const kindOptions = AGENCY_KINDS.map((k) => ({ value: k, label: t.agencyKinds[k] }));

export function AgencyIdentityPage({
  ctx,
  agency,
  form,
  parents,
}: {
  ctx: PageContext;
  agency: Agency;
  form: FormState;
  parents: Agency[];
}) {
  return (
    <Layout
      ctx={ctx}
      title={`Identitas ${agency.shortName}`}
      crumbs={[
        { href: '/admin', label: t.nav.admin },
        { href: `/admin/opd/${agency.slug}`, label: `Profil ${agency.shortName}` },
      ]}
    >
      <h1>Identitas {agency.name}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action={`/admin/opd/${agency.slug}/identitas`} csrfToken={ctx.csrfToken}>
        <Select name="kind" label="Jenis" form={form} options={kindOptions} />
        <Select
          name="parent"
          label="Induk"
          optional
          form={form}
          options={parents.filter((p) => p.id !== agency.id).map((p) => ({ value: p.slug, label: p.name }))}
          placeholder="Tidak ada"
        />
        <TextArea
          name="hosts"
          label="Nama host"
          optional
          hint={`Satu per baris. Situs ini juga selalu terbuka di /opd/${agency.slug}.`}
          form={form}
          rows={3}
        />
        <Button>{t.common.save}</Button>
      </Form>
    </Layout>
  );
}
