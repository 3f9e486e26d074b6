import fp from 'fastify-plugin';
import csrf from '@fastify/csrf-protection';
import type { FastifyInstance } from 'fastify';

/** The signed cookie holding the secret behind every form's CSRF token. */
export const CSRF_COOKIE = 'balairung_csrf';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every form carries a token tied to a signed cookie (works before sign-in too). The JSON API is
 * exempt: it accepts only bearer tokens, which a browser never sends on its own. So is Open311
 * (/open311/): it never reads the session cookie and files only with the client's api_key.
 * A refused token reaches the error handler as FST_CSRF_* and is shown in Indonesian there.
 */
export const csrfPlugin = fp(async (app: FastifyInstance, opts: { secure: boolean }) => {
  await app.register(csrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: opts.secure },
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      return typeof body?._csrf === 'string' ? body._csrf : undefined;
    },
  });
  app.addHook('preHandler', (request, reply, done) => {
    if (!UNSAFE.has(request.method) || request.url.startsWith('/api/') || request.url.startsWith('/open311/'))
      return done();
    app.csrfProtection(request, reply, done);
  });
});
