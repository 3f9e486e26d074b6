import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { listAgencies } from '../agencies/agencies.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError, NotFoundError, TooManyRequestsError } from '../errors.js';
import { toAppError } from '../http/errors.js';
import { Choice } from '../http/schema.js';
import { findCategoryByCode, listCategories } from './complaints.repository.js';
import { findOpen311Client, open311KeyBucket } from './open311.clients.js';
import { fileOpen311Request, Open311RequestBody } from './open311.filing.js';
import {
  presentCreated,
  presentDiscovery,
  presentErrors,
  presentRequest,
  presentService,
  presentServiceDefinition,
  type Open311Error,
} from './open311.presenter.js';
import {
  findOpen311Requests,
  latestPublicNotes,
  requestFilter,
  type RequestFilter,
} from './open311.requests.js';
import { toOpen311Xml, type Open311Value } from './open311.xml.js';
import { normalizeTrackingCode } from './tracking-code.js';

/*
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) at /open311/v2: every resource as .xml
 * (required by the spec) and .json. Errors follow the spec too — a list of {code, description}
 * with 404 for what does not exist, 403 for a missing or wrong api_key and 400 for the rest —
 * so this plugin has its own error and not-found handlers. The routes are left out of our OpenAPI
 * document: the GeoReport spec and discovery.{json,xml} describe them.
 */

/** Complaints one client's key may file a minute, from all its addresses together. */
export const PER_KEY = 120;

type Format = 'json' | 'xml';
const FormatParam = { format: Choice('Format', ['json', 'xml'] as const) };
const FormatParams = Type.Object(FormatParam);
const ServiceParams = Type.Object({ code: Type.String({ maxLength: 60 }), ...FormatParam });
const RequestParams = Type.Object({ id: Type.String({ maxLength: 40 }), ...FormatParam });
const Optional = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const RequestsQuery = Type.Object({
  jurisdiction_id: Optional(200),
  service_request_id: Optional(20_000),
  service_code: Optional(2000),
  start_date: Optional(40),
  end_date: Optional(40),
  status: Optional(40),
});
const ApiKeyQuery = Type.Object({ api_key: Optional(200), jurisdiction_id: Optional(200) });

/** The format the caller asked for; XML, the spec's required format, when the address names none. */
const formatOf = (request: FastifyRequest): Format =>
  /\.json$/i.test(request.url.split('?')[0] ?? '') ? 'json' : 'xml';

function send(reply: FastifyReply, format: Format, root: string, value: Open311Value, status = 200) {
  reply.code(status).header('cache-control', 'no-store');
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
  return reply.type('text/xml; charset=utf-8').send(toOpen311Xml(root, value));
}

/** Our errors in the spec's terms: its three statuses (and 413, 415, 429, 5xx as HTTP has them). */
function specErrors(error: FastifyError): { status: number; errors: Open311Error[] } {
  const appError = toAppError(error);
  let status = appError.status;
  if (status === 401) status = 403;
  if (status < 500 && ![403, 404, 413, 415, 429].includes(status)) status = 400;
  const fields = Object.entries(appError.fields ?? {});
  const errors = fields.length
    ? fields.map(([field, message]) => ({ code: status, description: `${field}: ${message}` }))
    : [{ code: status, description: appError.message }];
  return { status, errors };
}

export default async function open311Routes(app: FastifyInstance) {
  const { db } = app;
  const hide = { hide: true };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, errors } = specErrors(error);
    if (status >= 500) request.log.error({ err: error }, 'open311 request failed');
    else request.log.info({ status }, 'open311 request refused');
    return send(reply, formatOf(request), 'errors', presentErrors(errors), status);
  });
  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      formatOf(request),
      'errors',
      presentErrors([{ code: 404, description: new NotFoundError().message }]),
      404,
    ),
  );

  const categoryAgencies = async () => {
    const [categories, agencies] = await Promise.all([listCategories(db), listAgencies(db)]);
    return { categories, names: new Map(agencies.map((a) => [a.id, a.name])) };
  };

  app.get('/discovery.:format', { schema: { params: FormatParams, ...hide } }, async (request, reply) => {
    const { format } = request.params as Static<typeof FormatParams>;
    const installation = request.installation;
    const { categories } = await categoryAgencies();
    const changeset = [installation.updatedAt, ...categories.map((c) => c.createdAt)].sort().at(-1)!;
    const contact = [installation.name, installation.email, installation.phone].filter(Boolean).join(', ');
    const discovery = presentDiscovery({
      changeset,
      contact: `Pusat Aduan ${contact}`,
      keyService: `api_key untuk mengirim laporan diberikan oleh Diskominfo ${installation.name}; hubungi ${installation.email || 'Diskominfo'}.`,
      url: `${app.config.baseUrl}/open311/v2`,
    });
    return send(reply, format, 'discovery', discovery);
  });

  app.get('/services.:format', { schema: { params: FormatParams, ...hide } }, async (request, reply) => {
    const { format } = request.params as Static<typeof FormatParams>;
    const { categories, names } = await categoryAgencies();
    const services = categories.map((c) =>
      presentService(c, c.defaultAgencyId ? (names.get(c.defaultAgencyId) ?? null) : null),
    );
    return send(reply, format, 'services', services);
  });

  app.get(
    '/services/:code.:format',
    { schema: { params: ServiceParams, ...hide } },
    async (request, reply) => {
      const { code, format } = request.params as Static<typeof ServiceParams>;
      const category = await findCategoryByCode(db, code);
      if (!category) throw new NotFoundError(`service_code "${code}" tidak dikenal.`);
      return send(reply, format, 'service_definition', presentServiceDefinition(category));
    },
  );

  async function requestsFor(filter: RequestFilter) {
    const rows = await findOpen311Requests(db, filter);
    const notes = await latestPublicNotes(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => presentRequest(r, notes.get(r.id) ?? null));
  }

  app.get(
    '/requests.:format',
    { schema: { params: FormatParams, querystring: RequestsQuery, ...hide } },
    async (request, reply) => {
      const { format } = request.params as Static<typeof FormatParams>;
      const filter = requestFilter(request.query as Static<typeof RequestsQuery>, Date.now());
      return send(reply, format, 'service_requests', await requestsFor(filter));
    },
  );

  app.get('/requests/:id.:format', { schema: { params: RequestParams, ...hide } }, async (request, reply) => {
    const { id, format } = request.params as Static<typeof RequestParams>;
    const code = normalizeTrackingCode(id);
    const found = code ? await requestsFor({ codes: [code] }) : [];
    if (!found.length) throw new NotFoundError(`service_request_id "${id}" tidak ditemukan.`);
    return send(reply, format, 'service_requests', found);
  });

  /** The api_key the request carries, in its body or its query string; '' for none. */
  const apiKeyOf = (request: FastifyRequest): string => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const query = (request.query ?? {}) as Record<string, unknown>;
    const key = typeof body.api_key === 'string' ? body.api_key : query.api_key;
    return typeof key === 'string' ? key.trim() : '';
  };

  // Per address (the route's limit), and per key across every address: a leaked key used from many
  // places still files at most PER_KEY a minute. Counted after the key is found: a wrong key is a 403.
  const perKey = app.config.rateLimit
    ? app.createRateLimit({
        max: PER_KEY,
        timeWindow: '1 minute',
        keyGenerator: (request) => open311KeyBucket(apiKeyOf(request)),
      })
    : undefined;

  app.post(
    '/requests.:format',
    {
      schema: { params: FormatParams, querystring: ApiKeyQuery, body: Open311RequestBody, ...hide },
      attachValidation: true,
      config: { rateLimit: app.config.rateLimit ? { max: 60, timeWindow: '1 minute' } : (false as const) },
    },
    async (request, reply) => {
      // The key first (403), whatever else is wrong with the request.
      const key = apiKeyOf(request);
      const client = key ? await findOpen311Client(db, key) : undefined;
      if (!client) throw new AppError(403, 'invalid_api_key', 'api_key tidak ada atau tidak sah.');
      const limit = perKey ? await perKey(request) : undefined;
      if (limit && !limit.isAllowed && limit.isExceeded) {
        const seconds = Math.max(1, Math.ceil(limit.ttl / 1000));
        reply.header('retry-after', String(seconds));
        throw new TooManyRequestsError(
          `Aplikasi ini sudah mengirim ${PER_KEY} laporan dalam satu menit terakhir. Coba lagi dalam ${seconds} detik.`,
        );
      }
      if (request.validationError) throw request.validationError;
      const { format } = request.params as Static<typeof FormatParams>;
      const { filed, notice } = await fileOpen311Request(db, request.body as Open311RequestBody, {
        secret: app.config.secret,
        baseUrl: app.config.baseUrl,
        timeZone: request.installation.timeZone,
      });
      if (!filed.duplicate) {
        await recordAudit(db, {
          actorId: null,
          action: 'complaint.open311_filed',
          subjectType: 'complaint',
          subjectId: filed.complaint.id,
          details: { client: client.id, clientName: client.name, trackingCode: filed.complaint.trackingCode },
          ip: request.ip,
        });
      }
      return send(reply, format, 'service_requests', presentCreated(filed.complaint.trackingCode, notice));
    },
  );
}
