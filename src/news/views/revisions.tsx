import { diffWords, type Change } from 'diff';
import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import { formatDateTime } from '../../time/format.js';
import { Button, Form } from '../../views/components.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { Post } from '../news.table.js';
import { htmlToText } from '../sanitize.js';

export interface RevisionItem {
  id: string;
  title: string;
  summary: string;
  bodyHtml: string;
  createdAt: string;
  /** null when the account has been removed */
  authorName: string | null;
}

export interface WorkflowItem {
  id: string;
  action: string;
  details: { note?: string; publishAt?: string; from?: string };
  createdAt: string;
  actorId: string | null;
  actorName: string | null;
}

/** The audit actions that make up a post's editorial history (edits show as versions instead). */
export const WORKFLOW_ACTIONS = [
  'post.created',
  'post.submit',
  'post.publish',
  'post.schedule',
  'post.reject',
  'post.unpublish',
  'post.published_on_schedule',
  'post.revision_restored',
] as const;

const m = {
  deletedAccount: 'Akun terhapus',
  system: 'Sistem (terbit otomatis)',
  legend: 'Teks yang ditambahkan bergaris bawah; teks yang dihapus dicoret.',
  added: '[ditambahkan: ',
  removed: '[dihapus: ',
  end: ']',
  current: 'Versi sekarang',
  first: 'Versi pertama.',
  same: 'Teksnya sama dengan versi sebelumnya.',
  restore: 'Pulihkan versi ini',
  olderHidden: (shown: number, total: number) =>
    `Menampilkan ${shown} versi terbaru dari ${total}. Versi yang lebih lama tetap tersimpan.`,
};

/** Words around a change kept in view; longer unchanged stretches of the body are shortened. */
const CONTEXT_WORDS = 25;

type Field = 'title' | 'summary' | 'body';
const FIELDS: { key: Field; label: string }[] = [
  { key: 'title', label: 'Judul' },
  { key: 'summary', label: 'Ringkasan' },
  { key: 'body', label: 'Isi' },
];

const textOf = (r: RevisionItem, field: Field): string =>
  field === 'title' ? r.title : field === 'summary' ? r.summary : htmlToText(r.bodyHtml);

/** Shortens an unchanged stretch to the words next to the changes before and after it. */
function shorten(value: string, changeBefore: boolean, changeAfter: boolean): string {
  const words = value.split(/(?<=\s)(?=\S)/);
  const keep = (changeBefore ? CONTEXT_WORDS : 0) + (changeAfter ? CONTEXT_WORDS : 0);
  if (words.length <= keep + 5) return value;
  const head = changeBefore ? words.slice(0, CONTEXT_WORDS).join('') : '';
  const tail = changeAfter ? words.slice(-CONTEXT_WORDS).join('') : '';
  return `${head}… ${tail}`;
}

/** One field's word-level changes as <ins>/<del>; every piece of text is escaped by preact. */
function Changes({ changes, shortenCommon }: { changes: Change[]; shortenCommon: boolean }) {
  return (
    <p class="diff">
      {changes.map((c, i) => {
        if (c.added)
          return (
            <ins key={i}>
              <span class="visually-hidden">{m.added}</span>
              {c.value}
              <span class="visually-hidden">{m.end}</span>
            </ins>
          );
        if (c.removed)
          return (
            <del key={i}>
              <span class="visually-hidden">{m.removed}</span>
              {c.value}
              <span class="visually-hidden">{m.end}</span>
            </del>
          );
        return shortenCommon ? shorten(c.value, i > 0, i < changes.length - 1) : c.value;
      })}
    </p>
  );
}

/** What changed from `before` to `after`, field by field; unchanged fields are left out. */
function RevisionDiff({ before, after }: { before: RevisionItem; after: RevisionItem }) {
  const fields = FIELDS.map((f) => ({ ...f, old: textOf(before, f.key), now: textOf(after, f.key) })).filter(
    (f) => f.old !== f.now,
  );
  if (!fields.length) return <p>{m.same}</p>;
  return (
    <dl class="revision__diff">
      {fields.map((f) => (
        <div key={f.key}>
          <dt>{f.label}</dt>
          <dd>
            <Changes changes={diffWords(f.old, f.now)} shortenCommon={f.key === 'body'} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function stepLabel(step: WorkflowItem, timeZone: string): string {
  const { note, publishAt, from } = step.details;
  switch (step.action) {
    case 'post.created':
      return 'Dibuat';
    case 'post.submit':
      return 'Diajukan';
    case 'post.publish':
      return 'Diterbitkan';
    case 'post.schedule':
      return publishAt ? `Dijadwalkan ${formatDateTime(publishAt, timeZone)}` : 'Dijadwalkan';
    case 'post.reject':
      return note ? `Dikembalikan: ${note}` : 'Dikembalikan';
    case 'post.unpublish':
      return from === 'scheduled' ? 'Ditarik dari jadwal' : 'Ditarik';
    case 'post.published_on_schedule':
      return 'Terbit sesuai jadwal';
    case 'post.revision_restored':
      return 'Versi lama dipulihkan';
    default:
      return step.action;
  }
}

function who(name: string | null, action?: string): string {
  if (name) return name;
  return action === 'post.published_on_schedule' ? m.system : m.deletedAccount;
}

function When({ iso, timeZone }: { iso: string; timeZone: string }) {
  return <time dateTime={iso}>{formatDateTime(iso, timeZone)}</time>;
}

interface Props {
  ctx: PageContext;
  agency: Agency;
  post: Post;
  /** newest first; one more than `shown` when older versions exist, to compare the last one with */
  revisions: RevisionItem[];
  shown: number;
  total: number;
  workflow: WorkflowItem[];
  canRestore: boolean;
}

/** A post's versions, each compared with the one before it, and its editorial steps. */
export function RevisionsPage({ ctx, agency, post, revisions, shown, total, workflow, canRestore }: Props) {
  const base = `/admin/opd/${agency.slug}/berita`;
  const zone = ctx.installation.timeZone;
  const title = `Riwayat: ${post.title}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { href: '/admin', label: t.nav.admin },
        { href: base, label: `Berita ${agency.shortName}` },
        { href: `${base}/${post.id}`, label: post.title },
      ]}
    >
      <h1>{title}</h1>
      <section aria-labelledby="judul-versi" class="stack">
        <h2 id="judul-versi">Versi teks</h2>
        <p>{m.legend}</p>
        {total > shown ? <p>{m.olderHidden(shown, total)}</p> : null}
        <ol class="revisions" reversed start={total}>
          {revisions.slice(0, shown).map((r, i) => {
            const before = revisions[i + 1];
            return (
              <li key={r.id} class="revision stack" id={`versi-${r.id}`}>
                <h3>
                  Versi {total - i}
                  {i === 0 ? ` · ${m.current}` : ''}
                </h3>
                <p class="revision__meta">
                  {who(r.authorName)}, <When iso={r.createdAt} timeZone={zone} />
                </p>
                {before ? <RevisionDiff before={before} after={r} /> : <p>{m.first}</p>}
                {i > 0 && canRestore ? (
                  <Form action={`${base}/${post.id}/revisi/${r.id}/pulihkan`} csrfToken={ctx.csrfToken}>
                    <Button variant="secondary">{m.restore}</Button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby="judul-langkah" class="stack">
        <h2 id="judul-langkah">Riwayat langkah</h2>
        {workflow.length ? (
          <ol class="workflow">
            {workflow.map((s) => (
              <li key={s.id}>
                <strong>{stepLabel(s, zone)}</strong> — {who(s.actorName, s.action)},{' '}
                <When iso={s.createdAt} timeZone={zone} />
              </li>
            ))}
          </ol>
        ) : (
          <p>{t.common.none}</p>
        )}
      </section>
    </Layout>
  );
}
