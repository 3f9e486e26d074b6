import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { ErrorBody } from '../http/schema.js';

/** Collects the OpenAPI document from the API routes' schemas (pages are hidden from it). */
export const openApiPlugin = fp(async (app: FastifyInstance) => {
  app.addSchema(ErrorBody);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Balairung API',
        version: '1',
        description:
          'API JSON Balairung. Kolom memakai snake_case; kesalahan berbentuk {"error": {"code", "message", "fields"?}}.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
});
