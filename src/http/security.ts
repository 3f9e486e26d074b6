import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import fp from 'fastify-plugin';
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

/**
 * The headers helmet sets for these options, worked out once. They depend on nothing in the request,
 * and @fastify/helmet built a new helmet middleware (parsing every option and directive again) in
 * two async hooks on every request: a few per cent of a busy server's time, for the same strings.
 */
function headersOf(options: HelmetOptions): Record<string, string> {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  helmet(options)(res.req, res, () => undefined);
  const headers: Record<string, string> = { 'permissions-policy': PERMISSIONS_POLICY };
  for (const [name, value] of Object.entries(res.getHeaders())) headers[name] = String(value);
  return headers;
}

export const securityPlugin = fp(async (app: FastifyInstance, opts: { https: boolean }) => {
  // The app's config is decorated before this plugin is registered; the map is configured there.
  const tileOrigin = app.hasDecorator('config') ? app.config.map?.origin : undefined;
  const headers = headersOf(helmetOptions(opts.https, tileOrigin));
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
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
