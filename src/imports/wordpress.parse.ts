import { XMLParser } from 'fast-xml-parser';
import { ValidationError } from '../errors.js';
import { m } from './messages.js';

/** A WordPress export is a few MB per thousand posts; past this it is not an OPD's news site. */
export const MAX_WXR_BYTES = 64 * 1024 * 1024;

export type WxrKind = 'post' | 'page' | 'attachment';

export interface WxrAuthor {
  login: string;
  email: string;
  displayName: string;
}

export interface WxrTerm {
  slug: string;
  name: string;
}

export interface WxrItem {
  kind: WxrKind;
  /** wp:post_id on the old site: the `?p=` and `?page_id=` of old links */
  wpId: number;
  guid: string;
  /** the permalink on the old site */
  link: string;
  title: string;
  /** wp:post_name, may be empty for drafts */
  slug: string;
  /** publish, draft, pending, private, future, inherit, trash… */
  status: string;
  content: string;
  excerpt: string;
  /** post_date_gmt as ISO 8601 UTC; empty for never-published drafts */
  dateGmt: string;
  authorLogin: string;
  categories: WxrTerm[];
  tags: WxrTerm[];
  thumbnailId: number | null;
  parentId: number;
  /** attachments: the file's URL on the old site and its path under wp-content/uploads */
  attachmentUrl: string;
  attachedFile: string;
  alt: string;
}

export interface Wxr {
  /** wp:base_site_url, e.g. https://dinkes.pontianak.go.id */
  siteUrl: string;
  authors: WxrAuthor[];
  categories: (WxrTerm & { wpId: number })[];
  tags: (WxrTerm & { wpId: number })[];
  items: WxrItem[];
}

type Node = Record<string, unknown>;

const ARRAYS = new Set([
  'rss.channel.item',
  'rss.channel.wp:author',
  'rss.channel.wp:category',
  'rss.channel.wp:tag',
]);
const ITEM_ARRAYS = new Set(['category', 'wp:postmeta']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Entities beyond the five XML ones are never expanded (no DOCTYPE is accepted anyway).
  processEntities: true,
  htmlEntities: false,
  isArray: (_name, jpath) =>
    ARRAYS.has(String(jpath)) || ITEM_ARRAYS.has(String(jpath).replace(/^rss\.channel\.item\./, '')),
});

const text = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (typeof v === 'object' && '#text' in (v as Node)) return text((v as Node)['#text']);
  return '';
};
const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : []);

/**
 * Refuses what is not a WordPress export before parsing: binary or HTML, and any DOCTYPE (WordPress
 * never writes one; it is how entity-expansion and external-entity attacks arrive).
 */
export function assertLooksLikeWxr(xml: string): void {
  const start = xml
    .slice(0, 1024)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!start.startsWith('<')) throw new ValidationError({ file: m.notXml });
  // Everything before the root element, however long its comments: where a DOCTYPE would be.
  const root = xml.search(/<rss[\s>]/);
  const prolog = root < 0 ? xml.slice(0, 64 * 1024) : xml.slice(0, root);
  if (/<!DOCTYPE|<!ENTITY/i.test(prolog)) throw new ValidationError({ file: m.doctype });
  if (root < 0 || !/wordpress\.org\/export/.test(xml.slice(root, root + 4096)))
    throw new ValidationError({ file: m.notWxr });
}

function metaOf(item: Node): Map<string, string> {
  const meta = new Map<string, string>();
  for (const pm of list(item['wp:postmeta'])) meta.set(text(pm['wp:meta_key']), text(pm['wp:meta_value']));
  return meta;
}

function gmtIso(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(value);
  if (!match || value.startsWith('0000')) return '';
  return new Date(`${match[1]}T${match[2]}Z`).toISOString();
}

function toItem(item: Node): WxrItem | null {
  const kind = text(item['wp:post_type']);
  if (kind !== 'post' && kind !== 'page' && kind !== 'attachment') return null;
  const meta = metaOf(item);
  const terms = (domain: string): WxrTerm[] =>
    list(item.category)
      .filter((c) => c['@_domain'] === domain)
      .map((c) => ({ slug: String(c['@_nicename'] ?? ''), name: text(c) }))
      .filter((c) => c.slug);
  const thumb = Number(meta.get('_thumbnail_id') ?? '');
  return {
    kind,
    wpId: Number(text(item['wp:post_id'])) || 0,
    guid: text(item.guid),
    link: text(item.link),
    title: text(item.title),
    slug: text(item['wp:post_name']),
    status: text(item['wp:status']),
    content: text(item['content:encoded']),
    excerpt: text(item['excerpt:encoded']),
    dateGmt: gmtIso(text(item['wp:post_date_gmt'])),
    authorLogin: text(item['dc:creator']),
    categories: terms('category'),
    tags: terms('post_tag'),
    thumbnailId: Number.isInteger(thumb) && thumb > 0 ? thumb : null,
    parentId: Number(text(item['wp:post_parent'])) || 0,
    attachmentUrl: text(item['wp:attachment_url']),
    attachedFile: meta.get('_wp_attached_file') ?? '',
    alt: meta.get('_wp_attachment_image_alt') ?? '',
  };
}

/** The whole export in memory: 2,000 posts are about 12 MB of XML, parsed in about a second. */
export function parseWxr(xml: string): Wxr {
  assertLooksLikeWxr(xml);
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch {
    throw new ValidationError({ file: m.malformed });
  }
  const channel = (doc.rss as Node | undefined)?.channel as Node | undefined;
  if (!channel) throw new ValidationError({ file: m.notWxr });
  return {
    siteUrl: text(channel['wp:base_site_url']) || text(channel.link),
    authors: list(channel['wp:author']).map((a) => ({
      login: text(a['wp:author_login']),
      email: text(a['wp:author_email']).toLowerCase(),
      displayName: text(a['wp:author_display_name']) || text(a['wp:author_login']),
    })),
    categories: list(channel['wp:category']).map((c) => ({
      wpId: Number(text(c['wp:term_id'])) || 0,
      slug: text(c['wp:category_nicename']),
      name: text(c['wp:cat_name']),
    })),
    tags: list(channel['wp:tag']).map((c) => ({
      wpId: Number(text(c['wp:term_id'])) || 0,
      slug: text(c['wp:tag_slug']),
      name: text(c['wp:tag_name']),
    })),
    items: list(channel.item)
      .map(toItem)
      .filter((i): i is WxrItem => i !== null),
  };
}
