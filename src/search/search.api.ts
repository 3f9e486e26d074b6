import type { FastifyInstance } from 'fastify';
import { findAgencyBySlug } from '../agencies/agencies.repository.js';
import { ValidationError } from '../errors.js';
import { ORIGINAL_FILE } from '../media/image.js';
import { mediaPath, variantsOf } from '../media/media.presenter.js';
import type { Media } from '../media/media.table.js';
import { listPublished, mediaByIds, postPath } from '../news/news.queries.js';
import { PostList, PostListQuery, type PostListItem } from './search.schemas.js';
import { searchSite } from './search.service.js';
import { cleanQuery } from './search.text.js';

const PER_PAGE = 20;
const errors = { 422: { $ref: 'ErrorBody#' } };

interface ListedPost {
  id: string;
  slug: string;
  title: string;
  summary: string;
  publishedAt: string;
  agencySlug: string;
  coverMediaId: string | null;
}

/** A cover as a list shows it: the JPEG of about phone width, else the nearest there is. */
function coverUrl(media: Media, baseUrl: string): string {
  const jpegs = variantsOf(media)
    .filter((v) => v.format === 'jpeg')
    .sort((a, b) => a.width - b.width);
  const chosen = jpegs.find((v) => v.width >= 640) ?? jpegs.at(-1);
  return new URL(mediaPath(chosen?.key ?? `${media.storageKey}/${ORIGINAL_FILE}`), baseUrl).href;
}

/** `GET /api/v1/posts`: the public list of published posts, newest first or by search rank. */
export default async function searchApi(app: FastifyInstance) {
  const { baseUrl } = app.config;

  async function present(posts: ListedPost[]): Promise<PostListItem[]> {
    const covers = await mediaByIds(
      app.db,
      posts.flatMap((p) => (p.coverMediaId ? [p.coverMediaId] : [])),
    );
    return posts.map((p) => {
      const cover = p.coverMediaId ? covers.get(p.coverMediaId) : undefined;
      return {
        id: p.id,
        agency: p.agencySlug,
        slug: p.slug,
        title: p.title,
        summary: p.summary,
        published_at: p.publishedAt,
        url: `${baseUrl}${postPath(p)}`,
        ...(cover ? { cover_url: coverUrl(cover, baseUrl) } : {}),
      };
    });
  }

  app.get(
    '/posts',
    {
      schema: {
        tags: ['posts'],
        summary: 'Berita yang sudah terbit (publik): terbaru lebih dulu, atau hasil pencarian dengan q',
        querystring: PostListQuery,
        response: { 200: PostList, ...errors },
      },
    },
    async (request): Promise<PostList> => {
      const { agency: slug, q, page = 1 } = request.query as PostListQuery;
      const agency = slug ? await findAgencyBySlug(app.db, slug) : undefined;
      if (slug && !agency) throw new ValidationError({ agency: 'Perangkat daerah tidak dikenal.' });
      const query = cleanQuery(q ?? '');
      if (!query) {
        const { rows, total } = await listPublished(app.db, { agencyId: agency?.id }, page, PER_PAGE);
        return { items: await present(rows), total, page, per_page: PER_PAGE };
      }
      const found = await searchSite(app.db, {
        query,
        agencyId: agency?.id,
        page,
        perPage: PER_PAGE,
        kinds: ['post'],
      });
      const items = found.hits.map((h) => ({
        id: h.id,
        slug: h.slug,
        title: h.title,
        summary: h.summary,
        publishedAt: h.date,
        agencySlug: h.agency.slug,
        coverMediaId: h.coverMediaId,
      }));
      return { items: await present(items), total: found.total, page: found.page, per_page: PER_PAGE };
    },
  );
}
