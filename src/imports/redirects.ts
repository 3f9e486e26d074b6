import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findAgencyBySlug } from '../agencies/agencies.repository.js';
import { findRedirect, isOwnPath } from './imports.repository.js';
import { fixedTarget, keysFor } from './redirects.keys.js';

/**
 * The old WordPress addresses of an imported agency site, answered with a 301: on the agency's own
 * host (`/?p=123`, `/2021/05/19/judul/`, `/category/x/`, `/wp-content/uploads/…`) and under
 * `/opd/{slug}/` on the portal. Only what nothing else answers is looked up (the not-found path),
 * plus `/` with `?p=`, `?page_id=`, `?cat=`, which would otherwise show the home page. Targets are
 * our own paths from legacy_redirects, never a URL from the request.
 */

const OPD = /^\/opd\/([a-z0-9-]{1,60})(\/.*)?$/;

interface Scope {
  agencyId: string;
  /** '' on the agency's host, '/opd/{slug}' on the portal */
  prefix: string;
  rest: string;
}

async function scopeOf(request: FastifyRequest): Promise<Scope | null> {
  const pathname = request.url.split('?')[0] ?? '/';
  const site = request.site;
  if (site?.kind === 'agency' && site.byHost) return { agencyId: site.agency.id, prefix: '', rest: pathname };
  const match = OPD.exec(pathname);
  if (!match) return null;
  const agency = await findAgencyBySlug(request.server.db, match[1]!);
  return agency ? { agencyId: agency.id, prefix: `/opd/${agency.slug}`, rest: match[2] ?? '/' } : null;
}

/** A target as seen from where the request came: media and search are the same everywhere. */
function placed(target: string, prefix: string): string {
  if (!prefix || target.startsWith('/media/') || target.startsWith('/cari')) return target;
  return target === '/' ? prefix : `${prefix}${target}`;
}

/** Where an old address lives now, or null. Never throws: a failed lookup is simply a 404. */
export async function legacyRedirectFor(request: FastifyRequest): Promise<string | null> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (!request.installation || request.url.startsWith('/api/') || request.url.startsWith('/admin'))
    return null;
  try {
    const scope = await scopeOf(request);
    if (!scope) return null;
    const query = (request.query ?? {}) as Record<string, unknown>;
    const fixed = fixedTarget(scope.rest);
    const target =
      fixed ?? (await findRedirect(request.server.db, scope.agencyId, keysFor(scope.rest, query)));
    if (!target || !isOwnPath(target)) return null;
    const to = placed(target, scope.prefix);
    // A page that is itself missing must not send anyone round in a circle.
    return to === request.url.split('?')[0] ? null : to;
  } catch (err) {
    request.log.warn({ err }, 'legacy redirect lookup failed');
    return null;
  }
}

const HOME = /^\/(?:opd\/[a-z0-9-]{1,60}\/?)?$/;

/** `/?p=123` matches the home route; the old id is looked up before the home page is drawn. */
export const legacyQueryRedirects = fp(async (app: FastifyInstance) => {
  app.addHook('preHandler', async (request, reply) => {
    const q = request.url.indexOf('?');
    if (
      q < 0 ||
      !HOME.test(request.url.slice(0, q)) ||
      !/(?:^|&)(?:p|page_id|cat|attachment_id)=/.test(request.url.slice(q + 1))
    )
      return;
    const to = await legacyRedirectFor(request);
    if (to) return reply.redirect(to, 301);
  });
});
