import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { Actor } from '../accounts/accounts.policy.js';
import type { Agency } from '../agencies/agencies.table.js';
import { postPath } from './news.queries.js';
import { POST_ACTIONS, type PostInput } from './news.schemas.js';
import { allowedActions } from './news.workflow.js';
import { POST_STATUSES, type Category, type Post } from './news.table.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Status = Type.Unsafe<Post['status']>({ type: 'string', enum: [...POST_STATUSES] });
const Actions = Type.Array(
  Type.Unsafe<(typeof POST_ACTIONS)[number]>({ type: 'string', enum: [...POST_ACTIONS] }),
  {
    description: 'Langkah berikutnya yang boleh diambil pemanggil',
  },
);

/** A post with what its JSON names by slug (agency, category, region) and its lists. */
export interface PostView {
  post: Post;
  agencySlug: string;
  categorySlug: string | null;
  regionSlug: string | null;
  tags: string[];
  galleryIds: string[];
}

export const PostCreatedJson = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  status: Status,
  url: Type.String(),
});

export const PostJson = Type.Object({
  id: Type.String(),
  agency: Type.String(),
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  body_html: Type.String({ description: 'HTML yang sudah disaring' }),
  status: Status,
  category: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  cover_media_id: Nullable(Type.String()),
  gallery_media_ids: Type.Array(Type.String()),
  activity_date: Nullable(Type.String()),
  region: Nullable(Type.String()),
  author: Type.String(),
  publish_at: Nullable(Type.String({ format: 'date-time' })),
  published_at: Nullable(Type.String({ format: 'date-time' })),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
  url: Type.String(),
  review_note: Type.String(),
  actions: Actions,
});
export type PostJson = Static<typeof PostJson>;

export const PostListItemJson = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  status: Status,
  category: Nullable(Type.String()),
  author: Type.String(),
  activity_date: Nullable(Type.String()),
  publish_at: Nullable(Type.String({ format: 'date-time' })),
  published_at: Nullable(Type.String({ format: 'date-time' })),
  updated_at: Type.String({ format: 'date-time' }),
  url: Type.String(),
  actions: Actions,
});

export const PostListJson = Type.Object({
  agency: Type.Object({ slug: Type.String(), name: Type.String() }),
  items: Type.Array(PostListItemJson),
  total: Type.Integer(),
  page: Type.Integer(),
  per_page: Type.Integer(),
});
export type PostListJson = Static<typeof PostListJson>;

export const RevisionJson = Type.Object({
  id: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  author: Nullable(Type.String()),
});
export type RevisionJson = Static<typeof RevisionJson>;

const urlOf = (baseUrl: string, agencySlug: string, post: Pick<Post, 'slug'>) =>
  `${baseUrl}${postPath({ agencySlug, slug: post.slug })}`;

export function presentCreated(post: Post, agencySlug: string, baseUrl: string) {
  return { id: post.id, slug: post.slug, status: post.status, url: urlOf(baseUrl, agencySlug, post) };
}

export function presentPost(view: PostView, actor: Actor, baseUrl: string): PostJson {
  const { post } = view;
  return {
    id: post.id,
    agency: view.agencySlug,
    slug: post.slug,
    title: post.title,
    summary: post.summary,
    body_html: post.bodyHtml,
    status: post.status,
    category: view.categorySlug,
    tags: view.tags,
    cover_media_id: post.coverMediaId,
    gallery_media_ids: view.galleryIds,
    activity_date: post.activityDate,
    region: view.regionSlug,
    author: post.byline,
    publish_at: post.publishAt,
    published_at: post.publishedAt,
    created_at: post.createdAt,
    updated_at: post.updatedAt,
    url: urlOf(baseUrl, view.agencySlug, post),
    review_note: post.reviewNote,
    actions: allowedActions(actor, post),
  };
}

function presentListItem(
  post: Post,
  agencySlug: string,
  category: string | null,
  actor: Actor,
  baseUrl: string,
) {
  return {
    id: post.id,
    slug: post.slug,
    title: post.title,
    summary: post.summary,
    status: post.status,
    category,
    author: post.byline,
    activity_date: post.activityDate,
    publish_at: post.publishAt,
    published_at: post.publishedAt,
    updated_at: post.updatedAt,
    url: urlOf(baseUrl, agencySlug, post),
    actions: allowedActions(actor, post),
  };
}

/** One page of an agency's posts; the agency is named so a client can label the list. */
export function presentPostList(
  agency: Agency,
  list: { rows: Post[]; total: number },
  paging: { page: number; perPage: number },
  categories: Category[],
  actor: Actor,
  baseUrl: string,
): PostListJson {
  const slugOf = new Map(categories.map((c) => [c.id, c.slug]));
  return {
    agency: { slug: agency.slug, name: agency.name },
    items: list.rows.map((p) =>
      presentListItem(p, agency.slug, (p.categoryId && slugOf.get(p.categoryId)) || null, actor, baseUrl),
    ),
    total: list.total,
    page: paging.page,
    per_page: paging.perPage,
  };
}

export function presentRevision(rev: {
  id: string;
  title: string;
  summary: string;
  createdAt: string;
  authorName: string | null;
}): RevisionJson {
  return {
    id: rev.id,
    title: rev.title,
    summary: rev.summary,
    created_at: rev.createdAt,
    author: rev.authorName,
  };
}

/**
 * A PATCH names only what changes; the service saves a whole post. Fields left out keep their
 * current value (an empty string clears an optional one).
 */
export function mergePatch(view: PostView, patch: Partial<PostInput>): PostInput {
  const { post } = view;
  return {
    title: patch.title ?? post.title,
    summary: patch.summary ?? post.summary,
    body_html: patch.body_html ?? post.bodyHtml,
    category: patch.category ?? view.categorySlug ?? '',
    tags: patch.tags ?? view.tags,
    cover_media_id: patch.cover_media_id ?? post.coverMediaId ?? '',
    gallery_media_ids: patch.gallery_media_ids ?? view.galleryIds,
    activity_date: patch.activity_date ?? post.activityDate ?? '',
    region: patch.region ?? view.regionSlug ?? '',
  };
}
