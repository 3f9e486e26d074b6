import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import { Button, CsrfField, ErrorSummary, Pager, TextArea, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { ResponsiveImage, warningsOf } from '../media.presenter.js';
import type { Media } from '../media.table.js';
import { mediaMessages as m } from '../messages.js';
import { FileField } from './fields.js';

export const libraryPath = (agency: Pick<Agency, 'slug'>) => `/admin/opd/${agency.slug}/media`;
export const photoPath = (agency: Pick<Agency, 'slug'>, media: Pick<Media, 'id'>) =>
  `${libraryPath(agency)}/${media.id}`;

export function crumbsFor(agency: Agency) {
  return [
    { href: '/admin', label: t.nav.admin },
    { href: `/admin/opd/${agency.slug}`, label: agency.shortName || agency.name },
  ];
}

/** Plain multipart form: works without JavaScript; the CSRF token travels first, before the photo. */
export function UploadForm({ ctx, agency, form }: { ctx: PageContext; agency: Agency; form: FormState }) {
  return (
    <section class="card" aria-labelledby="judul-unggah">
      <h2 class="card__title" id="judul-unggah">
        {m.uploadTitle}
      </h2>
      <ErrorSummary errors={form.errors} />
      <form method="post" action={libraryPath(agency)} enctype="multipart/form-data" class="stack" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <FileField form={form} />
        <TextArea name="alt" label={m.altLabel} hint={m.altHint} form={form} rows={2} maxLength={300} />
        <TextInput name="caption" label={m.captionLabel} form={form} optional maxLength={1000} />
        <TextInput name="credit" label={m.creditLabel} form={form} optional maxLength={150} />
        <Button>{m.uploadButton}</Button>
      </form>
    </section>
  );
}

function MediaCard({ agency, media }: { agency: Agency; media: Media }) {
  const warnings = warningsOf(media);
  const name = media.alt || media.originalName;
  return (
    <li class="card media-card">
      <ResponsiveImage
        media={media}
        sizes="(min-width: 48em) 20rem, 100vw"
        alt=""
        class="media-card__image"
      />
      <p class={media.alt ? 'media-card__alt' : 'media-card__alt muted'}>{media.alt || m.noAlt}</p>
      {warnings.length ? (
        <ul class="media-card__warnings">
          {warnings.map((w) => (
            <li key={w}>{m.warnings[w]}</li>
          ))}
        </ul>
      ) : null}
      <a href={photoPath(agency, media)}>
        {m.edit}
        <span class="visually-hidden"> foto {name}</span>
      </a>
    </li>
  );
}

interface LibraryProps {
  ctx: PageContext;
  agency: Agency;
  items: Media[];
  page: number;
  total: number;
  perPage: number;
  form: FormState;
}

/** The agency's photos, newest first, with the upload form on top. */
export function LibraryPage({ ctx, agency, items, page, total, perPage, form }: LibraryProps) {
  const title = `${m.libraryTitle} ${agency.shortName || agency.name}`;
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbsFor(agency)}>
      <h1>{title}</h1>
      <p class="lead">{m.libraryIntro(agency.name, total)}</p>
      <p>
        <a href="/admin/panduan/foto">Panduan memilih dan mengambil foto yang layak tayang</a>
      </p>
      <UploadForm ctx={ctx} agency={agency} form={form} />
      {items.length === 0 ? (
        <p>{m.emptyLibrary}</p>
      ) : (
        <ul class="card-grid media-grid">
          {items.map((media) => (
            <MediaCard key={media.id} agency={agency} media={media} />
          ))}
        </ul>
      )}
      <Pager
        page={page}
        total={total}
        perPage={perPage}
        href={(n) => `${libraryPath(agency)}${n > 1 ? `?halaman=${n}` : ''}`}
      />
    </Layout>
  );
}
