import type { Agency, Region } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import type { Media } from '../../media/media.table.js';
import { ResponsiveImage } from '../../media/media.presenter.js';
import { asset } from '../../views/assets.js';
import { Button, ErrorSummary, Form, Notice, Select, TextArea, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { PostAction } from '../news.schemas.js';
import type { Category, Post } from '../news.table.js';
import { statusLabels } from './admin-list.js';
import { PostActions } from './post-actions.js';

interface Props {
  ctx: PageContext;
  agency: Agency;
  post: Post | null;
  form: FormState;
  categories: Category[];
  regions: Region[];
  library: Media[];
  /** chosen media ids (gallery) */
  chosen: string[];
  actions: PostAction[];
  canPublish: boolean;
}

/** Choose photos from the agency's library: checkboxes for the gallery, a radio for the cover. */
function PhotoPicker({ library, chosen, cover }: { library: Media[]; chosen: string[]; cover: string }) {
  if (!library.length) return <p>Belum ada foto di pustaka. Unggah dulu di Pustaka foto.</p>;
  return (
    <ul class="photo-picker">
      {library.map((m) => (
        <li key={m.id}>
          <ResponsiveImage media={m} sizes="10rem" alt={m.alt} />
          <div class="checkbox">
            <input
              type="checkbox"
              id={`galeri-${m.id}`}
              name="gallery_media_ids"
              value={m.id}
              checked={chosen.includes(m.id)}
            />
            <label for={`galeri-${m.id}`}>Pakai di galeri</label>
          </div>
          <div class="checkbox">
            <input
              type="radio"
              id={`sampul-${m.id}`}
              name="cover_media_id"
              value={m.id}
              checked={cover === m.id}
            />
            <label for={`sampul-${m.id}`}>Jadikan sampul</label>
          </div>
          {!m.alt ? <p class="field__error">Foto ini belum punya keterangan: wajib sebelum terbit.</p> : null}
        </li>
      ))}
    </ul>
  );
}

export function PostFormPage({
  ctx,
  agency,
  post,
  form,
  categories,
  regions,
  library,
  chosen,
  actions,
  canPublish,
}: Props) {
  const base = `/admin/opd/${agency.slug}/berita`;
  const title = post ? `Ubah: ${post.title}` : 'Tulis berita';
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { href: '/admin', label: t.nav.admin },
        { href: base, label: `Berita ${agency.shortName}` },
      ]}
    >
      <h1>{title}</h1>
      {post ? (
        <p>
          Status: <strong>{statusLabels[post.status]}</strong>
          {post.status === 'published' ? (
            <>
              {' '}
              · <a href={`/opd/${agency.slug}/berita/${post.slug}`}>Lihat di situs</a>
            </>
          ) : null}{' '}
          · <a href={`${base}/${post.id}/revisi`}>Riwayat versi</a>
        </p>
      ) : null}
      {post?.reviewNote ? <Notice kind="warning">Catatan editor: {post.reviewNote}</Notice> : null}
      <ErrorSummary errors={form.errors} />
      <Form action={post ? `${base}/${post.id}` : base} csrfToken={ctx.csrfToken}>
        <TextInput name="title" label="Judul" form={form} maxLength={200} />
        <TextArea
          name="summary"
          label="Ringkasan"
          optional
          hint="Satu atau dua kalimat. Kosongkan untuk diambil dari awal isi."
          form={form}
          rows={2}
          maxLength={500}
        />
        <TextArea
          name="body_html"
          label="Isi"
          form={form}
          rows={14}
          editor
          hint="Pakai tombol di atas kotak isi untuk tebal, miring, judul bagian, daftar dan tautan."
        />
        <Select
          name="category"
          label="Kategori"
          form={form}
          options={categories.map((c) => ({ value: c.slug, label: c.name }))}
          placeholder="Tanpa kategori"
          optional
        />
        <TextInput
          name="tags"
          label="Tag"
          optional
          hint="Pisahkan dengan koma, misalnya: banjir, posyandu."
          form={form}
        />
        <TextInput name="activity_date" label="Tanggal kegiatan" optional type="date" form={form} />
        <Select
          name="region"
          label="Kelurahan"
          optional
          form={form}
          options={regions
            .filter((r) => r.kind === 'kelurahan')
            .map((r) => ({ value: r.slug, label: r.name }))}
          placeholder="Tidak disebut"
        />
        <fieldset class="field">
          <legend class="field__label">Foto</legend>
          <PhotoPicker library={library} chosen={chosen} cover={form.values.cover_media_id ?? ''} />
          <p>
            <a href={`/admin/opd/${agency.slug}/media`}>Unggah foto ke pustaka</a>
          </p>
        </fieldset>
        {post ? (
          <Button>{t.common.save}</Button>
        ) : (
          <div class="button-row">
            <button class="button button--secondary" type="submit" name="intent" value="draft">
              Simpan draf
            </button>
            <button
              class={canPublish ? 'button button--secondary' : 'button'}
              type="submit"
              name="intent"
              value="submit"
            >
              Ajukan untuk ditinjau
            </button>
            {canPublish ? (
              <button class="button" type="submit" name="intent" value="publish">
                Terbitkan
              </button>
            ) : null}
          </div>
        )}
      </Form>
      {post ? (
        <PostActions
          ctx={ctx}
          action={`${base}/${post.id}/langkah`}
          actions={actions}
          deleteAction={`${base}/${post.id}/hapus`}
        />
      ) : null}
      {/* Turns the body's textarea into a rich-text editor; without it the textarea takes HTML. */}
      <script src={asset('js/editor.js')} defer />
    </Layout>
  );
}
