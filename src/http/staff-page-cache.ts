import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { SESSION_COOKIE } from '../accounts/sessions.js';
import { CSRF_COOKIE } from './csrf.js';
import { FLASH_COOKIE, sendHtml } from './page.js';
import { addVary, encodingClass } from './page-cache.rules.js';

const MAX_PAGES = 500;
/** what @fastify/compress (app.ts) would do with the page: the same quality, so the bytes match its */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };
const MIN_COMPRESSED = 1024;

interface Kept {
  html: string;
  until: number;
  generation: number;
  /** the page compressed, per encoding, made the first time a browser asks for that encoding */
  encoded: { br?: Buffer; gzip?: Buffer };
}

/**
 * A signed-in person's busiest page (the complaint queue) kept for a moment: one render, compressed
 * once, serves that same person's repeated views of the same address within `ttlMs`
 * (BALAIRUNG_STAFF_PAGE_CACHE_MS, default 1 s), so a queue left refreshing, or a dozen tabs opened
 * at once, costs one render.
 *
 * What keeps it right:
 * - the key is the session cookie, the CSRF cookie and the whole URL: one person's page, with a form
 *   token only their own cookie makes valid, is never shown to another, nor to them after signing in again;
 * - the guard and the session lookup still run before it on every request (a revoked session is refused);
 * - any write handled by this process (a POST, of anyone) drops every kept page, so whoever acts sees
 *   the result on their next page; other processes' changes, and the timed jobs', show within ttlMs;
 * - a page that sets a cookie (a new CSRF secret, a flash message taken) is never kept, nor is any page
 *   answered while a flash cookie is present;
 * - the same person's requests that arrive while their page renders wait for that render and take it
 *   if it was kept, so a flood costs one render at a time, not one per request in flight.
 * With ttlMs 0 (the default under test) nothing is kept.
 */
export function staffPageCache(app: FastifyInstance, ttlMs: number) {
  const kept = new Map<string, Kept>();
  const generation = () => (app.hasDecorator('contentVersion') ? app.contentVersion.generation : 0);

  const keyOf = (request: FastifyRequest): string | undefined => {
    const session = request.cookies[SESSION_COOKIE];
    const csrf = request.cookies[CSRF_COOKIE];
    if (ttlMs <= 0 || !session || !csrf || request.cookies[FLASH_COOKIE] !== undefined) return undefined;
    return `${session}\n${csrf}\n${request.url}`;
  };

  const find = (key: string | undefined): Kept | undefined => {
    const hit = key === undefined ? undefined : kept.get(key);
    if (!hit) return undefined;
    if (hit.until > Date.now() && hit.generation === generation()) return hit;
    kept.delete(key!);
    return undefined;
  };

  const keep = (key: string, page: Kept): void => {
    if (kept.size >= MAX_PAGES) {
      const time = Date.now();
      for (const [k, old] of kept) if (old.until <= time) kept.delete(k);
      if (kept.size >= MAX_PAGES) kept.clear();
    }
    kept.set(key, page);
  };

  /** The page in the encoding the browser asked for, compressed here so that a kept page is compressed once. */
  const send = (request: FastifyRequest, reply: FastifyReply, page: Kept): FastifyReply => {
    const encoding = encodingClass(request.headers['accept-encoding']);
    if (encoding === 'identity' || page.html.length < MIN_COMPRESSED) return sendHtml(reply, page.html);
    const bytes = (page.encoded[encoding] ??=
      encoding === 'br' ? brotliCompressSync(page.html, BROTLI) : gzipSync(page.html));
    reply.header('content-encoding', encoding);
    reply.header('vary', addVary(reply.getHeader('vary'), ['accept-encoding']));
    return sendHtml(reply, bytes);
  };

  /** Renders under way, by key: the same person's requests arriving meanwhile wait for that one. */
  const rendering = new Map<string, Promise<Kept>>();

  return {
    /** Sends this person's kept page for the request, or renders one, keeps it and sends it. */
    async serve(request: FastifyRequest, reply: FastifyReply, render: () => Promise<string>) {
      const key = keyOf(request);
      let hit = find(key);
      // A flood, or a dozen tabs opened at once, would otherwise render the page once per request
      // side by side before the first is kept: as many renders' time and memory at once.
      const underWay = key === undefined ? undefined : rendering.get(key);
      if (!hit && underWay) {
        await underWay.catch(() => undefined);
        hit = find(key); // undefined when it was not kept (it set a cookie) or a write came meanwhile
      }
      if (hit) return send(request, reply, hit);
      // Counted before the render: a write that lands while it reads makes the page stale at once.
      const before = generation();
      const job = (async (): Promise<Kept> => {
        const page: Kept = {
          html: await render(),
          until: Date.now() + ttlMs,
          generation: before,
          encoded: {},
        };
        if (key !== undefined && !reply.hasHeader('set-cookie')) keep(key, page);
        return page;
      })();
      if (key !== undefined) {
        rendering.set(key, job);
        const done = () => void (rendering.get(key) === job && rendering.delete(key));
        job.then(done, done);
      }
      return send(request, reply, await job);
    },
  };
}
