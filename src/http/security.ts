import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import helmet, { type HelmetOptions } from 'helmet';
import type { FastifyInstance } from 'fastify';

const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), interest-cohort=()';

/**
 * One header policy for every response: a CSP with no inline script or style, no framing, no referrer leaks.
 * `tileOrigin` is the map tile server's origin (BALAIRUNG_MAP_TILES), the one outside source of images.
 */
function helmetOptions(https: boolean, tileOrigin?: string): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', ...(tileOrigin ? [tileOrigin] : [])],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only means something over TLS; sent when the public address is https.
    strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  };
}

export const securityPlugin = fp(async (app: FastifyInstance, opts: { https: boolean }) => {
  // The app's config is decorated before this plugin is registered; the map is configured there.
  const tileOrigin = app.hasDecorator('config') ? app.config.map?.origin : undefined;
  // The two packages describe the same options with separately declared types
  await app.register(fastifyHelmet, helmetOptions(opts.https, tileOrigin) as FastifyHelmetOptions);
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Permissions-Policy', PERMISSIONS_POLICY);
  });
});

/**
 * The same headers for responses Fastify makes before any hook runs (a malformed address),
 * set on the raw response so no plugin is needed.
 */
export function securityHeadersFor(https: boolean): (req: IncomingMessage, res: ServerResponse) => void {
  const middleware = helmet(helmetOptions(https));
  return (req, res) => {
    middleware(req, res, () => undefined);
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
  };
}
