import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import type { AgencyPage } from '../../news/news.table.js';
import { formatDateTime } from '../../time/format.js';
import { Button, ErrorSummary, Form, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { m } from '../messages.js';
import { pageHref } from './agency-menu.js';

export interface AdminPageRow {
  page: AgencyPage;
  inMenu: boolean;
}

interface Props {
  ctx: PageContext;
  agency: Agency;
  rows: AdminPageRow[];
  /** the "add a page" form */
  form: FormState;
}

function MoveButton({
  action,
  csrfToken,
  direction,
  title,
}: {
  action: string;
  csrfToken: string;
  direction: 'naik' | 'turun';
  title: string;
}) {
  return (
    <Form action={action} csrfToken={csrfToken} class="inline-form">
      <input type="hidden" name="arah" value={direction} />
      <Button variant="secondary">
        {direction === 'naik' ? m.up : m.down}
        <span class="visually-hidden"> {title}</span>
      </Button>
    </Form>
  );
}

/** An agency's pages for its admins and editors: order, state in the menu, and a form to add one. */
export function AdminPageList({ ctx, agency, rows, form }: Props) {
  const base = `/admin/opd/${agency.slug}/halaman`;
  const title = m.listTitle(agency.shortName);
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { href: '/admin', label: t.nav.admin },
        { href: `/admin/opd/${agency.slug}`, label: agency.shortName },
      ]}
    >
      <h1>{title}</h1>
      <p>{m.intro}</p>
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">Daftar halaman, dalam urutan menu</caption>
          <thead>
            <tr>
              <th scope="col">Judul</th>
              <th scope="col">Menu</th>
              <th scope="col">Diubah</th>
              <th scope="col">Urutan</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ page, inMenu }, i) => (
              <tr key={page.id}>
                <td>
                  <a href={`${base}/${page.slug}`}>{page.title}</a>
                  <br />
                  <a class="muted" href={pageHref(agency, page.slug, false)}>
                    /opd/{agency.slug}/{page.slug}
                  </a>
                </td>
                <td>{inMenu ? m.shown : m.hidden}</td>
                <td>{formatDateTime(page.updatedAt, ctx.installation.timeZone)}</td>
                <td class="page-order">
                  {i > 0 ? (
                    <MoveButton
                      action={`${base}/${page.slug}/pindah`}
                      csrfToken={ctx.csrfToken}
                      direction="naik"
                      title={page.title}
                    />
                  ) : null}
                  {i < rows.length - 1 ? (
                    <MoveButton
                      action={`${base}/${page.slug}/pindah`}
                      csrfToken={ctx.csrfToken}
                      direction="turun"
                      title={page.title}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="judul-tambah-halaman">
        <h2 id="judul-tambah-halaman">{m.addTitle}</h2>
        <ErrorSummary errors={form.errors} />
        <Form action={base} csrfToken={ctx.csrfToken}>
          <TextInput name="title" label={m.titleLabel} form={form} maxLength={120} />
          <TextInput
            name="slug"
            label={m.slugLabel}
            optional
            hint={m.slugHint('"sejarah-dinas"')}
            form={form}
            maxLength={60}
            spellcheck={false}
          />
          <Button>{m.addTitle}</Button>
        </Form>
      </section>
    </Layout>
  );
}
