import { t } from '../../i18n/index.js';
import { formatDateTime } from '../../time/format.js';
import { Button, Details, ErrorSummary, Form, TextArea, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { noticeLabel, noticeState } from '../breaches.js';
import { m } from '../messages.js';
import type { BreachIncident } from '../privacy.table.js';

export const BREACHES_PATH = '/admin/insiden';

const crumbs = [{ href: '/admin', label: t.nav.admin }];
const f = m.fields;

/** The countdown, marked so an overdue or nearly due incident stands out without colour alone. */
function State({ incident, at }: { incident: BreachIncident; at: string }) {
  const state = noticeState(incident, at);
  const label = noticeLabel(incident, at);
  if (state === 'overdue' || state === 'due_soon')
    return <strong class={`breach-state breach-state--${state}`}>{label}</strong>;
  return <span class="breach-state">{label}</span>;
}

function CreateForm({ ctx, form }: { ctx: PageContext; form: FormState }) {
  return (
    <section aria-labelledby="judul-catat-insiden">
      <h2 id="judul-catat-insiden">{m.addTitle}</h2>
      <ErrorSummary errors={form.errors} />
      <Form action={BREACHES_PATH} csrfToken={ctx.csrfToken}>
        <TextInput name="title" label={f.title} hint={f.titleHint} form={form} maxLength={150} />
        <TextInput
          name="discovered_at"
          label={f.discovered_at}
          hint={f.discovered_atHint}
          form={form}
          type="datetime-local"
        />
        <TextArea
          name="data_categories"
          label={f.data_categories}
          hint={f.data_categoriesHint}
          form={form}
          rows={2}
        />
        <TextInput
          name="subjects_affected"
          label={f.subjects_affected}
          hint={f.subjects_affectedHint}
          optional
          form={form}
          inputMode="numeric"
          maxLength={12}
        />
        <TextArea name="description" label={f.description} form={form} rows={4} />
        <TextArea name="measures" label={f.measures} optional form={form} rows={3} />
        <Button>{m.addButton}</Button>
      </Form>
    </section>
  );
}

export function BreachListPage({
  ctx,
  incidents,
  form,
  at,
}: {
  ctx: PageContext;
  incidents: BreachIncident[];
  form: FormState;
  at: string;
}) {
  const timeZone = ctx.installation.timeZone;
  return (
    <Layout ctx={ctx} title={m.title} crumbs={crumbs}>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      {incidents.length ? (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">{m.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.colTitle}</th>
                <th scope="col">{m.colDiscovered}</th>
                <th scope="col">{m.colDue}</th>
                <th scope="col">{m.colState}</th>
              </tr>
            </thead>
            <tbody>
              {incidents.map((i) => (
                <tr key={i.id}>
                  <td data-label={m.colTitle}>
                    <a href={`${BREACHES_PATH}/${i.id}`}>{i.title}</a>
                  </td>
                  <td data-label={m.colDiscovered}>{formatDateTime(i.discoveredAt, timeZone)}</td>
                  <td data-label={m.colDue}>{formatDateTime(i.noticeDueAt, timeZone)}</td>
                  <td data-label={m.colState}>
                    <State incident={i} at={at} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{m.none}</p>
      )}
      <CreateForm ctx={ctx} form={form} />
    </Layout>
  );
}

export function BreachDetailPage({
  ctx,
  incident,
  form,
  at,
}: {
  ctx: PageContext;
  incident: BreachIncident;
  form: FormState;
  at: string;
}) {
  const timeZone = ctx.installation.timeZone;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, timeZone) : m.notYet);
  return (
    <Layout ctx={ctx} title={incident.title} crumbs={[...crumbs, { href: BREACHES_PATH, label: m.title }]}>
      <h1>{incident.title}</h1>
      <p>
        <State incident={incident} at={at} />
      </p>
      <Details
        items={[
          { label: m.colDiscovered, value: formatDateTime(incident.discoveredAt, timeZone) },
          { label: m.colDue, value: formatDateTime(incident.noticeDueAt, timeZone) },
          { label: f.data_categories, value: incident.dataCategories },
          {
            label: f.subjects_affected,
            value: incident.subjectsAffected === null ? m.unknown : m.subjects(incident.subjectsAffected),
          },
          { label: f.description, value: incident.description },
          { label: f.authority_notified_at, value: when(incident.authorityNotifiedAt) },
          { label: f.subjects_notified_at, value: when(incident.subjectsNotifiedAt) },
        ]}
      />
      <section aria-labelledby="judul-pemberitahuan">
        <h2 id="judul-pemberitahuan">{m.noticesTitle}</h2>
        <ErrorSummary errors={form.errors} />
        <Form action={`${BREACHES_PATH}/${incident.id}`} csrfToken={ctx.csrfToken}>
          <TextInput
            name="authority_notified_at"
            label={f.authority_notified_at}
            hint={f.notifiedHint}
            optional
            form={form}
            type="datetime-local"
          />
          <TextInput
            name="subjects_notified_at"
            label={f.subjects_notified_at}
            hint={f.notifiedHint}
            optional
            form={form}
            type="datetime-local"
          />
          <TextArea name="measures" label={f.measures} optional form={form} rows={4} />
          <Button>{m.save}</Button>
        </Form>
      </section>
    </Layout>
  );
}
