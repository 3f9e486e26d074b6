import { uploadsPath, withoutSize } from './wordpress.media.js';

/**
 * How an old WordPress address is written as a key of legacy_redirects, shared by the import
 * (which writes them) and the lookup (which reads them), so the two cannot drift apart.
 */

/** "/2021/05/19/Judul/" → "/2021/05/19/judul"; undefined when it names nothing. */
export function pathKey(pathname: string): string | undefined {
  let p: string;
  try {
    p = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const clean = p
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '');
  return clean && clean !== '/' ? `path:${clean}` : undefined;
}

/** The path of an old permalink ("https://old.site/2021/05/slug/" → key of "/2021/05/slug"). */
export function linkKey(link: string, siteUrl: string): string | undefined {
  try {
    const url = new URL(link, siteUrl || 'http://old.invalid');
    const base = new URL(siteUrl || 'http://old.invalid').pathname.replace(/\/+$/, '');
    const p = base && url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname;
    return pathKey(p);
  } catch {
    return undefined;
  }
}

const ID = /^\d{1,12}$/;

/** The keys to try for one request, most specific first; the request's own path comes in already without /opd/{slug}. */
export function keysFor(pathname: string, query: Record<string, unknown>): string[] {
  const keys: string[] = [];
  if (pathname === '/' || pathname === '') {
    for (const name of ['p', 'page_id', 'cat', 'attachment_id']) {
      const v = query[name];
      if (typeof v === 'string' && ID.test(v))
        keys.push(`${name === 'attachment_id' ? 'p' : name}=${Number(v)}`);
    }
    return keys;
  }
  const upload = uploadsPath(pathname);
  if (upload) return [`upload:${upload}`, `upload:${withoutSize(upload)}`];
  const key = pathKey(pathname);
  if (!key) return keys;
  keys.push(key);
  // /2021/05/19/slug, /berita/slug/amp… : the last part is the old slug, whatever the permalink shape.
  const last = key.split('/').pop();
  if (last && !/^\d+$/.test(last)) keys.push(`slug:${last}`);
  return keys;
}

/** Paths whose answer is the same for every imported site. */
export function fixedTarget(pathname: string): string | undefined {
  const p = pathname.toLowerCase().replace(/\/+$/, '');
  if (p === '/feed' || p === '/rss' || p === '/feed/rss2' || p === '/feed/atom') return '/feed.xml';
  return undefined;
}
