import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../accounts/sessions.js';
import { FLASH_COOKIE } from './page.js';

/** @fastify/csrf-protection's cookie (csrf.ts): the secret behind every form token on the page */
const CSRF_COOKIE = 'balairung_csrf';
const MAX_PAGES = 500;

/**
 * A signed-in person's busiest page (the complaint queue) kept for a moment: one render serves that
 * same person's repeated views of the same address within `ttlMs` (BALAIRUNG_STAFF_PAGE_CACHE_MS,
 * default 1 s), so a queue left refreshing, or a dozen tabs opened at once, costs one render.
 *
 * What keeps it right:
 * - the key is the session cookie, the CSRF cookie and the whole URL: one person's page, with a form
 *   token only their own cookie makes valid, is never shown to another, nor to them after signing in again;
 * - the guard and the session lookup still run before it on every request (a revoked session is refused);
 * - any write handled by this process (a POST, of anyone) drops every kept page, so whoever acts sees
 *   the result on their next page; other processes' changes, and the timed jobs', show within ttlMs;
 * - a page that sets a cookie (a new CSRF secret, a flash message taken) is never kept, nor is any page
 *   answered while a flash cookie is present.
 * With ttlMs 0 (the default under test) nothing is kept.
 */
export function staffPageCache(app: FastifyInstance, ttlMs: number) {
  const kept = new Map<string, { html: string; until: number; generation: number }>();
  const generation = () => (app.hasDecorator('contentVersion') ? app.contentVersion.generation : 0);

  const keyOf = (request: FastifyRequest): string | undefined => {
    const session = request.cookies[SESSION_COOKIE];
    const csrf = request.cookies[CSRF_COOKIE];
    if (ttlMs <= 0 || !session || !csrf || request.cookies[FLASH_COOKIE] !== undefined) return undefined;
    return `${session}\n${csrf}\n${request.url}`;
  };

  return {
    /** The page kept for this request, if any. */
    find(request: FastifyRequest): string | undefined {
      const key = keyOf(request);
      const hit = key === undefined ? undefined : kept.get(key);
      if (!hit) return undefined;
      if (hit.until > Date.now() && hit.generation === generation()) return hit.html;
      kept.delete(key!);
      return undefined;
    },
    /** Keeps the page just rendered for this request, unless the reply sets a cookie. */
    keep(request: FastifyRequest, reply: FastifyReply, html: string): void {
      const key = keyOf(request);
      if (key === undefined || reply.hasHeader('set-cookie')) return;
      if (kept.size >= MAX_PAGES) {
        const time = Date.now();
        for (const [k, page] of kept) if (page.until <= time) kept.delete(k);
        if (kept.size >= MAX_PAGES) kept.clear();
      }
      kept.set(key, { html, until: Date.now() + ttlMs, generation: generation() });
    },
  };
}
