import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { PageContext, Site } from '../views/context.js';

export const FLASH_COOKIE = 'balairung_pesan';

// Replies whose page shows this visitor something of their own: src/http/page-cache.ts never keeps them.
const personal = new WeakSet<FastifyReply>();

/** Whether the page used a form's CSRF token or a flash message, which belong to one visitor. */
export function isPersonal(reply: FastifyReply): boolean {
  return personal.has(reply);
}

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page (a TSX tree) as a complete HTML document. */
    page(tree: VNode, status?: number): FastifyReply;
    /** Redirects after a successful form, with a one-time message shown on the next page. */
    redirectWithFlash(url: string, message: string): FastifyReply;
  }
}

/**
 * A complete HTML document from a TSX tree; also usable where reply decorators are not (framework errors).
 * no-store unless page-cache.ts finds the page public (an allowlisted route, an anonymous visitor, no
 * form token nor flash): only then may browsers keep it, and revalidate it by its ETag.
 */
export function sendPage(reply: FastifyReply, tree: VNode, status = 200): FastifyReply {
  return sendHtml(reply, pageHtml(tree), status);
}

/** The complete HTML document of a TSX tree, for a page that is kept (staff-page-cache.ts) before it is sent. */
export const pageHtml = (tree: VNode): string => `<!doctype html>${render(tree)}`;

/** Sends a document made by pageHtml (or those bytes compressed, with their content-encoding set), as sendPage does. */
export function sendHtml(reply: FastifyReply, html: string | Buffer, status = 200): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(html);
}

export const pagePlugin = fp(async (app: FastifyInstance, opts: { secure: boolean }) => {
  app.decorateReply('page', function (this: FastifyReply, tree: VNode, status = 200) {
    return sendPage(this, tree, status);
  });
  app.decorateReply('redirectWithFlash', function (this: FastifyReply, url: string, message: string) {
    this.setCookie(FLASH_COOKIE, message, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      signed: true,
      secure: opts.secure,
      maxAge: 60,
    });
    return this.redirect(url, 303);
  });
});

function takeFlash(request: FastifyRequest, reply: FastifyReply): string | null {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return null;
  personal.add(reply);
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid ? unsigned.value : null;
}

/** What every page needs; `site` overrides the host's site for /opd/{slug} pages. */
export function pageContext(request: FastifyRequest, reply: FastifyReply, site?: Site): PageContext {
  let csrfToken: string | undefined;
  return {
    installation: request.installation,
    site: site ?? request.site,
    actor: request.actor,
    // Made when a form asks for it: a page without a form sets no cookie, so it can be cached.
    get csrfToken() {
      personal.add(reply);
      return (csrfToken ??= reply.generateCsrf());
    },
    path: request.url.split('?')[0] ?? '/',
    flash: takeFlash(request, reply),
    baseUrl: request.server.config.baseUrl,
  };
}
