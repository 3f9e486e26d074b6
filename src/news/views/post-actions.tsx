import type { ComponentChildren } from 'preact';
import { Button, Form, TextArea, TextInput } from '../../views/components.js';
import type { PageContext } from '../../views/context.js';
import type { PostAction } from '../news.schemas.js';

const empty = { values: {}, errors: {} };

/** The editorial steps open to this person on this post, each its own small form. */
export function PostActions({
  ctx,
  action,
  actions,
  deleteAction,
}: {
  ctx: PageContext;
  action: string;
  actions: PostAction[];
  deleteAction: string | null;
}) {
  const one = (
    name: PostAction,
    label: string,
    variant: 'primary' | 'secondary' | 'danger' = 'primary',
    extra?: ComponentChildren,
  ) => (
    <Form action={action} csrfToken={ctx.csrfToken} class="stack post-action">
      <input type="hidden" name="action" value={name} />
      {extra}
      <Button variant={variant}>{label}</Button>
    </Form>
  );
  return (
    <section aria-labelledby="judul-langkah" class="stack">
      <h2 id="judul-langkah">Langkah berikutnya</h2>
      {actions.includes('submit') ? one('submit', 'Ajukan untuk ditinjau') : null}
      {actions.includes('publish') ? one('publish', 'Terbitkan sekarang') : null}
      {actions.includes('schedule')
        ? one(
            'schedule',
            'Jadwalkan',
            'secondary',
            <TextInput name="publish_at" label="Terbit pada (WIB)" type="datetime-local" form={empty} />,
          )
        : null}
      {actions.includes('reject')
        ? one(
            'reject',
            'Kembalikan ke penulis',
            'secondary',
            <TextArea name="note" label="Catatan untuk penulis" form={empty} rows={3} maxLength={1000} />,
          )
        : null}
      {actions.includes('unpublish') ? one('unpublish', 'Tarik dari situs', 'danger') : null}
      {deleteAction ? (
        <Form action={deleteAction} csrfToken={ctx.csrfToken} class="stack post-action">
          <Button variant="danger">Hapus berita</Button>
        </Form>
      ) : null}
    </section>
  );
}
