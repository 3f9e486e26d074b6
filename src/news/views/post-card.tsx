import type { Media } from '../../media/media.table.js';
import { ResponsiveImage } from '../../media/media.presenter.js';
import { formatDate } from '../../time/format.js';
import { postPath, type PublishedPost } from '../news.queries.js';

/** One post in a list: cover, title, agency and date. Covers below the first row load lazily. */
export function PostCard({
  post,
  cover,
  timeZone,
  eager = false,
  showAgency = true,
}: {
  post: PublishedPost;
  cover: Media | undefined;
  timeZone: string;
  eager?: boolean;
  showAgency?: boolean;
}) {
  return (
    <article class="card post-card">
      {cover ? (
        <ResponsiveImage
          media={cover}
          sizes="(min-width: 48em) 22rem, 100vw"
          lazy={!eager}
          class="post-card__image"
        />
      ) : null}
      <h3 class="card__title">
        <a href={postPath(post)}>{post.title}</a>
      </h3>
      <p class="card__meta">
        {showAgency ? `${post.agencyShortName} · ` : ''}
        <time dateTime={post.publishedAt}>{formatDate(post.publishedAt, timeZone)}</time>
        {post.categoryName ? ` · ${post.categoryName}` : ''}
      </p>
      {post.summary ? <p>{post.summary}</p> : null}
    </article>
  );
}

export function PostGrid({
  posts,
  covers,
  timeZone,
  showAgency = true,
  eagerFirst = 0,
}: {
  posts: PublishedPost[];
  covers: Map<string, Media>;
  timeZone: string;
  showAgency?: boolean;
  eagerFirst?: number;
}) {
  return (
    <div class="card-grid">
      {posts.map((p, i) => (
        <PostCard
          key={p.id}
          post={p}
          cover={p.coverMediaId ? covers.get(p.coverMediaId) : undefined}
          timeZone={timeZone}
          eager={i < eagerFirst}
          showAgency={showAgency}
        />
      ))}
    </div>
  );
}
