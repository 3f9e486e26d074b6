import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Installation } from '../agencies/agencies.table.js';
import { findAgencyByHost, getInstallation } from '../agencies/agencies.repository.js';
import type { Site } from '../views/context.js';

declare module 'fastify' {
  interface FastifyRequest {
    installation: Installation;
    /** The site the Host header names; routes under /opd/{slug} narrow it to that agency. */
    site: Site;
  }
}

interface Resolved {
  version: number;
  installation: Installation;
  site: Site;
}

/** Hosts remembered at most: the Host header is the visitor's to choose, so the map must not grow without end. */
const MAX_HOSTS = 1000;

/**
 * Resolves each request to the portal or to one agency's site by its Host header. The installation,
 * agencies and their hosts all bump the content version (page-cache.ts), so what a host resolved to
 * is kept per host while the version is unchanged: two queries fewer on every request that is not a
 * cached page, and a change shows as soon as the page cache sees it (this process at once, others
 * within its window). Without a readable version each request reads the tables, as before.
 */
export const tenantPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('installation', null as unknown as Installation);
  app.decorateRequest<Site | null>('site', null);
  const resolved = new Map<string, Resolved>();
  const version = (): Promise<number | undefined> =>
    app.hasDecorator('contentVersion')
      ? app.contentVersion.current().catch(() => undefined)
      : Promise.resolve(undefined);

  app.addHook('onRequest', async (request) => {
    // Assets and the health check must answer even when the database does not.
    if (request.url.startsWith('/aset/') || request.url === '/healthz' || request.url === '/metrics') return;
    const host = request.hostname.toLowerCase();
    // Read before the tables: what is read after it is at least as new as the version it is kept under.
    const current = await version();
    const hit = resolved.get(host);
    if (hit && current !== undefined && hit.version === current) {
      request.installation = hit.installation;
      request.site = hit.site;
      return;
    }
    request.installation = await getInstallation(app.db);
    const agency =
      host && host !== request.installation.mainHost ? await findAgencyByHost(app.db, host) : undefined;
    request.site = agency ? { kind: 'agency', agency, byHost: true } : { kind: 'portal' };
    if (current === undefined) return;
    if (resolved.size >= MAX_HOSTS) resolved.clear();
    resolved.set(host, { version: current, installation: request.installation, site: request.site });
  });
});
