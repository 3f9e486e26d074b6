import type { FastifyInstance } from 'fastify';
import { loadAgencyFor } from '../agencies/agencies.admin.routes.js';
import { SlugParams } from '../agencies/agencies.schemas.js';
import { ValidationError } from '../errors.js';
import { requireActor } from '../http/auth.js';
import { canUploadMedia } from './media.policy.js';
import { presentMedia } from './media.presenter.js';
import { MediaJsonSchema, MediaUploadBody, type MediaTextInput } from './media.schemas.js';
import { uploadMedia } from './media.service.js';
import { mediaMessages as m } from './messages.js';
import { bufferUpload, uploadOf, uploadRateLimit } from './upload.js';

const errors = {
  401: { $ref: 'ErrorBody#' },
  403: { $ref: 'ErrorBody#' },
  404: { $ref: 'ErrorBody#' },
  413: { $ref: 'ErrorBody#' },
  422: { $ref: 'ErrorBody#' },
};

/** POST /api/v1/agencies/:slug/media. Prefix: /api/v1 */
export default async function mediaApi(app: FastifyInstance) {
  app.post(
    '/agencies/:slug/media',
    {
      schema: {
        tags: ['media'],
        summary: 'Unggah foto (admin, editor atau penulis OPD)',
        description:
          'multipart/form-data: `file` (JPEG, PNG atau WebP), `alt`, `caption`, `credit`. Foto diputar ' +
          'menurut EXIF, semua metadata (termasuk lokasi) dihapus, lalu dibuat varian WebP dan JPEG.',
        security: [{ bearer: [] }],
        consumes: ['multipart/form-data'],
        params: SlugParams,
        body: MediaUploadBody,
        response: { 201: MediaJsonSchema, ...errors },
      },
      preValidation: bufferUpload,
      config: uploadRateLimit(app.config),
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const slug = (request.params as { slug: string }).slug;
      const agency = await loadAgencyFor(app, actor, slug, canUploadMedia);
      const upload = uploadOf(request);
      if (upload.error) throw upload.error;
      if (!upload.file) {
        const message = request.isMultipart() ? m.fileRequired : m.notMultipart;
        throw new ValidationError({ file: message }, message);
      }
      const text = request.body as MediaTextInput;
      const media = await uploadMedia(app.db, app.storage, {
        agencyId: agency.id,
        actorId: actor.userId,
        buffer: upload.file.buffer,
        filename: upload.file.filename,
        alt: text.alt,
        caption: text.caption,
        credit: text.credit,
      });
      return reply.code(201).send(presentMedia(media, app.config.baseUrl));
    },
  );
}
