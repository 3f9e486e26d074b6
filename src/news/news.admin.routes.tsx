import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { adminGuard } from '../accounts/admin-guard.js';
import type { Actor } from '../accounts/accounts.policy.js';
import { loadAgencyFor } from '../agencies/agencies.admin.routes.js';
import { listRegions } from '../agencies/agencies.repository.js';
import { SlugParams } from '../agencies/agencies.schemas.js';
import type { Agency } from '../agencies/agencies.table.js';
import { requireActor } from '../http/auth.js';
import { errorsFrom } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { validateBody } from '../http/validation.js';
import { localDateTimeToUtc, zoneOffsetMinutes } from '../time/zone.js';
import { emptyForm, type FormState } from '../views/context.js';
import { canPublish, canWritePosts } from './news.policy.js';
import { categoriesOf, galleryIds, getPost, listAgencyPosts, tagsOf } from './news.repository.js';
import { POST_ACTIONS, PostInput, type PostAction } from './news.schemas.js';
import { postHeldFlash } from '../guard/guard.service.js';
import { createPost, deletePost, updatePost } from './news.service.js';
import { allowedActions, transitionPost } from './news.workflow.js';
import { POST_STATUSES, type Post, type PostStatus } from './news.table.js';
import { formValuesOf, postInputFromForm } from './post-form.js';
import { AdminPostList } from './views/admin-list.js';
import { PostFormPage } from './views/post-form.js';

const PER_PAGE = 20;
const PostParams = Type.Intersect([SlugParams, Type.Object({ id: Type.String({ format: 'uuid' }) })]);
type FormBody = Record<string, string | string[] | undefined>;

const intents: Record<string, PostAction | undefined> = {
  draft: undefined,
  submit: 'submit',
  publish: 'publish',
};

/** Writing and the editorial workflow in the admin area. Prefix: /admin */
export default async function newsAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  const params = (request: FastifyRequest) => request.params as { slug: string; id?: string };

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    actor: Actor,
    post: Post | null,
    form: FormState,
    status = 200,
  ) {
    const [categories, regions, library, chosen] = await Promise.all([
      categoriesOf(app.db, agency.id),
      listRegions(app.db),
      app.db
        .selectFrom('media')
        .selectAll()
        .where('agencyId', '=', agency.id)
        .orderBy('createdAt', 'desc')
        .limit(30)
        .execute(),
      post ? galleryIds(app.db, post.id) : Promise.resolve([]),
    ]);
    const typed = (request.body as FormBody | undefined)?.gallery_media_ids;
    return reply.page(
      <PostFormPage
        ctx={pageContext(request, reply)}
        agency={agency}
        post={post}
        form={form}
        categories={categories}
        regions={regions}
        library={library}
        chosen={typed ? [typed].flat() : chosen}
        actions={post ? allowedActions(actor, post) : []}
        canPublish={canPublish(actor, agency.id)}
      />,
      status,
    );
  }

  async function editValues(post: Post): Promise<Record<string, string>> {
    const [tags, categories, region] = await Promise.all([
      tagsOf(app.db, post.id),
      categoriesOf(app.db, post.agencyId),
      post.regionId
        ? app.db.selectFrom('regions').select('slug').where('id', '=', post.regionId).executeTakeFirst()
        : undefined,
    ]);
    return formValuesOf(post, {
      tags,
      categorySlug: categories.find((c) => c.id === post.categoryId)?.slug ?? '',
      regionSlug: region?.slug ?? '',
    });
  }

  /** Runs a save; on a field problem shows the form again with what was typed, else redirects. */
  async function saving(
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    actor: Actor,
    post: Post | null,
    work: (input: PostInput) => Promise<Post>,
  ) {
    const body = request.body as FormBody;
    const input = postInputFromForm(body);
    const typed = {
      ...(Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<
        string,
        string
      >),
    };
    const invalid = validateBody(PostInput, input);
    if (invalid)
      return showForm(request, reply, agency, actor, post, { values: typed, errors: invalid }, 422);
    try {
      const saved = await work(input);
      return reply.redirectWithFlash(
        `/admin/opd/${agency.slug}/berita/${saved.id}`,
        (await postHeldFlash(app.db, saved)) ?? messageFor(saved.status),
      );
    } catch (err) {
      const fields = errorsFrom(err);
      if (fields)
        return showForm(request, reply, agency, actor, post, { values: typed, errors: fields }, 422);
      throw err;
    }
  }

  app.get(
    '/opd/:slug/berita',
    {
      schema: {
        params: SlugParams,
        querystring: Type.Object({
          status: Type.Optional(Type.String({ maxLength: 20 })),
          halaman: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
        }),
        hide: true,
      },
    },
    async (request, reply) => {
      const agency = await loadAgencyFor(app, requireActor(request), params(request).slug, canWritePosts);
      const q = request.query as { status?: string; halaman?: number };
      const status = (POST_STATUSES as readonly string[]).includes(q.status ?? '')
        ? (q.status as PostStatus)
        : '';
      const page = q.halaman ?? 1;
      const { rows, total } = await listAgencyPosts(app.db, agency.id, {
        status: status || undefined,
        page,
        perPage: PER_PAGE,
      });
      return reply.page(
        <AdminPostList
          ctx={pageContext(request, reply)}
          agency={agency}
          posts={rows}
          status={status}
          page={page}
          total={total}
          perPage={PER_PAGE}
        />,
      );
    },
  );

  app.get(
    '/opd/:slug/berita/baru',
    { schema: { params: SlugParams, hide: true } },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await loadAgencyFor(app, actor, params(request).slug, canWritePosts);
      return showForm(request, reply, agency, actor, null, emptyForm({ category: 'berita' }));
    },
  );

  app.post('/opd/:slug/berita', { schema: { params: SlugParams, hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    const agency = await loadAgencyFor(app, actor, params(request).slug, canWritePosts);
    const intent = intents[String((request.body as FormBody).intent ?? 'draft')];
    return saving(request, reply, agency, actor, null, (input) =>
      createPost(app.db, actor, agency, input, intent ? { action: intent } : undefined),
    );
  });

  app.get('/opd/:slug/berita/:id', { schema: { params: PostParams, hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    const agency = await loadAgencyFor(app, actor, params(request).slug, canWritePosts);
    const post = await getPost(app.db, agency.id, params(request).id!);
    return showForm(request, reply, agency, actor, post, emptyForm(await editValues(post)));
  });

  app.post(
    '/opd/:slug/berita/:id',
    { schema: { params: PostParams, hide: true } },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await loadAgencyFor(app, actor, params(request).slug, canWritePosts);
      const post = await getPost(app.db, agency.id, params(request).id!);
      return saving(request, reply, agency, actor, post, (input) => updatePost(app.db, actor, post, input));
    },
  );

  app.post(
    '/opd/:slug/berita/:id/langkah',
    { schema: { params: PostParams, hide: true } },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await loadAgencyFor(app, actor, params(request).slug, canWritePosts);
      const post = await getPost(app.db, agency.id, params(request).id!);
      const body = request.body as FormBody;
      const action = POST_ACTIONS.find((a) => a === body.action);
      const publishAtText = typeof body.publish_at === 'string' ? body.publish_at : '';
      const publishAt = publishAtText
        ? localDateTimeToUtc(publishAtText, zoneOffsetMinutes(new Date(), request.installation.timeZone))
        : undefined;
      try {
        if (!action) throw new Error('unknown action');
        const moved = await transitionPost(app.db, actor, agency.id, post.id, action, {
          note: typeof body.note === 'string' ? body.note : undefined,
          publishAt,
        });
        return reply.redirectWithFlash(
          `/admin/opd/${agency.slug}/berita/${post.id}`,
          (await postHeldFlash(app.db, moved)) ?? messageFor(moved.status),
        );
      } catch (err) {
        const fields = errorsFrom(err);
        if (!fields && action) throw err;
        return showForm(
          request,
          reply,
          agency,
          actor,
          post,
          { values: await editValues(post), errors: fields ?? { _: 'Langkah tidak dikenal.' } },
          422,
        );
      }
    },
  );

  app.post(
    '/opd/:slug/berita/:id/hapus',
    { schema: { params: PostParams, hide: true } },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await loadAgencyFor(app, actor, params(request).slug, canWritePosts);
      await deletePost(app.db, actor, await getPost(app.db, agency.id, params(request).id!));
      return reply.redirectWithFlash(`/admin/opd/${agency.slug}/berita`, 'Berita sudah dihapus.');
    },
  );
}

function messageFor(status: PostStatus): string {
  return {
    draft: 'Draf tersimpan.',
    review: 'Berita diajukan untuk ditinjau editor.',
    scheduled: 'Berita dijadwalkan terbit.',
    published: 'Berita sudah terbit.',
  }[status];
}
