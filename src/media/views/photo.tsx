import type { Agency } from '../../agencies/agencies.table.js';
import { formatDateTime } from '../../time/format.js';
import { Button, Details, ErrorSummary, Form, Notice, TextArea, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { mediaPath, ResponsiveImage, warningsOf } from '../media.presenter.js';
import type { Media } from '../media.table.js';
import { ORIGINAL_FILE } from '../image.js';
import { mediaMessages as m } from '../messages.js';
import { crumbsFor, libraryPath, photoPath } from './library.js';

interface PhotoProps {
  ctx: PageContext;
  agency: Agency;
  media: Media;
  form: FormState;
  uses: number;
  canManage: boolean;
}

/** One photo: its quality notes, where it is used, and its words (alt text, caption, credit). */
export function PhotoPage({ ctx, agency, media, form, uses, canManage }: PhotoProps) {
  const warnings = warningsOf(media);
  const crumbs = [...crumbsFor(agency), { href: libraryPath(agency), label: m.libraryTitle }];
  return (
    <Layout ctx={ctx} title={m.detailsTitle} crumbs={crumbs}>
      <h1>
        {m.detailsTitle} <span class="muted">{agency.shortName || agency.name}</span>
      </h1>
      {warnings.length ? (
        <Notice kind="warning">
          <p>{m.qualityTitle}</p>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{m.warnings[w]}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <figure class="media-photo">
        <ResponsiveImage media={media} sizes="(min-width: 48em) 46rem, 100vw" lazy={false} />
      </figure>
      <Details
        items={[
          { label: m.sizeLabel, value: m.size(media.width, media.height) },
          { label: m.uploadedBy, value: formatDateTime(media.createdAt, ctx.installation.timeZone) },
          { label: m.fileName, value: media.originalName },
          { label: m.usage, value: m.usedIn(uses) },
          {
            label: m.fullSize,
            value: <a href={mediaPath(`${media.storageKey}/${ORIGINAL_FILE}`)}>{m.openFullSize}</a>,
          },
        ]}
      />
      {canManage ? (
        <>
          <h2>{m.textTitle}</h2>
          <ErrorSummary errors={form.errors} />
          <Form action={photoPath(agency, media)} csrfToken={ctx.csrfToken}>
            <TextArea name="alt" label={m.altLabel} hint={m.altHint} form={form} rows={2} maxLength={300} />
            <TextInput name="caption" label={m.captionLabel} form={form} optional maxLength={1000} />
            <TextInput name="credit" label={m.creditLabel} form={form} optional maxLength={150} />
            <Button>{m.saveText}</Button>
          </Form>
          <h2>{m.deleteTitle}</h2>
          <p>
            {uses > 0 ? `${m.usedIn(uses)} ` : ''}
            {m.deleteWarning}
          </p>
          <Form action={`${photoPath(agency, media)}/hapus`} csrfToken={ctx.csrfToken}>
            <Button variant="danger">{m.deleteButton}</Button>
          </Form>
        </>
      ) : (
        <p class="muted">{m.notYours}</p>
      )}
    </Layout>
  );
}
