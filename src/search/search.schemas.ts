import { Type, type Static } from '@sinclair/typebox';
import { MAX_SEARCH_PAGE } from './search.service.js';

/**
 * What a person types into the search box. Not pattern-checked like stored text: a search is
 * never saved, and anything that is not a letter or digit is dropped when it is read (search.text.ts),
 * so a stray quote, star or control character finds nothing rather than failing.
 */
const searchText = (description?: string) =>
  Type.String({ title: 'Kata kunci', maxLength: 1000, ...(description ? { description } : {}) });
const agencySlug = (description?: string) =>
  Type.String({ title: 'Perangkat daerah', maxLength: 60, ...(description ? { description } : {}) });

/** `/cari?q=&opd=&halaman=`. The page number is read leniently: a bad one shows the first page. */
export const SearchPageQuery = Type.Object({
  q: Type.Optional(searchText()),
  opd: Type.Optional(agencySlug()),
  halaman: Type.Optional(Type.String({ maxLength: 12 })),
});
export type SearchPageQuery = Static<typeof SearchPageQuery>;

/** `GET /api/v1/posts?agency=&q=&page=` */
export const PostListQuery = Type.Object({
  agency: Type.Optional(agencySlug('slug perangkat daerah')),
  q: Type.Optional(searchText('kata yang dicari; tanpa q, berita terbaru lebih dulu')),
  page: Type.Optional(Type.Integer({ title: 'Halaman', minimum: 1, maximum: MAX_SEARCH_PAGE, default: 1 })),
});
export type PostListQuery = Static<typeof PostListQuery>;

export const PostListItem = Type.Object({
  id: Type.String(),
  agency: Type.String({ description: 'slug perangkat daerah' }),
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  published_at: Type.String({ format: 'date-time' }),
  url: Type.String(),
  cover_url: Type.Optional(Type.String()),
});
export type PostListItem = Static<typeof PostListItem>;

export const PostList = Type.Object({
  items: Type.Array(PostListItem),
  total: Type.Integer(),
  page: Type.Integer(),
  per_page: Type.Integer(),
});
export type PostList = Static<typeof PostList>;
