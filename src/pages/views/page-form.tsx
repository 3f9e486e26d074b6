import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import type { AgencyPage } from '../../news/news.table.js';
import { Button, ErrorSummary, Form, Notice, TextArea, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { m as guardMessages } from '../../guard/messages.js';
import { m } from '../messages.js';
import { pageHref } from './agency-menu.js';

interface Props {
  ctx: PageContext;
  agency: Agency;
  page: AgencyPage;
  form: FormState;
  isContact: boolean;
  deletable: boolean;
  /** why the judi-online guard holds this page's last saved text (src/guard), if it does */
  heldReasons?: string[] | undefined;
}

/** Editing one page: title and body; an added page can also be deleted here. */
export function PageFormPage({ ctx, agency, page, form, isContact, deletable, heldReasons }: Props) {
  const base = `/admin/opd/${agency.slug}/halaman`;
  const title = m.editTitle(page.title);
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { href: '/admin', label: t.nav.admin },
        { href: base, label: m.listTitle(agency.shortName) },
      ]}
    >
      <h1>{title}</h1>
      <p>
        <a href={pageHref(agency, page.slug, false)}>{m.view}</a>
        {isContact ? (
          <>
            {' '}
            · <a href={`/admin/opd/${agency.slug}`}>{m.editProfile}</a>
          </>
        ) : null}
      </p>
      {heldReasons ? <Notice kind="warning">{guardMessages.pageHeldNotice(heldReasons)}</Notice> : null}
      <ErrorSummary errors={form.errors} />
      <Form action={`${base}/${page.slug}`} csrfToken={ctx.csrfToken}>
        <TextInput name="title" label={m.titleLabel} form={form} maxLength={120} />
        <TextArea
          name="body_html"
          label={m.bodyLabel}
          form={form}
          rows={16}
          editor
          optional
          hint={isContact ? `${m.contactHint} ${m.bodyHint}` : m.bodyHint}
        />
        <Button>{t.common.save}</Button>
      </Form>
      {deletable ? (
        <Form action={`${base}/${page.slug}/hapus`} csrfToken={ctx.csrfToken} class="button-row">
          <Button variant="danger">{m.deleteButton}</Button>
        </Form>
      ) : null}
    </Layout>
  );
}
