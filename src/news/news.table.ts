import type { Selectable } from 'kysely';

export const POST_STATUSES = ['draft', 'review', 'scheduled', 'published'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export interface CategoryTable {
  id: string;
  agencyId: string;
  slug: string;
  name: string;
  position: number;
}

export interface PostTable {
  id: string;
  agencyId: string;
  slug: string;
  title: string;
  summary: string;
  /** sanitised HTML: only ever written through sanitizePostHtml */
  bodyHtml: string;
  status: PostStatus;
  categoryId: string | null;
  authorId: string | null;
  /** the author's name as printed; kept when an account is removed or for imported posts */
  byline: string;
  coverMediaId: string | null;
  /** the day of the activity, YYYY-MM-DD in the installation's zone */
  activityDate: string | null;
  /** kelurahan (or kecamatan) where it happened */
  regionId: string | null;
  /** the editor's note when sending a post back */
  reviewNote: string;
  publishAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PostGalleryTable {
  postId: string;
  mediaId: string;
  position: number;
}

export interface PostTagTable {
  postId: string;
  tag: string;
}

export interface PostRevisionTable {
  id: string;
  postId: string;
  title: string;
  summary: string;
  bodyHtml: string;
  authorId: string | null;
  createdAt: string;
}

export interface AgencyPageTable {
  id: string;
  agencyId: string;
  slug: string;
  title: string;
  bodyHtml: string;
  position: number;
  updatedAt: string;
}

export interface NewsTables {
  categories: CategoryTable;
  posts: PostTable;
  postGallery: PostGalleryTable;
  postTags: PostTagTable;
  postRevisions: PostRevisionTable;
  agencyPages: AgencyPageTable;
}

export type Post = Selectable<PostTable>;
export type Category = Selectable<CategoryTable>;
export type PostRevision = Selectable<PostRevisionTable>;
export type AgencyPage = Selectable<AgencyPageTable>;
