import type { Readable } from 'node:stream';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { SESSION_COOKIE } from '../accounts/sessions.js';
import { FLASH_COOKIE, isPersonal } from './page.js';
import { gather, PageStore, type Entry } from './page-cache.store.js';
import {
  addVary,
  askable,
  cacheKey,
  CACHEABLE_TYPES,
  CACHED_ROUTES,
  encodingClass,
  etagMatches,
  etagOf,
  KEPT_HEADERS,
  mayBePersonal,
  PER_RESPONSE_HEADERS,
  PUBLIC_CACHE_CONTROL,
  PUBLIC_VARY,
  type Encoding,
} from './page-cache.rules.js';
import { ContentVersion } from './page-cache.version.js';
import { pageCacheAnswer, setFastAnswer } from './fast-path.js';

export { encodingClass } from './page-cache.rules.js';

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
 * What is kept, and only then (the rules live in page-cache.rules.ts):
 * - routes named in CACHED_ROUTES (an allowlist: a new page is never cached until someone decides
 *   it shows nothing personal); complaint pages for a few seconds, as complaints bump no version;
 * - GET (HEAD is answered from a GET's entry), no Authorization header, no session or flash cookie
 *   (signed-in staff see their own navigation; a flash message is for one visitor);
 * - status 200, an HTML, XML, RSS, Atom or JSON type, no Set-Cookie, and the page used no CSRF
 *   token and no flash message (page.ts marks those replies).
 * The key is the Host, the whole URL with its query, and the encoding class (br, gzip, identity),
 * so one agency's host never gets another's page. Memory is bounded: least recently used entries
 * go first past `maxBytes`. Requests for a page another request is rendering wait for that render
 * (up to WAIT_MS) rather than all rendering it after a change.
 *
 * Such pages (kept or not) are public to browsers too: Cache-Control PUBLIC_CACHE_CONTROL instead
 * of page.ts's no-store, Vary on encoding and cookie, and a strong ETag of the bytes, so a
 * browser's revalidation is a 304 without a body.
 *
 * Hits are answered twice over: by fast-path.ts in front of Fastify (no hooks, headers replayed
 * from the first answer), and here in onRequest for what the fast path lets through (a version
 * not yet read, a request waiting for another's render). Fastify alone renders and fills the cache.
 *
 * Registered after @fastify/compress, whose onSend must run first on each route, and before the
 * tenant and session plugins, whose database lookups a hit skips.
 */

/** the longest a request waits for another's render of the same page before rendering its own */
const WAIT_MS = 1_000;

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
  /** the most the bodies and their bookkeeping may take, in bytes; default 32 MB (2,000+ compressed pages) */
  maxBytes?: number;
  /** how long a process trusts the content version it last read, in ms; 0 reads it per request */
  versionCacheMs?: number;
}

export interface PageCacheStats {
  /** answers from memory, both ways */
  hits: number;
  /** of those, answered by the fast path before Fastify */
  fastHits: number;
  misses: number;
  stores: number;
  entries: number;
  bytes: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    pageCache: { stats(): PageCacheStats; clear(): void };
    /** what public pages show, as a number read at most once per window (tenant.ts keys on it too) */
    contentVersion: ContentVersion;
  }
}

async function waitAtMost(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([promise, timeout]);
  clearTimeout(timer);
}

/** The headers the first answer had: those that describe the body, and every one to replay. */
function sentHeaders(reply: FastifyReply) {
  const kept: [string, string][] = [];
  const all: [string, string][] = [];
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined || PER_RESPONSE_HEADERS.has(name)) continue;
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    all.push([name, text]);
    if (KEPT_HEADERS.includes(name)) kept.push([name, text]);
  }
  return { kept, all, requestId: reply.hasHeader('x-request-id') };
}

function isReadable(payload: unknown): payload is Readable {
  return typeof (payload as Readable | null)?.pipe === 'function';
}

/** A session or flash cookie by its exact name, as the signed-in and flash code read them. */
function personalCookie(request: FastifyRequest): boolean {
  return request.cookies[SESSION_COOKIE] !== undefined || request.cookies[FLASH_COOKIE] !== undefined;
}

/** Answers a hit inside Fastify: a 304 when the visitor holds these bytes, else the bytes. */
function answer(request: FastifyRequest, reply: FastifyReply, entry: Entry) {
  for (const [name, value] of entry.headers) reply.header(name, value);
  if (etagMatches(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  return reply.code(200).send(entry.body);
}

export const pageCachePlugin = fp(async (app: FastifyInstance, opts: PageCacheOptions) => {
  const store = new PageStore(opts.maxBytes ?? 32 * 1024 * 1024);
  const pending = new WeakMap<FastifyRequest, Pending>();
  const flights = new Map<string, Flight>();
  const stats = { hits: 0, fastHits: 0, misses: 0 };

  const contentVersion = new ContentVersion(async () => {
    const row = await app.db
      .selectFrom('contentVersion')
      .select('version')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.version);
  }, opts.versionCacheMs ?? 100);

  /** The pending store for this request when the response is a public page, else undefined. */
  function publicPage(request: FastifyRequest, reply: FastifyReply): Pending | undefined {
    const p = pending.get(request);
    if (!p || reply.statusCode !== 200) return undefined;
    if (isPersonal(reply) || reply.hasHeader('set-cookie')) return undefined;
    if (!CACHEABLE_TYPES.test(String(reply.getHeader('content-type') ?? ''))) return undefined;
    return p;
  }

  /** Whether the body is one to keep: a GET's, in the encoding its key names (or none). */
  function keepable(request: FastifyRequest, reply: FastifyReply, p: Pending): boolean {
    const encoding = reply.getHeader('content-encoding');
    return request.method === 'GET' && (encoding === undefined || encoding === p.encoding);
  }

  /** Tells browsers the page is public: page.ts's no-store gives way, a route's own choice stays. */
  function describePublic(reply: FastifyReply) {
    if (reply.getHeader('cache-control') === 'no-store') reply.header('cache-control', PUBLIC_CACHE_CONTROL);
    reply.header('vary', addVary(reply.getHeader('vary'), PUBLIC_VARY));
  }

  /** The body as it goes out: kept when it may be, tagged, and a 304 when the visitor holds it. */
  function finish(request: FastifyRequest, reply: FastifyReply, p: Pending, body: Buffer): Buffer | null {
    const keep = keepable(request, reply, p);
    const entry = keep ? store.put(p.key, p.version, p.ttlMs, sentHeaders(reply), body) : undefined;
    const etag = entry?.etag ?? etagOf(body);
    reply.header('etag', etag);
    if (!etagMatches(request.headers['if-none-match'], etag)) return body;
    reply.code(304).removeHeader('content-length');
    return null;
  }

  // Runs after @fastify/compress's own onSend (registered on each route before this one), so
  // what is kept is the body as sent: compressed once, served many times. A body compress
  // streams (a large page) is gathered first, so the first answer has the ETag and length the
  // hits have; one too large to keep goes on as the stream it was.
  const capture: onSendHookHandler = (request, reply, payload, done) => {
    const p = publicPage(request, reply);
    if (!p) return done(null, payload);
    describePublic(reply);
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      return done(null, finish(request, reply, p, Buffer.isBuffer(payload) ? payload : Buffer.from(payload)));
    }
    if (!isReadable(payload)) return done(null, payload);
    gather(payload, store.maxEntryBytes).then(
      (body) => done(null, Buffer.isBuffer(body) ? finish(request, reply, p, body) : body),
      (err: Error) => done(err),
    );
  };

  app.addHook('onRoute', (route) => {
    if (!CACHED_ROUTES.has(route.url)) return;
    route.onSend = [route.onSend ?? [], capture].flat();
  });

  app.addHook('onRequest', async (request, reply) => {
    const rule = CACHED_ROUTES.get(request.routeOptions.url ?? '');
    if (!rule || !askable(request.method, request.url, request.headers)) return;
    if (mayBePersonal(request.headers.cookie) && personalCookie(request)) return;
    let version: number;
    try {
      version = await contentVersion.current();
    } catch (err) {
      // No version, no cache: the page is rendered as if there were none (and reports its own error).
      request.log.warn({ err }, 'page cache: content version unreadable');
      return;
    }
    const encoding = encodingClass(request.headers['accept-encoding']);
    const key = cacheKey(request.host, encoding, request.url);
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
      store.touch(entry);
      return answer(request, reply, entry);
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

  setFastAnswer(
    app.server,
    pageCacheAnswer({
      version: () => contentVersion.now(),
      has: (key) => store.has(key),
      find: (key, version) => {
        const entry = store.current(key, version);
        if (!entry) return undefined;
        stats.hits++;
        stats.fastHits++;
        store.touch(entry);
        return entry;
      },
    }),
  );

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
    contentVersion.wrote();
  });
  app.addHook('onRequestAbort', async (request) => land(request));

  app.decorate('contentVersion', contentVersion);
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
