import { Transform } from 'node:stream';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { SESSION_COOKIE } from '../accounts/sessions.js';
import { FLASH_COOKIE, isPersonal } from './page.js';
import { PageStore } from './page-cache.store.js';

/*
 * The page cache: anonymous public pages answered from memory, the same bytes a fresh render would
 * send (compressed as the visitor asked), so a busy portal costs a Map lookup per request.
 *
 * Correct across processes: every entry remembers the content version (a number the database
 * bumps, by triggers, with every change to what public pages show; see the migration
 * 2026_11_28_2200_create_content_version.ts) read BEFORE its page was rendered, and is served only
 * while the version is unchanged. A change made through any process, or by hand in SQL, makes
 * every process render afresh. Each process reads the version at most once per `versionCacheMs`
 * (a change shows everywhere within that window; zero reads it on every request), and at once
 * after it has handled a write of its own, so whoever saves sees the result on their next page.
 *
 * What is kept, and only then:
 * - routes named in CACHED_ROUTES (an allowlist: a new page is never cached until someone decides
 *   it shows nothing personal); complaint pages for a few seconds, as complaints bump no version;
 * - GET (HEAD is answered from a GET's entry), no Authorization header, no session or flash cookie
 *   (signed-in staff see their own navigation; a flash message is for one visitor);
 * - status 200, an HTML, XML, RSS, Atom or JSON type, no Set-Cookie, and the page used no CSRF
 *   token and no flash message (page.ts marks those replies).
 * The key is the Host, the whole URL with its query, and the encoding class (br, gzip, identity),
 * so one agency's host never gets another's page. Headers that describe the body are kept; the
 * security headers are set by their hooks on every answer, a hit included. Memory is bounded:
 * least recently used entries go first past `maxBytes`. Requests for a page another request is
 * rendering wait for that render (up to WAIT_MS) rather than all rendering it after a change.
 *
 * Registered after @fastify/compress, whose onSend must run first on each route, and before the
 * tenant and session plugins, whose database lookups a hit skips.
 */

/** The route patterns whose anonymous pages may be kept; ttlMs for pages the version does not cover. */
const CACHED_ROUTES: ReadonlyMap<string, { ttlMs?: number }> = new Map([
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

const CACHEABLE_TYPES = /^(text\/html|application\/(xml|rss\+xml|atom\+xml|json))\s*(;|$)/i;
/** The headers that describe the body; everything else (security headers) comes from the hooks. */
const KEPT_HEADERS = [
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
const MAX_URL = 2048;
/** the longest a request waits for another's render of the same page before rendering its own */
const WAIT_MS = 1_000;

type Encoding = 'br' | 'gzip' | 'identity';

/** A page being rendered for a key: requests for the same key and version wait for it. */
interface Flight {
  version: number;
  done: Promise<void>;
  settle: () => void;
}

interface Pending {
  key: string;
  version: number;
  encoding: Encoding;
  ttlMs: number | undefined;
  /** set on the one request that renders for the others */
  flight?: Flight;
}

export interface PageCacheOptions {
  /** the most the bodies and their bookkeeping may take, in bytes; default 64 MB */
  maxBytes?: number;
  /** how long a process trusts the content version it last read, in ms; 0 reads it per request */
  versionCacheMs?: number;
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  stores: number;
  entries: number;
  bytes: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    pageCache: { stats(): PageCacheStats; clear(): void };
  }
}

/**
 * The encoding @fastify/compress will choose (br over gzip at equal weight; `*` counts as gzip, as
 * there). Only an encoding the visitor accepts is named; an entry is stored only when the response
 * really has that encoding or none, so a header read differently merely misses the cache.
 */
export function encodingClass(header: string | string[] | undefined): Encoding {
  if (typeof header !== 'string' || header === '') return 'identity';
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

async function waitAtMost(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([promise, timeout]);
  clearTimeout(timer);
}

export const pageCachePlugin = fp(async (app: FastifyInstance, opts: PageCacheOptions) => {
  const store = new PageStore(opts.maxBytes ?? 64 * 1024 * 1024);
  const versionCacheMs = opts.versionCacheMs ?? 100;
  const pending = new WeakMap<FastifyRequest, Pending>();
  const flights = new Map<string, Flight>();
  const stats = { hits: 0, misses: 0 };

  let known: { version: number; at: number } | undefined;
  let reading: Promise<number> | undefined;
  /** counts this process's own writes: a read begun before one is not trusted after it */
  let writes = 0;
  async function readVersion(): Promise<number> {
    const row = await app.db
      .selectFrom('contentVersion')
      .select('version')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.version);
  }
  /** The current content version, or the one read within the window. */
  function currentVersion(): Promise<number> {
    if (versionCacheMs <= 0) return readVersion();
    if (known && Date.now() - known.at < versionCacheMs) return Promise.resolve(known.version);
    // Requests inside the window may share a read; with no window each reads after it arrived.
    if (reading) return reading;
    const begun = writes;
    const read = readVersion()
      .then((version) => {
        if (writes === begun) known = { version, at: Date.now() };
        return version;
      })
      .finally(() => {
        if (reading === read) reading = undefined;
      });
    reading = read;
    return read;
  }

  /** Keeps the response's body and the headers that describe it. */
  function keep(p: Pending, reply: FastifyReply, body: Buffer) {
    const headers: [string, string][] = [];
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
    }
    store.put(p.key, p.version, p.ttlMs, headers, body);
  }

  /** The pending store for this request when the response is one to keep, else undefined. */
  function keepable(request: FastifyRequest, reply: FastifyReply): Pending | undefined {
    const p = pending.get(request);
    if (!p || request.method !== 'GET' || reply.statusCode !== 200) return undefined;
    if (isPersonal(reply) || reply.hasHeader('set-cookie')) return undefined;
    if (!CACHEABLE_TYPES.test(String(reply.getHeader('content-type') ?? ''))) return undefined;
    const encoding = reply.getHeader('content-encoding');
    if (encoding !== undefined && encoding !== p.encoding) return undefined;
    return p;
  }

  // Runs after @fastify/compress's own onSend (registered on each route before this one), so
  // what is kept is the body as sent: compressed once, served many times.
  const capture: onSendHookHandler = (request, reply, payload, done) => {
    const p = keepable(request, reply);
    if (!p) return done(null, payload);
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      keep(p, reply, Buffer.isBuffer(payload) ? payload : Buffer.from(payload));
      return done(null, payload);
    }
    if (!payload || typeof (payload as NodeJS.ReadableStream).pipe !== 'function') return done(null, payload);
    // A streamed (large) body: pass it on and keep a copy, stored only if it ends whole.
    const chunks: Buffer[] = [];
    let size = 0;
    const tee = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size <= store.maxEntryBytes) chunks.push(chunk);
        callback(null, chunk);
      },
      flush(callback) {
        if (size <= store.maxEntryBytes) keep(p, reply, Buffer.concat(chunks));
        callback();
      },
    });
    const source = payload as NodeJS.ReadableStream;
    source.on('error', (err) => tee.destroy(err));
    done(null, source.pipe(tee));
  };

  app.addHook('onRoute', (route) => {
    if (!CACHED_ROUTES.has(route.url)) return;
    route.onSend = [route.onSend ?? [], capture].flat();
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const rule = CACHED_ROUTES.get(request.routeOptions.url ?? '');
    if (!rule || request.url.length > MAX_URL || request.headers.authorization) return;
    if (request.cookies[SESSION_COOKIE] !== undefined || request.cookies[FLASH_COOKIE] !== undefined) return;
    let version: number;
    try {
      version = await currentVersion();
    } catch (err) {
      // No version, no cache: the page is rendered as if there were none (and reports its own error).
      request.log.warn({ err }, 'page cache: content version unreadable');
      return;
    }
    const encoding = encodingClass(request.headers['accept-encoding']);
    const key = `${request.host.toLowerCase()} ${encoding} ${request.url}`;
    let entry = store.current(key, version);
    const flight = flights.get(key);
    if (!entry && flight?.version === version) {
      // Another request is rendering this very page (just after a change, under load): one
      // render serves them all instead of each rendering a slow search at once.
      await waitAtMost(flight.done, WAIT_MS);
      entry = store.current(key, version);
    }
    if (entry) {
      stats.hits++;
      store.touch(key, entry);
      reply.code(200);
      for (const [name, value] of entry.headers) reply.header(name, value);
      return reply.send(entry.body);
    }
    stats.misses++;
    const p: Pending = { key, version, encoding, ttlMs: rule.ttlMs };
    if (request.method === 'GET' && flight?.version !== version) {
      let settle = () => undefined as void;
      const done = new Promise<void>((resolve) => (settle = resolve));
      flights.set(key, (p.flight = { version, done, settle }));
    }
    pending.set(request, p);
  });

  function land(request: FastifyRequest) {
    const p = pending.get(request);
    if (!p?.flight) return;
    p.flight.settle();
    if (flights.get(p.key) === p.flight) flights.delete(p.key);
    p.flight = undefined;
  }

  app.addHook('onResponse', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD') return land(request);
    // Whoever just saved something through this process sees it on their next page, window or not.
    writes++;
    known = undefined;
    reading = undefined;
  });
  app.addHook('onRequestAbort', async (request) => land(request));

  app.decorate('pageCache', {
    stats: (): PageCacheStats => ({
      ...stats,
      stores: store.stores,
      entries: store.size,
      bytes: store.bytes,
    }),
    clear: () => store.clear(),
  });
});
