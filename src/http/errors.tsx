import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, CsrfError, NotFoundError, TooManyRequestsError, ValidationError } from '../errors.js';
import { t } from '../i18n/index.js';
import { ErrorPage } from '../views/error-page.js';
import { pageContext, sendPage } from './page.js';
import { fieldErrors } from './validation.js';

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');

/** Any error → an AppError with an Indonesian message; anything unknown is a 500 whose details stay in the log. */
export function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  // A path that cannot name anything names nothing: not found, like any unknown record.
  if (error.validation && error.validationContext === 'params') return new NotFoundError();
  if (error.validation)
    return new ValidationError(fieldErrors(error.validation as never), t.validation.summary);
  switch (error.code) {
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return new CsrfError();
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'invalid_json', t.validation.invalidJson);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'body_too_large', t.validation.bodyTooLarge);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported_media_type', t.validation.unsupportedMedia);
  }
  if (error.statusCode === 429) return new TooManyRequestsError(t.errors.tooMany);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(error.statusCode, 'bad_request', t.errors.genericTitle);
  }
  return new AppError(500, 'internal', t.errors.serverBody);
}

function safeContext(request: FastifyRequest, reply: FastifyReply) {
  try {
    return request.installation ? pageContext(request, reply) : null;
  } catch {
    return null;
  }
}

function titleFor(status: number): string {
  if (status === 404) return t.errors.notFoundTitle;
  if (status === 403) return t.errors.forbiddenTitle;
  if (status >= 500) return t.errors.serverTitle;
  return t.errors.genericTitle;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, appError: AppError) {
  if (isApi(request)) {
    return reply
      .code(appError.status)
      .header('cache-control', 'no-store')
      .send({
        error: {
          code: appError.code,
          message: appError.message,
          ...(appError.fields ? { fields: appError.fields } : {}),
        },
      });
  }
  if (appError.status === 401) {
    const next = request.method === 'GET' ? `?lanjut=${encodeURIComponent(request.url)}` : '';
    return reply.redirect(`/masuk${next}`, 303);
  }
  const message = appError.fields ? Object.values(appError.fields).join(' ') : appError.message;
  return sendPage(
    reply,
    <ErrorPage ctx={safeContext(request, reply)} title={titleFor(appError.status)} message={message} />,
    appError.status,
  );
}

/** Asked before a 404 page is sent: a path to 301 to instead (an imported site's old address), or null. */
export type NotFoundRedirect = (request: FastifyRequest) => Promise<string | null>;

export function registerErrorHandlers(app: FastifyInstance, redirectNotFound?: NotFoundRedirect) {
  const notFound = async (request: FastifyRequest, reply: FastifyReply, appError: AppError) => {
    const to = redirectNotFound ? await redirectNotFound(request) : null;
    return to ? reply.redirect(to, 301) : sendError(request, reply, appError);
  };
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code, status: appError.status }, 'request refused');
    return appError.status === 404 ? notFound(request, reply, appError) : sendError(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => notFound(request, reply, new NotFoundError()));
}
