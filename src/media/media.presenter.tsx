import { MEDIA_URL_PREFIX } from '../storage/storage.js';
import { OG_FILE, ORIGINAL_FILE } from './image.js';
import { MEDIA_WARNINGS, type Media, type MediaVariant, type MediaWarning } from './media.table.js';

export interface MediaVariantJson {
  width: number;
  format: 'webp' | 'jpeg';
  url: string;
}

/** A photo as the API answers it and as pages render it. */
export interface MediaJson {
  id: string;
  /** the cleaned original (JPEG, at most 2560 px, no metadata) */
  url: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  variants: MediaVariantJson[];
  warnings: MediaWarning[];
  /** the 1200×630 crop for link previews (og:image) */
  og_url: string;
}

function parseList<T>(json: string, keep: (item: unknown) => item is T): T[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter(keep) : [];
  } catch {
    return [];
  }
}

const isVariant = (v: unknown): v is MediaVariant =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as MediaVariant).key === 'string' &&
  typeof (v as MediaVariant).width === 'number' &&
  ((v as MediaVariant).format === 'webp' || (v as MediaVariant).format === 'jpeg');

const isWarning = (w: unknown): w is MediaWarning => MEDIA_WARNINGS.includes(w as MediaWarning);

export const variantsOf = (media: Pick<Media, 'variants'>): MediaVariant[] =>
  parseList(media.variants, isVariant);

export const warningsOf = (media: Pick<Media, 'warnings'>): MediaWarning[] =>
  parseList(media.warnings, isWarning);

/**
 * The public path of a stored file. Views hold rows, not the storage, so the path is derived here, in
 * the one place that must agree with Storage.url (the local storage serves keys under /media/).
 */
export const mediaPath = (key: string): string => `${MEDIA_URL_PREFIX}${key}`;

/**
 * `baseUrl` makes the URLs absolute (the API: its clients live elsewhere). Pages leave it out: a
 * relative /media/… works on the portal and on every agency's own host alike.
 */
export function presentMedia(media: Media, baseUrl?: string): MediaJson {
  const url = (key: string) => (baseUrl ? new URL(mediaPath(key), baseUrl).href : mediaPath(key));
  return {
    id: media.id,
    url: url(`${media.storageKey}/${ORIGINAL_FILE}`),
    width: media.width,
    height: media.height,
    alt: media.alt,
    caption: media.caption,
    credit: media.credit,
    variants: variantsOf(media).map((v) => ({ width: v.width, format: v.format, url: url(v.key) })),
    warnings: warningsOf(media),
    og_url: url(`${media.storageKey}/${OG_FILE}`),
  };
}

/** The path of the 1200×630 link-preview crop (og:image, twitter:image); prefix the site's base URL. */
export const ogImageUrl = (media: Pick<Media, 'storageKey'>): string =>
  mediaPath(`${media.storageKey}/${OG_FILE}`);

const srcset = (variants: MediaVariant[], format: 'webp' | 'jpeg') =>
  variants
    .filter((v) => v.format === format)
    .map((v) => `${mediaPath(v.key)} ${v.width}w`)
    .join(', ');

/** The smallest JPEG (320 px wide, or the photo itself when smaller): for pickers and lists of photos. */
export function thumbnailPath(media: Pick<Media, 'storageKey' | 'variants'>): string {
  const jpegs = variantsOf(media).filter((v) => v.format === 'jpeg');
  const smallest = jpegs.reduce<MediaVariant | undefined>(
    (a, v) => (a && a.width <= v.width ? a : v),
    undefined,
  );
  return mediaPath(smallest?.key ?? `${media.storageKey}/${ORIGINAL_FILE}`);
}

/** The JPEG a browser ignoring srcset loads: about phone width, else the nearest there is. */
function fallback(media: Media, variants: MediaVariant[]): string {
  const jpegs = variants.filter((v) => v.format === 'jpeg').sort((a, b) => a.width - b.width);
  const chosen = jpegs.find((v) => v.width >= 640) ?? jpegs[jpegs.length - 1];
  return mediaPath(chosen?.key ?? `${media.storageKey}/${ORIGINAL_FILE}`);
}

export interface ResponsiveImageProps {
  media: Media;
  /** the `sizes` attribute: how wide the image is shown, e.g. "(min-width: 48em) 40rem, 100vw" */
  sizes: string;
  /** overrides the photo's own alt text; "" marks a decorative image */
  alt?: string;
  /** default true: below the fold. Pass false for the cover at the top of an article. */
  lazy?: boolean;
  class?: string;
}

/**
 * `<picture>`: WebP for the browsers that take it, JPEG for the rest; width and height reserve the
 * space before the bytes arrive (no layout shift on a slow connection).
 */
export function ResponsiveImage({ media, sizes, alt, lazy = true, class: className }: ResponsiveImageProps) {
  const variants = variantsOf(media);
  const webp = srcset(variants, 'webp');
  const jpeg = srcset(variants, 'jpeg');
  return (
    <picture class={className}>
      {webp ? <source type="image/webp" srcset={webp} sizes={sizes} /> : null}
      <img
        src={fallback(media, variants)}
        srcset={jpeg || undefined}
        sizes={jpeg ? sizes : undefined}
        width={media.width}
        height={media.height}
        alt={alt ?? media.alt}
        loading={lazy ? 'lazy' : undefined}
        decoding="async"
      />
    </picture>
  );
}
