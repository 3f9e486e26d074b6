import type { Post } from './news.table.js';
import type { PostInput } from './news.schemas.js';

type FormBody = Record<string, string | string[] | undefined>;

const text = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const list = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);

/** A submitted post form → the API's PostInput (tags from a comma list, checkboxes to arrays). */
export function postInputFromForm(body: FormBody): PostInput {
  const cover = text(body.cover_media_id);
  const gallery = list(body.gallery_media_ids);
  return {
    title: text(body.title),
    summary: text(body.summary),
    body_html: text(body.body_html),
    category: text(body.category),
    tags: text(body.tags)
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
    // The cover is always among the photos shown, first.
    gallery_media_ids: cover && !gallery.includes(cover) ? [cover, ...gallery] : gallery,
    cover_media_id: cover,
    activity_date: text(body.activity_date),
    region: text(body.region),
  };
}

/** What the edit form shows for a stored post. */
export function formValuesOf(
  post: Post,
  extra: { tags: string[]; categorySlug: string; regionSlug: string },
): Record<string, string> {
  return {
    title: post.title,
    summary: post.summary,
    body_html: post.bodyHtml,
    category: extra.categorySlug,
    tags: extra.tags.join(', '),
    activity_date: post.activityDate ?? '',
    region: extra.regionSlug,
    cover_media_id: post.coverMediaId ?? '',
  };
}
