import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { findAgencyBySlug, getAgencyBySlug, listAgencies } from '../agencies/agencies.repository.js';
import { SlugParams } from '../agencies/agencies.schemas.js';
import type { Agency } from '../agencies/agencies.table.js';
import { NotFoundError } from '../errors.js';
import { pageContext } from '../http/page.js';
import { t } from '../i18n/index.js';
import { monthRange, todayIn } from '../time/zone.js';
import { findPublished, galleryOf, latestPublished, listPublished, mediaByIds } from './news.queries.js';
import { tagsOf } from './news.repository.js';
import { ArticlePage } from './views/article.js';
import { NewsListPage, type NewsFilters } from './views/news-list.js';

const PER_PAGE = 12;
const Filter = { type: 'string', maxLength: 40, pattern: '^[a-z0-9-]*$' } as const;
const ListQuery = Type.Object({
  opd: Type.Optional(Type.Unsafe<string>(Filter)),
  kategori: Type.Optional(Type.Unsafe<string>(Filter)),
  bulan: Type.Optional(Type.Unsafe<string>(Filter)),
  halaman: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});
const PostParams = Type.Object({
  postSlug: Type.Unsafe<string>({ type: 'string', maxLength: 100, pattern: '^[a-z0-9-]+$' }),
});

/** The last twelve months, newest first, as YYYY-MM in the installation's zone. */
function recentMonths(timeZone: string): string[] {
  const [y, m] = todayIn(timeZone).split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/** Public news: lists for the city and each agency, and the article page, by path and by agency host. */
export default async function newsPages(app: FastifyInstance) {
  async function showList(
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency | null,
    byHost: boolean,
  ) {
    const q = request.query as { opd?: string; kategori?: string; bulan?: string; halaman?: number };
    const tz = request.installation.timeZone;
    const page = q.halaman ?? 1;
    const chosen = agency ?? (q.opd ? await findAgencyBySlug(app.db, q.opd) : undefined);
    const range = q.bulan ? monthRange(q.bulan, tz) : undefined;
    const { rows, total } = await listPublished(
      app.db,
      { agencyId: chosen?.id, categorySlug: q.kategori || undefined, from: range?.from, to: range?.to },
      page,
      PER_PAGE,
    );
    const covers = await mediaByIds(
      app.db,
      rows.map((r) => r.coverMediaId),
    );
    const filters: NewsFilters = {
      opd: agency ? '' : (chosen?.slug ?? ''),
      kategori: q.kategori ?? '',
      bulan: range ? q.bulan! : '',
    };
    const action = agency && !byHost ? `/opd/${agency.slug}/berita` : '/berita';
    const ctx = pageContext(request, reply, agency ? { kind: 'agency', agency, byHost } : undefined);
    return reply.page(
      <NewsListPage
        ctx={ctx}
        heading={agency ? `Berita ${agency.shortName}` : `Berita ${request.installation.shortName}`}
        action={action}
        agencies={agency ? null : await listAgencies(app.db)}
        months={recentMonths(tz)}
        filters={filters}
        posts={rows}
        covers={covers}
        page={page}
        total={total}
        perPage={PER_PAGE}
        crumbs={[
          { href: '/', label: t.nav.home },
          ...(agency ? [{ href: `/opd/${agency.slug}`, label: agency.shortName }] : []),
        ]}
        feedUrl={agency ? `/opd/${agency.slug}/feed.xml` : '/feed.xml'}
      />,
    );
  }

  async function showArticle(
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    postSlug: string,
    byHost: boolean,
  ) {
    const post = await findPublished(app.db, agency.id, postSlug);
    if (!post) throw new NotFoundError();
    const [gallery, tags, related] = await Promise.all([
      galleryOf(app.db, post.id),
      tagsOf(app.db, post.id),
      latestPublished(
        app.db,
        { agencyId: agency.id, excludeId: post.id, categorySlug: post.categorySlug ?? undefined },
        3,
      ),
    ]);
    const covers = await mediaByIds(app.db, [post.coverMediaId, ...related.map((r) => r.coverMediaId)]);
    return reply.page(
      <ArticlePage
        ctx={pageContext(request, reply, { kind: 'agency', agency, byHost })}
        post={post}
        cover={post.coverMediaId ? covers.get(post.coverMediaId) : undefined}
        gallery={gallery}
        tags={tags}
        related={related}
        relatedCovers={covers}
        baseUrl={app.config.baseUrl}
      />,
    );
  }

  const hide = { hide: true };
  app.get('/berita', { schema: { querystring: ListQuery, ...hide } }, async (request, reply) =>
    request.site.kind === 'agency'
      ? showList(request, reply, request.site.agency, true)
      : showList(request, reply, null, false),
  );
  app.get('/berita/:postSlug', { schema: { params: PostParams, ...hide } }, async (request, reply) => {
    if (request.site.kind !== 'agency') throw new NotFoundError();
    return showArticle(
      request,
      reply,
      request.site.agency,
      (request.params as { postSlug: string }).postSlug,
      true,
    );
  });
  app.get(
    '/opd/:slug/berita',
    { schema: { params: SlugParams, querystring: ListQuery, ...hide } },
    async (request, reply) =>
      showList(
        request,
        reply,
        await getAgencyBySlug(app.db, (request.params as { slug: string }).slug),
        false,
      ),
  );
  app.get(
    '/opd/:slug/berita/:postSlug',
    { schema: { params: Type.Intersect([SlugParams, PostParams]), ...hide } },
    async (request, reply) => {
      const { slug, postSlug } = request.params as { slug: string; postSlug: string };
      return showArticle(request, reply, await getAgencyBySlug(app.db, slug), postSlug, false);
    },
  );
}
