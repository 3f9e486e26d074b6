import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import { Button, CsrfField, ErrorSummary, FieldError, fieldId } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { JobView } from '../imports.jobs.js';
import { m } from '../messages.js';
import { MAX_WXR_BYTES } from '../wordpress.parse.js';

export const importPath = (agency: Pick<Agency, 'slug'>) => `/admin/opd/${agency.slug}/impor`;
export const jobPath = (agency: Pick<Agency, 'slug'>, id: string) => `${importPath(agency)}?tugas=${id}`;

const crumbs = (agency?: Agency) => [
  { href: '/admin', label: t.nav.admin },
  ...(agency ? [{ href: `/admin/opd/${agency.slug}`, label: agency.shortName || agency.name }] : []),
];

function FileField({ form }: { form: FormState }) {
  const id = fieldId('file');
  const error = form.errors.file;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label class="field__label" for={id}>
        {m.admin.file}
      </label>
      <FieldError id={id} error={error} />
      <input
        class="input input--file"
        id={id}
        name="file"
        type="file"
        accept=".xml,application/xml,text/xml"
        data-max-bytes={String(MAX_WXR_BYTES)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
  );
}

/** The upload form and the agency's recent imports. Plain multipart: works without JavaScript. */
export function ImportPage(props: {
  ctx: PageContext;
  agency: Agency;
  form: FormState;
  jobs: JobView[];
  canFetch: boolean;
}) {
  const { ctx, agency, form, jobs } = props;
  return (
    <Layout ctx={ctx} title={`${m.admin.title} — ${agency.shortName}`} crumbs={crumbs(agency)}>
      <h1>{m.admin.title}</h1>
      <p class="lead">{m.admin.intro}</p>
      <ErrorSummary errors={form.errors} />
      <form method="post" action={importPath(agency)} enctype="multipart/form-data" class="stack" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <FileField form={form} />
        {props.canFetch ? (
          <div class="field">
            <label>
              <input type="checkbox" name="fetch_media" value="1" /> {m.admin.fetchMedia}
            </label>
          </div>
        ) : null}
        <Button>{m.admin.submit}</Button>
      </form>
      <h2>{m.admin.recent}</h2>
      {jobs.length ? (
        <ul>
          {jobs.map((job) => (
            <li key={job.id}>
              <a href={jobPath(agency, job.id)}>{job.createdAt.slice(0, 16).replace('T', ' ')} UTC</a> —{' '}
              {job.status === 'done'
                ? m.admin.done
                : job.status === 'failed'
                  ? m.admin.failed
                  : m.admin.running(job.done, job.total)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{m.admin.none}</p>
      )}
    </Layout>
  );
}

/** /admin/impor: the agencies this person may import into. */
export function ImportChooser({ ctx, agencies }: { ctx: PageContext; agencies: Agency[] }) {
  return (
    <Layout ctx={ctx} title={m.admin.title} crumbs={crumbs()}>
      <h1>{m.admin.title}</h1>
      <p class="lead">{m.admin.intro}</p>
      <ul>
        {agencies.map((a) => (
          <li key={a.id}>
            <a href={importPath(a)}>{a.name}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
