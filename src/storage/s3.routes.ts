import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import { PUBLIC_CACHE, type S3Object, type S3Storage } from './s3.js';
import { isSafeKey, MEDIA_URL_PREFIX } from './storage.js';

/*
 * /media/* when photos live in object storage: the same URLs as the local folder's @fastify/static,
 * so pages, the page cache and old links never change. The object is streamed from the bucket (which
 * stays private), with its type and ETag and a year's immutable cache like the local files; a missing
 * or malformed key gets the site's own 404 page. HEAD asks the bucket for headers only; one byte
 * range is passed through (video players and resumed downloads of decree PDFs ask for them).
 */

const SINGLE_RANGE = /^bytes=\d*-\d*$/;

function send(reply: FastifyReply, object: S3Object) {
  if (object.etag) reply.header('etag', object.etag);
  reply.header('cache-control', PUBLIC_CACHE);
  reply.header('accept-ranges', 'bytes');
  if (object.status === 304) return reply.code(304).send();
  if (object.lastModified) reply.header('last-modified', object.lastModified.toUTCString());
  if (object.contentRange) reply.header('content-range', object.contentRange);
  if (object.contentLength !== undefined) reply.header('content-length', object.contentLength);
  reply.type(object.contentType ?? 'application/octet-stream');
  // HEAD has no body; Fastify keeps the object's own Content-Length for it.
  return reply.code(object.status).send(object.body);
}

export default async function s3MediaRoutes(app: FastifyInstance, options: { storage: S3Storage }) {
  // HEAD declared, not derived: Fastify's derived HEAD would answer Content-Length 0 for no body.
  app.route({
    method: ['GET', 'HEAD'],
    url: `${MEDIA_URL_PREFIX}*`,
    schema: { params: Type.Object({ '*': Type.String({ maxLength: 400 }) }) },
    handler: async (request, reply) => {
      const key = (request.params as { '*': string })['*'];
      if (!isSafeKey(key)) return reply.callNotFound();
      const range = request.headers.range;
      const object = await options.storage.read(key, {
        head: request.method === 'HEAD',
        range: range && SINGLE_RANGE.test(range) ? range : undefined,
        ifNoneMatch: request.headers['if-none-match'],
      });
      if (object === undefined) return reply.callNotFound();
      if (object === 'invalid-range') return reply.code(416).header('content-range', 'bytes */*').send();
      return send(reply, object);
    },
  });
}
