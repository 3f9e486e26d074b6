import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Where a request came from, as the audit log records it ("from where"). */
export interface RequestContext {
  ip: string;
  /** the browser or client, cut short: enough to tell a phone from a script */
  userAgent: string;
  requestId: string;
  /** the signed-in person's id, once the auth hook has found them (read lazily) */
  actorId: () => string | null;
}

const USER_AGENT_MAX = 160;
const storage = new AsyncLocalStorage<RequestContext>();
/**
 * Each request's context is kept on the request itself, not in a WeakMap keyed by it: the context
 * reaches its request (actorId reads it), and V8's young-generation collector keeps alive the values
 * of a WeakMap that lives in the old generation, so every request, with its reply, headers and logger,
 * outlived two scavenges, was moved to the old generation and freed only by a full collection. In a
 * filing flood (`wrk -t2 -c32`, 8 s, `--trace-gc-nvp`) that promoted 93–117 MB and caused five or six
 * full collections of 5–15 ms; kept on the request, 6 MB and none (docs/scaling.md).
 */
const CONTEXT = Symbol('requestContext');
type WithContext = FastifyRequest & { [CONTEXT]?: RequestContext | null };

/** The current request's context, or undefined outside a request (a timed job, a CLI command). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Runs `work` as if inside a request from `context` (tests, and the CLI should it ever need it). */
export function withRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export const REQUEST_ID_HEADER = 'x-request-id';
/** An id we did not make goes into every log line and audit row: a short plain token or nothing. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Each request's id (Fastify's genReqId): a fresh UUID, or, behind the trusted proxy (trustProxy,
 * the same switch that lets it name the client's address), the X-Request-Id that proxy sent, so
 * its access log and ours name a request alike. Without a proxy the header comes from the visitor,
 * who could then give their requests the id of someone else's in the audit trail: it is ignored.
 * The proxy must set the header itself (nginx: `proxy_set_header X-Request-Id $request_id`).
 */
export function requestIdGenerator(trustProxy: boolean): (raw: IncomingMessage) => string {
  return (raw) => {
    const given = trustProxy ? raw.headers[REQUEST_ID_HEADER] : undefined;
    return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
  };
}

export function contextOf(request: FastifyRequest): RequestContext {
  const userAgent = request.headers['user-agent'] ?? '';
  return {
    ip: request.ip,
    userAgent: userAgent.slice(0, USER_AGENT_MAX),
    requestId: request.id,
    actorId: () => request.actor?.userId ?? null,
  };
}

/**
 * Entered in the first onRequest hook, so services deep below a handler (recordAudit) know where
 * the request came from without every signature carrying it. Entered again before validation:
 * a body is read from stream events, whose callbacks run outside the context the hook entered
 * (the same fix @fastify/request-context applies).
 */
export const requestContextPlugin = fp(async (app: FastifyInstance) => {
  // Declared, so every request has the property from the start (one shape for V8).
  app.decorateRequest(CONTEXT, null);
  app.addHook('onRequest', (request, reply, done) => {
    // Sent back on every answer, so a citizen reporting an error can quote it and we find the lines.
    reply.header(REQUEST_ID_HEADER, request.id);
    const context = contextOf(request);
    (request as WithContext)[CONTEXT] = context;
    storage.run(context, done);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const context = (request as WithContext)[CONTEXT];
    if (context) storage.run(context, done);
    else done();
  });
});
