import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../accounts/accounts.policy.js';
import type { User } from '../accounts/accounts.table.js';
import { actorFor, findApiTokenUser, findSession, SESSION_COOKIE } from '../accounts/sessions.js';
import { UnauthenticatedError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    user: User | null;
    /** the raw session cookie value, when signed in through a page */
    sessionToken: string | null;
  }
}

const isApi = (url: string) => url.startsWith('/api/');

/**
 * Pages sign in with a session cookie; the JSON API only with a bearer token, so a browser's
 * cookie can never drive the API (no CSRF there).
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('preHandler', async (request) => {
    if (request.url.startsWith('/aset/') || request.url === '/healthz' || request.url === '/metrics') return;
    let user: User | undefined;
    if (isApi(request.url)) {
      const header = request.headers.authorization;
      const match = header ? /^Bearer\s+(\S{20,200})$/i.exec(header) : null;
      if (match?.[1]) user = await findApiTokenUser(app.db, match[1]);
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token && token.length < 200) {
        const found = await findSession(app.db, token);
        if (found?.session.stage === 'active') {
          user = found.user;
          request.sessionToken = token;
        }
      }
    }
    if (user) {
      request.user = user;
      request.actor = await actorFor(app.db, user);
    }
  });
});

/** The signed-in actor, or a 401 (the error handler sends pages to the sign-in form). */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthenticatedError();
  return request.actor;
}

export function requireUser(request: FastifyRequest): User {
  if (!request.user) throw new UnauthenticatedError();
  return request.user;
}
