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

/** Resolves each request to the portal or to one agency's site by its Host header. */
export const tenantPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('installation', null as unknown as Installation);
  app.decorateRequest<Site | null>('site', null);
  app.addHook('onRequest', async (request) => {
    // Assets and the health check must answer even when the database does not.
    if (request.url.startsWith('/aset/') || request.url === '/healthz' || request.url === '/metrics') return;
    request.installation = await getInstallation(app.db);
    const host = request.hostname.toLowerCase();
    const agency =
      host && host !== request.installation.mainHost ? await findAgencyByHost(app.db, host) : undefined;
    request.site = agency ? { kind: 'agency', agency, byHost: true } : { kind: 'portal' };
  });
});
