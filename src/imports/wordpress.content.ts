import { sanitizePostHtml } from '../news/sanitize.js';
import { m } from './messages.js';

/**
 * A WordPress body made fit for Balairung: paragraphs for classic-editor text, [caption] as a
 * figure, [gallery] into the post's gallery, image links pointed at the new media, and whatever
 * cannot be carried (embeds, iframes, unknown shortcodes) named in `warnings` before the one
 * sanitiser (src/news/sanitize.ts) takes the rest.
 */

export interface MediaLookup {
  /** the new URL of an old image: by attachment id (class wp-image-N) or by its uploads path */
  urlFor(src: string, attachmentId: number | null): string | null;
}

export interface Converted {
  bodyHtml: string;
  /** attachment ids named by [gallery ids="…"] */
  galleryIds: number[];
  /** a [gallery] without ids shows the post's own attachments */
  galleryOfChildren: boolean;
  warnings: string[];
}

const BLOCK = /<(?:p|div|h[1-6]|ul|ol|figure|blockquote|table|pre)[\s>]|<!-- wp:/i;
const attr = (attrs: string, name: string): string =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>\\]]+))`, 'i')
    .exec(attrs)
    ?.slice(1)
    .find((v) => v !== undefined) ?? '';
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const linkTo = (url: string) => `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`;

/** WordPress's wpautop, the part that matters: blank lines make paragraphs, single ones breaks. */
export function autop(text: string): string {
  if (BLOCK.test(text)) return text;
  return text
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => `<p>${para.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

function captions(html: string): string {
  return html.replace(
    /\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi,
    (_all, attrs: string, inner: string) => {
      const media = /(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*<\/a>)?/i.exec(inner)?.[0] ?? '';
      const caption = (inner.replace(media, '').trim() || attr(attrs, 'caption')).trim();
      return `<figure>${media}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
    },
  );
}

function embeds(html: string, warnings: string[]): string {
  return (
    html
      .replace(/\[embed[^\]]*\]([\s\S]*?)\[\/embed\]/gi, (_a, url: string) => {
        warnings.push(m.embed(url.trim()));
        return linkTo(url.trim());
      })
      // Gutenberg embed blocks keep the URL inside a wrapper div.
      .replace(
        /<figure[^>]*wp-block-embed[^>]*>[\s\S]*?wp-block-embed__wrapper[^>]*>\s*([^<\s]+)\s*<\/div>[\s\S]*?<\/figure>/gi,
        (_a, url: string) => {
          warnings.push(m.embed(url));
          return linkTo(url);
        },
      )
      .replace(
        /<iframe\b([^>]*)>[\s\S]*?<\/iframe>|<iframe\b([^>]*)\/?>/gi,
        (_a, a1?: string, a2?: string) => {
          const src = attr(a1 ?? a2 ?? '', 'src');
          warnings.push(m.iframe(src || 'tanpa alamat'));
          return /^https?:\/\//i.test(src) ? linkTo(src) : '';
        },
      )
      .replace(/<script\b[\s\S]*?<\/script>/gi, () => {
        warnings.push(m.script);
        return '';
      })
      .replace(/<(video|audio|object|embed)\b[\s\S]*?(?:<\/\1>|\/>|>)/gi, (_a, tag: string) => {
        warnings.push(m.mediaTag(tag.toLowerCase()));
        return '';
      })
      // Classic-editor oEmbed: a bare URL alone on its line became a player on the old site.
      .replace(/^(?:<p>)?\s*(https?:\/\/[^\s<]+)\s*(?:<\/p>)?$/gim, (_a, url: string) => {
        warnings.push(m.embed(url));
        return linkTo(url);
      })
  );
}

function galleries(html: string, out: Converted): string {
  return html.replace(/\[gallery([^\]]*)\]/gi, (_a, attrs: string) => {
    const ids = attr(attrs, 'ids')
      .split(',')
      .map((s) => Number(s.trim()))
      .filter((n) => Number.isInteger(n) && n > 0);
    if (ids.length) out.galleryIds.push(...ids);
    else out.galleryOfChildren = true;
    return '';
  });
}

/** Other shortcodes: the tags go, enclosed text stays, and each is named in the report. */
function otherShortcodes(html: string, warnings: string[]): string {
  const seen = new Set<string>();
  const note = (name: string) => {
    if (!seen.has(name)) warnings.push(m.shortcode(name));
    seen.add(name);
  };
  const closed = html.replace(
    /\[([a-z][a-z0-9_-]*)(\s[^\]]*)?\]([\s\S]*?)\[\/\1\]/g,
    (_a, name: string, _attrs: string, inner: string) => {
      note(name);
      return inner;
    },
  );
  return closed.replace(
    /\[([a-z][a-z0-9_-]*)(\s[^\]]*=[^\]]*)?\s*\/?\]/g,
    (all, name: string, attrs?: string) => {
      // "[1]" or "[foto]" in running text is not a shortcode unless it has attributes.
      if (!attrs) return all;
      note(name);
      return '';
    },
  );
}

function images(html: string, media: MediaLookup, warnings: string[]): string {
  const withImages = html.replace(/<img\b([^>]*)>/gi, (all, attrs: string) => {
    const src = attr(attrs, 'src');
    const id = Number(/wp-image-(\d+)/.exec(attr(attrs, 'class'))?.[1] ?? '') || null;
    const url = media.urlFor(src, id);
    if (!url) {
      warnings.push(m.imageMissing(src));
      return '';
    }
    return all.replace(/\bsrc\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, `src="${url}"`);
  });
  // A thumbnail linking to the full-size file: the link follows the photo to its new home.
  return withImages.replace(
    /(<a\b[^>]*\bhref\s*=\s*)("[^"]*"|'[^']*')/gi,
    (all, head: string, quoted: string) => {
      const href = quoted.slice(1, -1);
      if (!/\/wp-content\/uploads\//.test(href)) return all;
      const url = media.urlFor(href, null);
      return url ? `${head}"${url}"` : all;
    },
  );
}

export function convertBody(content: string, media: MediaLookup): Converted {
  const out: Converted = { bodyHtml: '', galleryIds: [], galleryOfChildren: false, warnings: [] };
  let html = autop(content);
  html = captions(html);
  html = galleries(html, out);
  html = embeds(html, out.warnings);
  html = otherShortcodes(html, out.warnings);
  html = images(html, media, out.warnings);
  out.bodyHtml = sanitizePostHtml(html);
  return out;
}
