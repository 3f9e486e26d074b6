import sanitizeHtml from 'sanitize-html';

/**
 * The one gate for post and page bodies: an allowlist of structural tags, links limited to
 * http(s)/mailto, images only from our own media. No style, class or event attribute survives.
 * Everything stored as `bodyHtml` has passed through here; views print it through `TrustedHtml`.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'a',
    'ul',
    'ol',
    'li',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'hr',
    'code',
    'pre',
    'figure',
    'figcaption',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'caption',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  // h1 belongs to the page; lower it instead of dropping the text.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...attribs,
        ...(/^https?:/i.test(attribs.href ?? '') ? { rel: 'noopener noreferrer' } : {}),
      },
    }),
  },
  exclusiveFilter: (frame) =>
    frame.tag === 'img' && !/^\/media\/[a-z0-9/_.-]+$/.test(frame.attribs.src ?? ''),
  disallowedTagsMode: 'discard',
};
options.allowedAttributes = { ...options.allowedAttributes, a: ['href', 'title', 'rel'] };

export function sanitizePostHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** Plain text of a body, for summaries, feeds and search. */
export function htmlToText(html: string): string {
  // A space where a block ends, so "<p>A</p><p>B</p>" reads "A B", not "AB".
  const spaced = html.replace(/<\/(?:p|h[1-6]|li|blockquote|td|th|pre|figcaption)>|<br\s*\/?>/gi, '$& ');
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
