import { t } from '../../i18n/index.js';
import { htmlToText } from '../../news/sanitize.js';
import { formatDateTime } from '../../time/format.js';
import { Button, Form } from '../../views/components.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { reasonsOf, type HoldRow as ReviewRow } from '../guard.repository.js';
import { m } from '../messages.js';

const editPath = (row: ReviewRow) =>
  row.subjectType === 'post'
    ? `/admin/opd/${row.agencySlug}/berita/${row.subjectId}`
    : `/admin/opd/${row.agencySlug}/halaman/${row.pageSlug ?? ''}`;

/** The held text as plain words only: spam is never rendered as HTML, not even here. */
const excerpt = (html: string) => {
  const text = htmlToText(html);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
};

function HoldItem({ row, ctx }: { row: ReviewRow; ctx: PageContext }) {
  return (
    <li class="hold">
      <h2>
        <a href={editPath(row)}>{row.title || '(tanpa judul)'}</a>
      </h2>
      <p>
        {m.subjectLabel[row.subjectType]} · {row.agencyName} · ditahan{' '}
        {formatDateTime(row.createdAt, ctx.installation.timeZone)} · skor {row.score}
      </p>
      <ul>
        {reasonsOf(row).map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <blockquote>{excerpt(row.bodyHtml)}</blockquote>
      <div class="hold__actions">
        <Form action={`/admin/tinjauan-konten/${row.id}/terbitkan`} csrfToken={ctx.csrfToken}>
          <Button variant="secondary">
            {m.release} <span class="visually-hidden">{row.title}</span>
          </Button>
        </Form>
        <Form action={`/admin/tinjauan-konten/${row.id}/tolak`} csrfToken={ctx.csrfToken}>
          <Button variant="danger">
            {m.reject} <span class="visually-hidden">{row.title}</span>
          </Button>
        </Form>
      </div>
    </li>
  );
}

export function ReviewPage({ ctx, rows }: { ctx: PageContext; rows: ReviewRow[] }) {
  return (
    <Layout ctx={ctx} title={m.reviewTitle} crumbs={[{ href: '/admin', label: t.nav.admin }]}>
      <h1>{m.reviewTitle}</h1>
      <p>{m.reviewIntro}</p>
      {rows.length ? (
        <ul class="holds stack">
          {rows.map((row) => (
            <HoldItem key={row.id} row={row} ctx={ctx} />
          ))}
        </ul>
      ) : (
        <p>{m.reviewEmpty}</p>
      )}
    </Layout>
  );
}
