import { isSuperAdmin } from '../../accounts/accounts.policy.js';
import type { Agency } from '../../agencies/agencies.table.js';
import type { Media } from '../../media/media.table.js';
import { thumbnailPath } from '../../media/media.presenter.js';
import type { Service } from '../../standards/standards.repository.js';
import {
  Button,
  CsrfField,
  ErrorSummary,
  FieldError,
  fieldId,
  Form,
  Notice,
  Select,
  TextArea,
} from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { DIMENSION_LABELS, DIMENSIONS, ITEMS, SCORE_LABELS, type Item } from '../assessment.instrument.js';
import type { LoadedAssessment } from '../assessment.service.js';
import { m } from '../messages.js';
import { assessmentHead, crumbsFor, formatScore, ResultSummary } from './parts.js';

export interface FormPageProps {
  ctx: PageContext;
  agency: Agency;
  year: number;
  service?: Service | undefined;
  loaded: LoadedAssessment;
  form: FormState;
  /** the agency's recent photos, to choose evidence from */
  photos: Media[];
  /** the photos already named as evidence, by id */
  evidence: Map<string, Media>;
  /** where the form posts: /admin/opd/{slug}/penilaian/{year}[/layanan/{service}] */
  action: string;
}

const scoreOptions = [0, 1, 2, 3].map((s) => ({ value: String(s), label: SCORE_LABELS[s]! }));

function AutoItem({ item, loaded }: { item: Item; loaded: LoadedAssessment }) {
  const row = loaded.scores.get(item.key);
  return (
    <div class="assessment-item assessment-item--auto">
      <h3 class="assessment-item__title">{item.label}</h3>
      <p class="assessment-item__hint">{item.hint}</p>
      <p>
        {m.score}: <strong>{row?.score === null || !row ? m.notApplicable : `${row.score} dari 3`}</strong>{' '}
        <span class="tag">{m.fromBalairung}</span>
      </p>
      {row?.detail ? <p class="assessment-item__detail">{row.detail}</p> : null}
    </div>
  );
}

function ManualItem({ item, props }: { item: Item; props: FormPageProps }) {
  const { form, photos, evidence } = props;
  const chosen = form.values[`evidence_${item.key}`];
  const current = chosen ? evidence.get(chosen) : undefined;
  const options = photos.map((p) => ({ value: p.id, label: p.alt || p.originalName || p.id }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.alt || current.originalName });
  return (
    <fieldset class="assessment-item">
      <legend class="assessment-item__title">{item.label}</legend>
      <Select
        name={`score_${item.key}`}
        label={m.score}
        hint={item.hint}
        form={form}
        options={scoreOptions}
        placeholder={m.notFilled}
      />
      <TextArea name={`note_${item.key}`} label={m.note} optional form={form} rows={2} maxLength={1000} />
      <Select
        name={`evidence_${item.key}`}
        label={m.evidence}
        optional
        form={form}
        options={options}
        placeholder={m.noEvidence}
      />
      {current ? (
        <p>
          <img class="assessment-item__photo" src={thumbnailPath(current)} alt={current.alt} width={160} />
        </p>
      ) : null}
    </fieldset>
  );
}

function UploadForm({ item, props }: { item: Item; props: FormPageProps }) {
  const id = fieldId(`file_${item.key}`);
  const error = props.form.errors[`file_${item.key}`];
  return (
    <form
      method="post"
      action={`${props.action}/bukti/${item.key}`}
      enctype="multipart/form-data"
      class="assessment-upload"
    >
      <CsrfField token={props.ctx.csrfToken} />
      <div class={error ? 'field field--error' : 'field'}>
        <label class="field__label" for={id}>
          {m.evidence}: {item.label}
        </label>
        <FieldError id={id} error={error} />
        <input
          class="input"
          id={id}
          name="file"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      <Button variant="secondary">{m.upload}</Button>
    </form>
  );
}

export function AssessmentFormPage(props: FormPageProps) {
  const { ctx, agency, year, service, loaded, form, action } = props;
  const heading = service ? `${m.title} ${year}: ${service.name}` : `${m.title} ${year}`;
  return (
    <Layout
      ctx={ctx}
      title={heading}
      crumbs={crumbsFor(agency, service ? year : undefined)}
      head={assessmentHead}
    >
      <h1>{heading}</h1>
      <p class="lead">{agency.name}</p>
      <p>{m.intro}</p>
      <ResultSummary result={loaded.result} caption={`Nilai per dimensi ${year}`} />
      <p>
        <a href={`${action}/cetak`}>{m.print}</a>
      </p>
      {loaded.closed ? <Notice kind="warning">{m.finalized}</Notice> : null}
      <ErrorSummary errors={form.errors} />
      <Form action={action} csrfToken={ctx.csrfToken}>
        {DIMENSIONS.map((d) => (
          <fieldset class="assessment-dimension" key={d}>
            <legend>
              <h2>{DIMENSION_LABELS[d]}</h2>
            </legend>
            <p>
              {m.score}: {formatScore(loaded.result.dimensions[d])}
            </p>
            {ITEMS.filter((i) => i.dimension === d).map((item) =>
              item.auto ? (
                <AutoItem key={item.key} item={item} loaded={loaded} />
              ) : (
                <ManualItem key={item.key} item={item} props={props} />
              ),
            )}
          </fieldset>
        ))}
        {loaded.closed ? null : <Button>{m.save}</Button>}
      </Form>
      {loaded.closed ? null : (
        <section aria-labelledby="judul-unggah">
          <h2 id="judul-unggah">{m.upload}</h2>
          <p>
            Foto dibersihkan seperti foto berita: data lokasi (GPS) dan EXIF dihapus, lalu disimpan di pustaka
            foto OPD.
          </p>
          {ITEMS.filter((i) => i.photo).map((item) => (
            <UploadForm key={item.key} item={item} props={props} />
          ))}
        </section>
      )}
      {loaded.closed && !service && ctx.actor && isSuperAdmin(ctx.actor) ? (
        <Form action={`${action}/buka`} csrfToken={ctx.csrfToken}>
          <Button variant="secondary">{m.reopen}</Button>
        </Form>
      ) : null}
      {loaded.closed || service ? null : (
        <section aria-labelledby="judul-kunci">
          <h2 id="judul-kunci">{m.finalize}</h2>
          <p>{m.finalizeHint}</p>
          <Form action={`${action}/kunci`} csrfToken={ctx.csrfToken}>
            <Button variant="secondary">{m.finalize}</Button>
          </Form>
        </section>
      )}
    </Layout>
  );
}
