import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { SESSION_COOKIE } from '../accounts/sessions.js';
import { FLASH_COOKIE } from './page.js';

/*
 * What the page cache keeps and how a kept page is described to browsers: the rules shared by the
 * Fastify hooks (page-cache.ts) and the raw fast path in front of Fastify (fast-path.ts), so both
 * answer exactly the same requests with exactly the same bytes.
 */

/** The route patterns whose anonymous pages may be kept; ttlMs for pages the version does not cover. */
export const CACHED_ROUTES: ReadonlyMap<string, { ttlMs?: number }> = new Map([
  ['/', {}],
  ['/opd', {}],
  ['/opd/:slug', {}],
  ['/berita', {}],
  ['/berita/:postSlug', {}],
  ['/opd/:slug/berita', {}],
  ['/opd/:slug/berita/:postSlug', {}],
  ['/opd/:slug/:page', {}],
  ['/:page', {}],
  ['/cari', {}],
  // Service standards (src/standards): their tables bump the content version.
  ['/layanan', {}],
  ['/layanan/:service', {}],
  ['/layanan/:service/poster', {}],
  ['/opd/:slug/layanan', {}],
  ['/opd/:slug/layanan/:service', {}],
  ['/opd/:slug/layanan/:service/poster', {}],
  ['/feed.xml', {}],
  ['/opd/:slug/feed.xml', {}],
  ['/sitemap.xml', {}],
  // Complaints change hundreds of times a second and bump no version; figures lag a minute anyway.
  ['/aduan/laporan', { ttlMs: 5_000 }],
  ['/aduan/kinerja', { ttlMs: 5_000 }],
]);

export const CACHEABLE_TYPES = /^(text\/html|application\/(xml|rss\+xml|atom\+xml|json))\s*(;|$)/i;

/** The headers that describe the body; a hit through Fastify gets the security headers from the hooks. */
export const KEPT_HEADERS = [
  'content-type',
  'content-encoding',
  'content-language',
  'vary',
  'cache-control',
  'etag',
  'last-modified',
  'link',
  'x-robots-tag',
];

/**
 * Headers of a response that are never replayed by the fast path: worked out per response (length,
 * date, connection) or per request (its id). Everything else the normal path sent is replayed.
 */
export const PER_RESPONSE_HEADERS = new Set([
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'set-cookie',
  'x-request-id',
]);

export const MAX_URL = 2048;

/**
 * How browsers and shared caches may keep a public page: always ask again (max-age=0), answered
 * by a 304 when the ETag still matches, but a copy up to a minute old may be shown while asking
 * (stale-while-revalidate), so a publish shows at the latest on the visit after the next. Within
 * the complaint figures' ttl, as max-age is 0. s-maxage=1 lets a shared cache in front (nginx,
 * deploy/nginx.conf) keep the page at all — nginx stores nothing whose max-age is 0 — and answer
 * from it for a second, then while it revalidates in the background.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=1, stale-while-revalidate=60';
/** The page differs by encoding and, for signed-in visitors, by the session cookie. */
export const PUBLIC_VARY = ['accept-encoding', 'cookie'];

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The encoding @fastify/compress will choose (br over gzip at equal weight; `*` counts as gzip, as
 * there). Only an encoding the visitor accepts is named; an entry is stored only when the response
 * really has that encoding or none, so a header read differently merely misses the cache.
 */
export function encodingClass(header: string | string[] | undefined): Encoding {
  if (typeof header !== 'string' || header === '') return 'identity';
  // Browsers send a handful of distinct values; each is parsed once (the fast path asks on every hit).
  const known = encodingsSeen.get(header);
  if (known) return known;
  const encoding = parseAcceptEncoding(header);
  if (encodingsSeen.size < 64) encodingsSeen.set(header, encoding);
  return encoding;
}

const encodingsSeen = new Map<string, Encoding>();

function parseAcceptEncoding(header: string): Encoding {
  let br = 0;
  let gzip = 0;
  for (const part of header.toLowerCase().split(',')) {
    const [token = '', ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) || 0 : 1;
    if (token === 'br') br = weight;
    else if (token === 'gzip' || token === 'x-gzip' || (token === '*' && gzip === 0)) gzip = weight;
  }
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : 'identity';
}

/** The cache key: one agency's host never gets another's page, nor one encoding another's bytes. */
export function cacheKey(host: string, encoding: Encoding, url: string): string {
  return `${host.toLowerCase()} ${encoding} ${url}`;
}

/** Whether a raw cookie header may carry a session or flash cookie (then the page is personal). */
export function mayBePersonal(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.includes(SESSION_COOKIE) || cookieHeader.includes(FLASH_COOKIE);
}

/** A request the cache may answer at all: GET or HEAD, anonymous, of a sane length. */
export function askable(method: string | undefined, url: string, headers: IncomingHttpHeaders): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  return url.length <= MAX_URL && !headers.authorization;
}

/** A strong validator for one stored representation: the same bytes, the same tag, in any process. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** If-None-Match against an ETag, by the weak comparison RFC 9110 prescribes for it. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string | undefined): boolean {
  if (!ifNoneMatch || !etag) return false;
  if (ifNoneMatch.trim() === '*') return true;
  for (const raw of ifNoneMatch.split(',')) {
    const tag = raw.trim();
    if ((tag.startsWith('W/') ? tag.slice(2) : tag) === etag) return true;
  }
  return false;
}

/** A Vary value with `names` added once each (case-insensitively) to what is there. */
export function addVary(current: unknown, names: readonly string[]): string {
  const present = String(current ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const lower = new Set(present.map((s) => s.toLowerCase()));
  if (lower.has('*')) return '*';
  return [...present, ...names.filter((n) => !lower.has(n))].join(', ');
}
