import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import { mediaPath } from '../../media/media.presenter.js';
import { asset } from '../../views/assets.js';
import { Button, ErrorSummary, Form, Select, TextArea, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { COMPONENT_LABELS as L, m } from '../messages.js';
import { unitOptions } from '../standards.form.js';
import type { Service } from '../standards.repository.js';

export interface MediaOption {
  value: string;
  label: string;
}

interface Props {
  ctx: PageContext;
  agency: Agency;
  /** undefined while adding */
  service: Service | undefined;
  form: FormState;
  media: MediaOption[];
  /** the SK upload form's own state */
  decreeForm?: FormState;
}

const TEXT_MANAGEMENT = [
  'legal_basis',
  'facilities',
  'competence',
  'internal_oversight',
  'staffing',
  'service_guarantee',
  'safety_guarantee',
  'performance_evaluation',
] as const;

function PublicComponents({ form, media }: { form: FormState; media: MediaOption[] }) {
  return (
    <fieldset class="standards-fieldset">
      <legend>{m.sectionPublic}</legend>
      <TextArea name="requirements" label={L.requirements} hint={m.linesHint} form={form} rows={6} optional />
      <TextArea name="procedure" label={L.procedure} hint={m.procedureHint} form={form} rows={6} optional />
      <Select
        name="flow_media_id"
        label={m.flowLabel}
        hint={m.flowHint}
        form={form}
        options={media}
        placeholder={m.flowNone}
        optional
      />
      <TextInput
        name="timeframe_value"
        label={m.timeframeValueLabel}
        form={form}
        inputMode="numeric"
        optional
      />
      <Select name="timeframe_unit" label={m.timeframeUnitLabel} form={form} options={unitOptions} />
      <Select
        name="fees_kind"
        label={m.feesKindLabel}
        form={form}
        placeholder={m.feesUnset}
        options={[
          { value: 'gratis', label: m.feesFree },
          { value: 'berbayar', label: m.feesPaid },
        ]}
      />
      <TextArea
        name="fees_items"
        label={m.feesItemsLabel}
        hint={m.feesItemsHint}
        form={form}
        rows={3}
        optional
      />
      <TextArea name="products" label={L.products} hint={m.linesHint} form={form} rows={3} optional />
      <TextArea name="complaint_handling" label={L.complaint_handling} form={form} rows={4} optional />
    </fieldset>
  );
}

function DecreeUpload({
  ctx,
  agency,
  service,
  form,
}: {
  ctx: PageContext;
  agency: Agency;
  service: Service;
  form: FormState;
}) {
  const action = `/admin/opd/${agency.slug}/layanan/${service.slug}/sk`;
  return (
    <section aria-labelledby="judul-berkas-sk">
      <h2 id="judul-berkas-sk">{m.decreeFileLabel}</h2>
      {service.decreeFileKey ? (
        <p>
          <a href={mediaPath(service.decreeFileKey)}>{m.decreeDownload}</a>
        </p>
      ) : null}
      <ErrorSummary errors={form.errors} />
      {/* Multipart without script; the CSRF token travels first, before the file. */}
      <form method="post" action={action} enctype="multipart/form-data" class="stack" noValidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <div class={form.errors.file ? 'field field--error' : 'field'}>
          <label class="field__label" for="f-file">
            {m.decreeFileLabel}
          </label>
          {form.errors.file ? (
            <p class="field__error" id="f-file-error">
              <span class="visually-hidden">Kesalahan: </span>
              {form.errors.file}
            </p>
          ) : null}
          <input
            class="input"
            id="f-file"
            name="file"
            type="file"
            accept="application/pdf"
            aria-describedby={form.errors.file ? 'f-file-error' : undefined}
          />
        </div>
        <Button variant="secondary">{m.decreeUpload}</Button>
      </form>
    </section>
  );
}

/** Adding or editing one service and its standard; lists are one item per line. */
export function ServiceFormPage({ ctx, agency, service, form, media, decreeForm }: Props) {
  const base = `/admin/opd/${agency.slug}/layanan`;
  const title = service ? m.editTitle(service.name) : m.addTitle;
  return (
    <Layout
      ctx={ctx}
      title={title}
      head={<link rel="stylesheet" href={asset('css/standards.css')} />}
      crumbs={[
        { href: '/admin', label: t.nav.admin },
        { href: base, label: m.listTitle(agency.shortName) },
      ]}
    >
      <h1>{title}</h1>
      <p>
        <a href="/admin/panduan/standar-pelayanan">{m.guide}</a>
        {service?.status === 'published' ? (
          <>
            {' · '}
            <a href={`/opd/${agency.slug}/layanan/${service.slug}`}>{m.viewPublic}</a>
            {' · '}
            <a href={`/opd/${agency.slug}/layanan/${service.slug}/poster`}>{m.poster}</a>
          </>
        ) : null}
      </p>
      <ErrorSummary errors={form.errors} />
      <Form action={service ? `${base}/${service.slug}` : base} csrfToken={ctx.csrfToken}>
        <TextInput name="name" label={m.nameLabel} form={form} maxLength={150} />
        <TextInput
          name="slug"
          label={m.slugLabel}
          hint={m.slugHint}
          form={form}
          maxLength={60}
          spellcheck={false}
          optional
        />
        <TextArea name="summary" label={m.summaryLabel} hint={m.summaryHint} form={form} rows={2} optional />
        <Select
          name="status"
          label={m.statusLabel}
          form={form}
          options={[
            { value: 'draft', label: m.statusDraft },
            { value: 'published', label: m.statusPublished },
          ]}
        />
        <PublicComponents form={form} media={media} />
        <fieldset class="standards-fieldset">
          <legend>{m.sectionManagement}</legend>
          {TEXT_MANAGEMENT.map((key) => (
            <TextArea key={key} name={key} label={L[key]} form={form} rows={3} optional />
          ))}
        </fieldset>
        <fieldset class="standards-fieldset">
          <legend>{m.sectionDecree}</legend>
          <TextInput
            name="decree_number"
            label={m.decreeNumberLabel}
            hint={m.decreeNumberHint}
            form={form}
            optional
          />
          <TextInput name="decree_date" label={m.decreeDateLabel} type="date" form={form} optional />
          <TextInput name="effective_date" label={m.effectiveDateLabel} type="date" form={form} optional />
          <TextInput
            name="reviewed_on"
            label={m.reviewedOnLabel}
            hint={m.reviewedOnHint}
            type="date"
            form={form}
            optional
          />
        </fieldset>
        <Button>{t.common.save}</Button>
      </Form>
      {service ? (
        <DecreeUpload
          ctx={ctx}
          agency={agency}
          service={service}
          form={decreeForm ?? { values: {}, errors: {} }}
        />
      ) : null}
    </Layout>
  );
}
