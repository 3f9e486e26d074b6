import type { FastifyRequest } from 'fastify';

// Query parameters that carry secrets (password-setting links): never written to a log.
const SECRET_PARAMS = /([?&](?:token|access_key|kunci)=)[^&#]*/gi;

/** What a log line says about a request: no headers (cookies, bearer tokens), no secrets in the URL. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: request.url.replace(SECRET_PARAMS, '$1[disaring]'),
    host: request.host,
    remoteAddress: request.ip,
  };
}
