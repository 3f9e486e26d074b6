import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { currentRequest } from './request-context.js';

/*
 * Logs are JSON lines (pino), one object per line, for a collector to parse. Every line written
 * while a request is being answered names it by `reqId`: request.log binds it (Fastify), and lines
 * from the app-wide logger (app.log, handed to the mailer and services) get it from the request
 * context by a mixin. Per request there is exactly one line at info, written when the answer has
 * gone out: method, URL (secrets filtered), route pattern, status and duration. The "incoming
 * request" line is kept at debug, for chasing a request that never finishes.
 */

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

/** Fastify's per-request lines, shaped as above. */
export class RequestLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = {
      req: request,
      route: request.routeOptions.url ?? null,
      res: reply,
      responseTime: reply.elapsedTime,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

/** The loggers Fastify made for one request: they carry reqId already. */
const requestLoggers = new WeakSet<object>();

const childLoggerFactory: NonNullable<FastifyServerOptions['childLoggerFactory']> = (
  logger,
  bindings,
  options,
) => {
  const child = logger.child(bindings, options);
  requestLoggers.add(child);
  return child;
};

/** Adds the current request's id to lines from loggers that do not bind it themselves. */
function requestIdMixin(_line: object, _level: number, logger: object): object {
  if (requestLoggers.has(logger)) return {};
  const context = currentRequest();
  return context ? { reqId: context.requestId } : {};
}

/** The Fastify options that shape the log: level, where lines go, what they carry. */
export function loggingOptions(level: string, stream: NodeJS.WritableStream | undefined) {
  return {
    logger: {
      level,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      serializers: { req: serializeRequest },
      mixin: requestIdMixin,
      ...(stream ? { stream } : {}),
    },
    logController: new RequestLogController(),
    childLoggerFactory,
  };
}
