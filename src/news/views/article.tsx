import { t } from '../../i18n/index.js';
import type { Media } from '../../media/media.table.js';
import { ogImageUrl, ResponsiveImage } from '../../media/media.presenter.js';
import { formatDate } from '../../time/format.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { JsonLd, TrustedHtml } from '../../views/trusted-html.js';
import { postPath, type PublishedPost } from '../news.queries.js';
import { PostGrid } from './post-card.js';

interface ArticleProps {
  ctx: PageContext;
  post: PublishedPost;
  cover: Media | undefined;
  gallery: Media[];
  tags: string[];
  related: PublishedPost[];
  relatedCovers: Map<string, Media>;
  baseUrl: string;
}

function ShareLinks({ url, title }: { url: string; title: string }) {
  const u = encodeURIComponent(url);
  return (
    <section class="share" aria-labelledby="judul-bagikan">
      <h2 id="judul-bagikan" class="share__title">
        Bagikan
      </h2>
      <ul class="share__list">
        <li>
          <a href={`https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`} rel="noopener noreferrer">
            WhatsApp
          </a>
        </li>
        <li>
          <a href={`https://www.facebook.com/sharer/sharer.php?u=${u}`} rel="noopener noreferrer">
            Facebook
          </a>
        </li>
        <li>
          <a
            href={`https://twitter.com/intent/tweet?url=${u}&text=${encodeURIComponent(title)}`}
            rel="noopener noreferrer"
          >
            X
          </a>
        </li>
      </ul>
      <label class="field__label" for="tautan-berita">
        Salin tautan
      </label>
      <input class="input" id="tautan-berita" type="url" value={url} readOnly />
    </section>
  );
}

/** The article: cover, text, gallery (plain figures, no script), share links and related posts. */
export function ArticlePage({
  ctx,
  post,
  cover,
  gallery,
  tags,
  related,
  relatedCovers,
  baseUrl,
}: ArticleProps) {
  const tz = ctx.installation.timeZone;
  const url = `${baseUrl}${postPath(post)}`;
  // The cover is shown at the top already; the gallery holds the rest.
  const others = gallery.filter((g) => g.id !== cover?.id);
  const image = cover ? `${baseUrl}${ogImageUrl(cover)}` : undefined;
  const head = (
    <>
      <link rel="canonical" href={url} />
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={ctx.installation.name} />
      <meta property="og:locale" content="id_ID" />
      <meta property="og:title" content={post.title} />
      <meta property="og:description" content={post.summary} />
      <meta property="og:url" content={url} />
      {image ? <meta property="og:image" content={image} /> : null}
      {image ? <meta property="og:image:width" content="1200" /> : null}
      {image ? <meta property="og:image:height" content="630" /> : null}
      {image && cover?.alt ? <meta property="og:image:alt" content={cover.alt} /> : null}
      <meta property="article:published_time" content={post.publishedAt} />
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={post.title} />
      <meta name="twitter:description" content={post.summary} />
      {image ? <meta name="twitter:image" content={image} /> : null}
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: post.title,
          description: post.summary,
          datePublished: post.publishedAt,
          dateModified: post.updatedAt,
          mainEntityOfPage: url,
          ...(image ? { image: [image] } : {}),
          author: { '@type': 'Person', name: post.byline || post.agencyName },
          publisher: {
            '@type': 'GovernmentOrganization',
            name: post.agencyName,
            url: `${baseUrl}/opd/${post.agencySlug}`,
          },
        }}
      />
    </>
  );
  return (
    <Layout
      ctx={ctx}
      title={post.title}
      description={post.summary}
      head={head}
      crumbs={[
        { href: '/', label: t.nav.home },
        { href: `/opd/${post.agencySlug}`, label: post.agencyShortName },
        { href: `/opd/${post.agencySlug}/berita`, label: t.nav.news },
      ]}
    >
      <article class="article">
        <header>
          <h1>{post.title}</h1>
          <p class="article__meta">
            <time dateTime={post.publishedAt}>{formatDate(post.publishedAt, tz)}</time> ·{' '}
            <a href={`/opd/${post.agencySlug}`}>{post.agencyName}</a>
            {post.byline ? ` · ${post.byline}` : ''}
            {post.categoryName ? ` · ${post.categoryName}` : ''}
            {post.regionName ? ` · Kelurahan ${post.regionName}` : ''}
          </p>
        </header>
        {cover ? (
          <figure class="article__cover">
            <ResponsiveImage media={cover} sizes="(min-width: 48em) 46rem, 100vw" />
            {cover.caption || cover.credit ? (
              <figcaption>
                {cover.caption}
                {cover.credit ? <span class="muted"> Foto: {cover.credit}</span> : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        <TrustedHtml html={post.bodyHtml} class="article__body" />
        {others.length ? (
          <section aria-labelledby="judul-galeri">
            <h2 id="judul-galeri">Galeri foto</h2>
            <ul class="gallery">
              {others.map((g) => (
                <li key={g.id}>
                  <figure>
                    <ResponsiveImage media={g} sizes="(min-width: 48em) 15rem, 50vw" lazy />
                    <figcaption>
                      {g.caption || g.alt}
                      {g.credit ? <span class="muted"> Foto: {g.credit}</span> : null}
                    </figcaption>
                  </figure>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {tags.length ? (
          <p>
            Tag:{' '}
            {tags.map((tag) => (
              <span key={tag} class="tag">
                {tag}
              </span>
            ))}
          </p>
        ) : null}
        <ShareLinks url={url} title={post.title} />
      </article>
      {related.length ? (
        <section aria-labelledby="judul-terkait">
          <h2 id="judul-terkait">Berita terkait</h2>
          <PostGrid posts={related} covers={relatedCovers} timeZone={tz} />
        </section>
      ) : null}
    </Layout>
  );
}
