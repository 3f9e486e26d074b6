import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import { authorize, type Actor } from '../accounts/accounts.policy.js';
import { loadAgencyFor } from '../agencies/agencies.admin.routes.js';
import { SlugParams } from '../agencies/agencies.schemas.js';
import type { Agency } from '../agencies/agencies.table.js';
import { requireActor } from '../http/auth.js';
import { AppError } from '../errors.js';
import { errorsFrom, formState, validationErrors } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { emptyForm, type FormState } from '../views/context.js';
import { canManageMedia, canUploadMedia } from './media.policy.js';
import { countMedia, countMediaUses, getMedia, listMedia } from './media.repository.js';
import { MediaParams, MediaTextInput } from './media.schemas.js';
import { deleteMedia, updateMediaText, uploadMedia } from './media.service.js';
import type { Media } from './media.table.js';
import { mediaMessages as m } from './messages.js';
import { bufferUpload, uploadOf, uploadRateLimit } from './upload.js';
import { LibraryPage, libraryPath, photoPath } from './views/library.js';
import { PhotoPage } from './views/photo.js';

export const PER_PAGE = 30;

/** ?halaman=N, leniently: anything that is not a page number is the first page. */
function pageOf(request: FastifyRequest): number {
  const raw = (request.query as Record<string, unknown> | undefined)?.halaman;
  const n = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.max(1, n);
}

const textOf = (media: Media) => ({ alt: media.alt, caption: media.caption, credit: media.credit });

/** The agency's media library in the admin area. Prefix: /admin */
export default async function mediaAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  const load = (request: FastifyRequest) =>
    loadAgencyFor(app, requireActor(request), (request.params as { slug: string }).slug, canUploadMedia);

  async function showLibrary(
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    form: FormState,
    status = 200,
  ) {
    const page = pageOf(request);
    const [items, total] = await Promise.all([
      listMedia(app.db, agency.id, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE }),
      countMedia(app.db, agency.id),
    ]);
    return reply.page(
      <LibraryPage
        ctx={pageContext(request, reply)}
        agency={agency}
        items={items}
        page={page}
        total={total}
        perPage={PER_PAGE}
        form={form}
      />,
      status,
    );
  }

  async function showPhoto(
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    media: Media,
    actor: Actor,
    form: FormState,
    status = 200,
  ) {
    return reply.page(
      <PhotoPage
        ctx={pageContext(request, reply)}
        agency={agency}
        media={media}
        form={form}
        uses={await countMediaUses(app.db, agency.id, media.id)}
        canManage={canManageMedia(actor, media)}
      />,
      status,
    );
  }

  app.get('/opd/:slug/media', { schema: { params: SlugParams, hide: true } }, async (request, reply) =>
    showLibrary(request, reply, await load(request), emptyForm()),
  );

  app.post(
    '/opd/:slug/media',
    {
      schema: { params: SlugParams, body: MediaTextInput, hide: true },
      attachValidation: true,
      preValidation: bufferUpload,
      config: uploadRateLimit(app.config),
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await load(request);
      const upload = uploadOf(request);
      const refuse = (errors: Record<string, string>, status = 422) =>
        showLibrary(request, reply, agency, formState(request, errors), status);
      const invalid = validationErrors(request);
      if (upload.error)
        return refuse(upload.error.fields ?? { file: upload.error.message }, upload.error.status);
      if (!upload.file) return refuse({ file: m.fileRequired, ...invalid });
      if (invalid) return refuse(invalid);
      const text = request.body as MediaTextInput;
      try {
        const media = await uploadMedia(app.db, app.storage, {
          agencyId: agency.id,
          actorId: actor.userId,
          buffer: upload.file.buffer,
          filename: upload.file.filename,
          alt: text.alt,
          caption: text.caption,
          credit: text.credit,
        });
        // The photo's own page shows its quality warnings and lets the alt text be finished.
        return reply.redirectWithFlash(photoPath(agency, media), m.uploaded);
      } catch (err) {
        // Not a photo we can publish (422), or too big (413): said beside the file field.
        if (err instanceof AppError && err.fields && err.status < 500) return refuse(err.fields, err.status);
        throw err;
      }
    },
  );

  app.get('/opd/:slug/media/:id', { schema: { params: MediaParams, hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    const agency = await load(request);
    const media = await getMedia(app.db, agency.id, (request.params as { id: string }).id);
    return showPhoto(request, reply, agency, media, actor, emptyForm(textOf(media)));
  });

  app.post(
    '/opd/:slug/media/:id',
    { schema: { params: MediaParams, body: MediaTextInput, hide: true }, attachValidation: true },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await load(request);
      const media = await getMedia(app.db, agency.id, (request.params as { id: string }).id);
      authorize(canManageMedia(actor, media));
      const invalid = validationErrors(request);
      if (invalid) return showPhoto(request, reply, agency, media, actor, formState(request, invalid), 422);
      const text = request.body as MediaTextInput;
      try {
        await updateMediaText(app.db, agency.id, media.id, {
          alt: text.alt ?? '',
          caption: text.caption ?? '',
          credit: text.credit ?? '',
        });
      } catch (err) {
        const fields = errorsFrom(err);
        if (fields) return showPhoto(request, reply, agency, media, actor, formState(request, fields), 422);
        throw err;
      }
      return reply.redirectWithFlash(photoPath(agency, media), m.saved);
    },
  );

  app.post(
    '/opd/:slug/media/:id/hapus',
    { schema: { params: MediaParams, hide: true } },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await load(request);
      const media = await getMedia(app.db, agency.id, (request.params as { id: string }).id);
      authorize(canManageMedia(actor, media));
      await deleteMedia(app.db, app.storage, agency.id, media.id, actor.userId);
      return reply.redirectWithFlash(libraryPath(agency), m.deleted);
    },
  );
}
