import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import type { Media } from '../../media/media.table.js';
import { ResponsiveImage } from '../../media/media.presenter.js';
import { asset } from '../../views/assets.js';
import { ErrorSummary, fieldId, TextArea, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';

interface Props {
  ctx: PageContext;
  agency: Agency;
  form: FormState;
  /** photos already uploaded for this post (kept when the form comes back with a problem) */
  photos: Media[];
  canPublish: boolean;
}

export const MAX_QUICK_PHOTOS = 6;

/**
 * "Kegiatan baru": one screen for a phone. Without JavaScript the photos travel with the form; with
 * it, each photo uploads as soon as it is chosen, with its own progress bar and a retry, so a slow
 * link never costs what was typed.
 */
export function QuickPostPage({ ctx, agency, form, photos, canPublish }: Props) {
  const action = `/admin/opd/${agency.slug}/kegiatan-baru`;
  return (
    <Layout
      ctx={ctx}
      title="Kegiatan baru"
      crumbs={[
        { href: '/admin', label: t.nav.admin },
        { href: `/admin/opd/${agency.slug}/berita`, label: `Berita ${agency.shortName}` },
      ]}
    >
      <h1>Kegiatan baru</h1>
      <p>
        <a href="/admin/panduan/menulis-kegiatan">Panduan menulis berita kegiatan</a> ·{' '}
        <a href="/admin/panduan/foto">Panduan foto</a>
      </p>
      <ErrorSummary errors={form.errors} />
      <form
        method="post"
        action={action}
        enctype="multipart/form-data"
        class="stack quick-post"
        noValidate
        data-upload-url={`${action}/foto`}
      >
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <div class={form.errors.photos ? 'field field--error' : 'field'}>
          <label class="field__label" for={fieldId('photos')}>
            Foto kegiatan <span class="field__optional">{t.common.optional}</span>
          </label>
          <p class="field__hint" id={`${fieldId('photos')}-hint`}>
            Ambil atau pilih sampai {MAX_QUICK_PHOTOS} foto (JPEG, PNG atau WebP).
          </p>
          {form.errors.photos ? <p class="field__error">{form.errors.photos}</p> : null}
          <input
            class="input"
            id={fieldId('photos')}
            name="photos"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            aria-describedby={`${fieldId('photos')}-hint`}
          />
          <ul class="upload-list" aria-live="polite">
            {photos.map((p) => (
              <li key={p.id} class="upload-list__item">
                <ResponsiveImage media={p} sizes="6rem" lazy={false} />
                <span>{p.alt}</span>
                <input type="hidden" name="gallery_media_ids" value={p.id} />
              </li>
            ))}
          </ul>
        </div>
        <TextInput
          name="alt"
          label="Keterangan foto"
          optional
          hint="Apa yang tampak di foto, untuk pembaca tunanetra. Contoh: Lurah membuka rapat bersama warga."
          form={form}
          maxLength={300}
        />
        <TextInput name="title" label="Judul" form={form} maxLength={200} />
        <TextArea
          name="text"
          label="Cerita singkat"
          form={form}
          rows={5}
          maxLength={5000}
          hint="Beberapa kalimat: apa, siapa, di mana."
        />
        <div class="button-row">
          <button class="button" type="submit" name="intent" value={canPublish ? 'publish' : 'submit'}>
            {canPublish ? 'Terbitkan' : 'Ajukan untuk ditinjau'}
          </button>
          <button class="button button--secondary" type="submit" name="intent" value="draft">
            Simpan draf
          </button>
        </div>
      </form>
      <script src={asset('js/kegiatan.js')} defer />
    </Layout>
  );
}
