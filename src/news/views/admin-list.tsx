import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import { formatDateTime } from '../../time/format.js';
import { Pager } from '../../views/components.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { POST_STATUSES, type Post, type PostStatus } from '../news.table.js';

export const statusLabels: Record<PostStatus, string> = {
  draft: 'Draf',
  review: 'Menunggu tinjauan',
  scheduled: 'Terjadwal',
  published: 'Terbit',
};

interface Props {
  ctx: PageContext;
  agency: Agency;
  posts: Post[];
  status: PostStatus | '';
  page: number;
  total: number;
  perPage: number;
}

/** An agency's posts for its writers and editors, filtered by status. */
export function AdminPostList({ ctx, agency, posts, status, page, total, perPage }: Props) {
  const base = `/admin/opd/${agency.slug}/berita`;
  return (
    <Layout ctx={ctx} title={`Berita ${agency.shortName}`} crumbs={[{ href: '/admin', label: t.nav.admin }]}>
      <h1>Berita {agency.shortName}</h1>
      <p class="button-row">
        <a class="button" href={`/admin/opd/${agency.slug}/kegiatan-baru`}>
          Kegiatan baru
        </a>
        <a class="button button--secondary" href={`${base}/baru`}>
          Tulis berita lengkap
        </a>
        <a class="button button--secondary" href={`/admin/opd/${agency.slug}/media`}>
          Pustaka foto
        </a>
      </p>
      <nav aria-label="Saring menurut status">
        <ul class="tabs">
          <li>
            <a href={base} aria-current={status === '' ? 'page' : undefined}>
              Semua
            </a>
          </li>
          {POST_STATUSES.map((s) => (
            <li key={s}>
              <a href={`${base}?status=${s}`} aria-current={status === s ? 'page' : undefined}>
                {statusLabels[s]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {posts.length ? (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">Daftar berita</caption>
            <thead>
              <tr>
                <th scope="col">Judul</th>
                <th scope="col">Status</th>
                <th scope="col">Diubah</th>
              </tr>
            </thead>
            <tbody>
              {posts.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={`${base}/${p.id}`}>{p.title}</a>
                    <br />
                    <span class="muted">{p.byline}</span>
                  </td>
                  <td>{statusLabels[p.status]}</td>
                  <td>{formatDateTime(p.updatedAt, ctx.installation.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Belum ada berita.</p>
      )}
      <Pager
        page={page}
        total={total}
        perPage={perPage}
        href={(n) => `${base}?${status ? `status=${status}&` : ''}halaman=${n}`}
      />
    </Layout>
  );
}
