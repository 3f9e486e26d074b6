import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import { Button, ErrorSummary, Form, TextArea, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { m } from '../messages.js';

interface Props {
  ctx: PageContext;
  agency: Agency;
  form: FormState;
}

/** The agency's maklumat pelayanan: the text, who signs it, and whether the public sees it. */
export function PledgeFormPage({ ctx, agency, form }: Props) {
  const base = `/admin/opd/${agency.slug}/layanan`;
  return (
    <Layout
      ctx={ctx}
      title={m.pledgeEdit}
      crumbs={[
        { href: '/admin', label: t.nav.admin },
        { href: base, label: m.listTitle(agency.shortName) },
      ]}
    >
      <h1>{m.pledgeEdit}</h1>
      <p>
        <a href="/admin/panduan/standar-pelayanan">{m.guide}</a>
      </p>
      <ErrorSummary errors={form.errors} />
      <Form action={`${base}/maklumat`} csrfToken={ctx.csrfToken}>
        <TextArea name="body" label={m.pledgeBodyLabel} hint={m.pledgeBodyHint} form={form} rows={8} />
        <TextInput name="signed_by" label={m.pledgeSignedByLabel} form={form} maxLength={150} />
        <TextInput name="signer_position" label={m.pledgePositionLabel} form={form} maxLength={150} />
        <TextInput name="signed_on" label={m.pledgeSignedOnLabel} type="date" form={form} optional />
        <div class="checkbox">
          <input
            type="checkbox"
            id="f-published"
            name="published"
            value="ya"
            checked={form.values.published === 'ya'}
          />
          <label for="f-published">{m.pledgePublishedLabel}</label>
        </div>
        <Button>{t.common.save}</Button>
      </Form>
    </Layout>
  );
}
