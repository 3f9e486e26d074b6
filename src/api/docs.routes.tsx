import type { FastifyInstance } from 'fastify';
import { pageContext } from '../http/page.js';
import { ApiDocsPage, type Operation } from './views/docs.js';

interface OpenApiDocument {
  paths?: Record<
    string,
    Record<
      string,
      {
        summary?: string;
        security?: unknown[];
        requestBody?: { content?: Record<string, { schema?: SchemaLike }> };
        responses?: Record<string, unknown>;
      }
    >
  >;
}

export interface SchemaLike {
  type?: string;
  title?: string;
  properties?: Record<string, SchemaLike>;
  required?: string[];
  items?: SchemaLike;
  enum?: string[];
  maxLength?: number;
}

/** The OpenAPI document and a readable page made from it (no JavaScript needed). Prefix: /api */
export default async function apiDocs(app: FastifyInstance) {
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/docs', { schema: { hide: true } }, async (request, reply) => {
    const doc = app.swagger() as OpenApiDocument;
    const operations: Operation[] = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? '',
        auth: Boolean(op.security?.length),
        body:
          op.requestBody?.content?.['application/json']?.schema ??
          op.requestBody?.content?.['multipart/form-data']?.schema,
        statuses: Object.keys(op.responses ?? {}),
      })),
    );
    return reply.page(<ApiDocsPage ctx={pageContext(request, reply)} operations={operations} />);
  });
}
