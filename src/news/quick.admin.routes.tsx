import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import type { Actor } from '../accounts/accounts.policy.js';
import { loadAgencyFor } from '../agencies/agencies.admin.routes.js';
import { SlugParams } from '../agencies/agencies.schemas.js';
import type { Agency } from '../agencies/agencies.table.js';
import { AppError, ValidationError } from '../errors.js';
import { requireActor } from '../http/auth.js';
import { errorsFrom } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { validateBody } from '../http/validation.js';
import { findMediaByIds } from '../media/media.repository.js';
import { uploadMedia } from '../media/media.service.js';
import { mediaMessages } from '../media/messages.js';
import { warningsOf } from '../media/media.presenter.js';
import { bufferUpload, uploadOf, uploadRateLimit } from '../media/upload.js';
import { MAX_UPLOAD_BYTES } from '../media/limits.js';
import { todayIn } from '../time/zone.js';
import { emptyForm } from '../views/context.js';
import { canPublish, canWritePosts } from './news.policy.js';
import { PostInput, type PostAction } from './news.schemas.js';
import { postHeldFlash } from '../guard/guard.service.js';
import { createPost } from './news.service.js';
import { postPath } from './news.queries.js';
import { MAX_QUICK_PHOTOS, QuickPostPage } from './views/quick-post.js';

interface QuickForm {
  fields: Record<string, string>;
  galleryIds: string[];
  files: { buffer: Buffer; filename: string }[];
  error?: string;
}

const forms = new WeakMap<FastifyRequest, QuickForm>();
const TEXT_FIELDS = new Set(['_csrf', 'title', 'text', 'alt', 'intent']);

/**
 * preValidation: reads the multipart form (text, ids of photos already uploaded by the script, and
 * without the script the photos themselves) so the CSRF check sees `_csrf` like any form.
 */
async function readQuickForm(request: FastifyRequest) {
  if (!request.isMultipart()) return;
  const form: QuickForm = { fields: {}, galleryIds: [], files: [] };
  try {
    for await (const part of request.parts({
      limits: { files: MAX_QUICK_PHOTOS, fileSize: MAX_UPLOAD_BYTES },
    })) {
      if (part.type === 'file') {
        const buffer = await part.toBuffer();
        if (part.fieldname === 'photos' && buffer.length)
          form.files.push({ buffer, filename: part.filename });
      } else if (typeof part.value === 'string') {
        if (part.fieldname === 'gallery_media_ids') form.galleryIds.push(part.value);
        else if (TEXT_FIELDS.has(part.fieldname)) form.fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== 'FST_REQ_FILE_TOO_LARGE' && code !== 'FST_FILES_LIMIT') throw err;
    form.error =
      code === 'FST_FILES_LIMIT'
        ? `Paling banyak ${MAX_QUICK_PHOTOS} foto sekali kirim.`
        : mediaMessages.tooLarge;
  }
  forms.set(request, form);
  request.body = form.fields;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A few typed lines → paragraphs. */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

/** "Kegiatan baru": the one-screen, phone-first way to post the day's activity. Prefix: /admin */
export default async function quickPostAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  const slugOf = (request: FastifyRequest) => (request.params as { slug: string }).slug;

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    actor: Actor,
    values: Record<string, string>,
    errors: Record<string, string>,
    galleryIds: string[],
    status = 200,
  ) {
    const photos = galleryIds.length ? await findMediaByIds(app.db, agency.id, galleryIds) : [];
    return reply.page(
      <QuickPostPage
        ctx={pageContext(request, reply)}
        agency={agency}
        form={{ values, errors }}
        photos={photos}
        canPublish={canPublish(actor, agency.id)}
      />,
      status,
    );
  }

  app.get(
    '/opd/:slug/kegiatan-baru',
    { schema: { params: SlugParams, hide: true } },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await loadAgencyFor(app, actor, slugOf(request), canWritePosts);
      return show(request, reply, agency, actor, emptyForm().values, {}, []);
    },
  );

  // One photo, sent by the page's script as soon as it is chosen; answers JSON for the progress list.
  app.post(
    '/opd/:slug/kegiatan-baru/foto',
    {
      schema: { params: SlugParams, hide: true },
      preValidation: bufferUpload,
      config: uploadRateLimit(app.config),
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await loadAgencyFor(app, actor, slugOf(request), canWritePosts);
      const upload = uploadOf(request);
      if (upload.error) throw upload.error;
      if (!upload.file)
        throw new ValidationError({ file: mediaMessages.fileRequired }, mediaMessages.fileRequired);
      try {
        const media = await uploadMedia(app.db, app.storage, {
          agencyId: agency.id,
          actorId: actor.userId,
          buffer: upload.file.buffer,
          filename: upload.file.filename,
          alt: (request.body as Record<string, string>).alt ?? '',
          caption: '',
          credit: '',
        });
        const warnings = warningsOf(media).map((w) => mediaMessages.warnings[w]);
        return reply.code(201).send({ id: media.id, warnings_text: warnings.join(' ') });
      } catch (err) {
        if (err instanceof AppError && err.status < 500) {
          return reply
            .code(err.status)
            .send({ error: { code: err.code, message: Object.values(err.fields ?? {})[0] ?? err.message } });
        }
        throw err;
      }
    },
  );

  app.post(
    '/opd/:slug/kegiatan-baru',
    {
      schema: { params: SlugParams, hide: true },
      preValidation: readQuickForm,
      config: uploadRateLimit(app.config),
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await loadAgencyFor(app, actor, slugOf(request), canWritePosts);
      const form = forms.get(request) ?? {
        fields: (request.body as Record<string, string>) ?? {},
        galleryIds: [],
        files: [],
      };
      const values = form.fields;
      const galleryIds = [...form.galleryIds];
      const errors: Record<string, string> = form.error ? { photos: form.error } : {};
      // Photos sent with the form (no script): cleaned and kept even if the text needs fixing, so they are not lost.
      for (const file of form.files) {
        try {
          const media = await uploadMedia(app.db, app.storage, {
            agencyId: agency.id,
            actorId: actor.userId,
            buffer: file.buffer,
            filename: file.filename,
            alt: values.alt ?? '',
            caption: '',
            credit: '',
          });
          galleryIds.push(media.id);
        } catch (err) {
          if (!(err instanceof AppError) || err.status >= 500) throw err;
          errors.photos = `${file.filename}: ${Object.values(err.fields ?? {})[0] ?? err.message}`;
        }
      }
      const input: PostInput = {
        title: values.title ?? '',
        body_html: textToHtml(values.text ?? ''),
        category: 'kegiatan',
        activity_date: todayIn(request.installation.timeZone),
        gallery_media_ids: galleryIds,
      };
      const invalid = validateBody(PostInput, input);
      if (!values.text?.trim()) errors.text = 'Cerita singkat wajib diisi.';
      if (invalid || Object.keys(errors).length)
        return show(request, reply, agency, actor, values, { ...errors, ...invalid }, galleryIds, 422);
      // The one description typed on this screen serves every photo that has none yet.
      if (values.alt?.trim() && galleryIds.length) {
        await app.db
          .updateTable('media')
          .set({ alt: values.alt.trim() })
          .where('agencyId', '=', agency.id)
          .where('id', 'in', galleryIds)
          .where('alt', '=', '')
          .execute();
      }
      const intent = ({ publish: 'publish', submit: 'submit' } as Record<string, PostAction | undefined>)[
        values.intent ?? ''
      ];
      try {
        const post = await createPost(app.db, actor, agency, input, intent ? { action: intent } : undefined);
        if (post.status === 'published')
          return reply.redirectWithFlash(
            postPath({ agencySlug: agency.slug, slug: post.slug }),
            'Kegiatan sudah terbit.',
          );
        return reply.redirectWithFlash(
          `/admin/opd/${agency.slug}/berita/${post.id}`,
          (await postHeldFlash(app.db, post)) ??
            (post.status === 'review' ? 'Kegiatan diajukan untuk ditinjau editor.' : 'Draf tersimpan.'),
        );
      } catch (err) {
        const fields = errorsFrom(err);
        if (!fields) throw err;
        // The shared form's field names → this screen's (a photo problem is shown beside the photos).
        const mapped = Object.fromEntries(
          Object.entries(fields).map(([k, v]) => [
            k === 'gallery_media_ids' ? 'photos' : k === 'body_html' ? 'text' : k,
            v,
          ]),
        );
        return show(request, reply, agency, actor, values, mapped, galleryIds, 422);
      }
    },
  );
}
