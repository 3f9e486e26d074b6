import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static, type TObject } from '@sinclair/typebox';
import { authorizeInAgency, type Actor } from '../accounts/accounts.policy.js';
import { findAgencyBySlug } from '../agencies/agencies.repository.js';
import { SlugParams } from '../agencies/agencies.schemas.js';
import type { DbOrTx } from '../db/database.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { requireActor } from '../http/auth.js';
import { Text, errorResponses as err } from '../http/schema.js';
import { canWritePosts } from './news.policy.js';
import {
  mergePatch,
  presentCreated,
  presentPostList,
  presentPost,
  presentRevision,
  PostCreatedJson,
  PostJson,
  PostListJson,
  RevisionJson,
  type PostView,
} from './news.presenter.js';
import { categoriesOf, galleryIds, listAgencyPosts, tagsOf } from './news.repository.js';
import { POST_ACTIONS, PostInput, type PostAction } from './news.schemas.js';
import { createPost, deletePost, updatePost } from './news.service.js';
import { transitionPost } from './news.workflow.js';
import { POST_STATUSES, type Post } from './news.table.js';

const PER_PAGE = 20;

const CREATE_STATUSES = ['draft', 'review', 'published', 'scheduled'] as const;
type CreateStatus = (typeof CREATE_STATUSES)[number];
/** The step the service takes after saving the draft, for each status a new post may ask for. */
const STEP_FOR: Record<CreateStatus, PostAction | null> = {
  draft: null,
  review: 'submit',
  published: 'publish',
  scheduled: 'schedule',
};

const PublishAt = Type.String({
  title: 'Waktu terbit',
  format: 'date-time',
  description: 'ISO 8601 dengan zona waktu, misalnya 2026-12-01T08:00:00+07:00',
});
const PostCreateInput = Type.Object({
  ...PostInput.properties,
  status: Type.Optional(
    Type.Unsafe<CreateStatus>({
      type: 'string',
      title: 'Status',
      enum: [...CREATE_STATUSES],
      default: 'draft',
    }),
  ),
  publish_at: Type.Optional(PublishAt),
});
type PostCreateInput = Static<typeof PostCreateInput>;
const PostPatchInput = Type.Partial(PostInput);
const IdParams = Type.Object({ id: Type.String({ maxLength: 36, pattern: '^[0-9a-f-]{36}$' }) });
const ListQuery = Type.Object({
  status: Type.Optional(
    Type.Unsafe<Post['status']>({ type: 'string', title: 'Status', enum: [...POST_STATUSES] }),
  ),
  page: Type.Integer({ title: 'Halaman', minimum: 1, maximum: 10_000, default: 1 }),
});

/** What each editorial step asks for and how the API describes it. */
const STEPS: Record<PostAction, { summary: string; body?: TObject }> = {
  submit: { summary: 'Ajukan berita untuk ditinjau' },
  publish: { summary: 'Terbitkan berita (editor atau admin)' },
  reject: {
    summary: 'Kembalikan berita ke penulis dengan catatan (editor atau admin)',
    body: Type.Object({ note: Text('Catatan', 2000) }),
  },
  unpublish: { summary: 'Tarik berita yang sudah terbit (editor atau admin)' },
  schedule: {
    summary: 'Jadwalkan penerbitan (editor atau admin)',
    body: Type.Object({ publish_at: PublishAt }),
  },
};

/** An ISO time as stored: UTC, so the service compares like with like. */
function toUtc(iso: string | undefined): string | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new ValidationError({ publish_at: 'Waktu terbit tidak dikenali.' });
  return new Date(ms).toISOString();
}

/**
 * Routes with a body attach their validation errors: body errors wait until the caller is known
 * to belong, so another agency's post stays a plain 404. A path that names nothing is a 404 at once.
 */
function assertValidParams(request: FastifyRequest) {
  if (request.validationError?.validationContext === 'params') throw new NotFoundError();
}

function assertValidBody(request: FastifyRequest) {
  const error = request.validationError as FastifyError | undefined;
  if (error) throw error;
}

/**
 * The API names a post by id alone. The row brings its agency, and every route authorises the
 * caller against that agency straight after loading: another agency's post is a 404.
 */
async function loadPostView(db: DbOrTx, id: string): Promise<PostView> {
  const row = await db
    .selectFrom('posts')
    .innerJoin('agencies', 'agencies.id', 'posts.agencyId')
    .leftJoin('categories', 'categories.id', 'posts.categoryId')
    .leftJoin('regions', 'regions.id', 'posts.regionId')
    .selectAll('posts')
    .select(['agencies.slug as agencySlug', 'categories.slug as categorySlug', 'regions.slug as regionSlug'])
    .where('posts.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  const { agencySlug, categorySlug, regionSlug, ...post } = row;
  const [tags, gallery] = await Promise.all([tagsOf(db, id), galleryIds(db, id)]);
  return { post, agencySlug, categorySlug, regionSlug, tags, galleryIds: gallery };
}

function revisionsOf(db: DbOrTx, postId: string) {
  return db
    .selectFrom('postRevisions')
    .leftJoin('users', 'users.id', 'postRevisions.authorId')
    .select([
      'postRevisions.id',
      'postRevisions.title',
      'postRevisions.summary',
      'postRevisions.createdAt',
      'users.name as authorName',
    ])
    .where('postRevisions.postId', '=', postId)
    .orderBy('postRevisions.createdAt', 'desc')
    .execute();
}

/** /api/v1: an agency's posts and the editorial workflow, for apps and scripts with a bearer token. */
export default async function newsApi(app: FastifyInstance) {
  const { db } = app;
  const baseUrl = app.config.baseUrl;

  async function agencyFor(request: FastifyRequest, allowed: (a: Actor, id: string) => boolean) {
    const actor = requireActor(request);
    assertValidParams(request);
    const agency = await findAgencyBySlug(db, (request.params as { slug: string }).slug);
    if (!agency) throw new NotFoundError();
    authorizeInAgency(actor, agency.id, allowed);
    return { actor, agency };
  }

  async function postFor(request: FastifyRequest) {
    const actor = requireActor(request);
    assertValidParams(request);
    const view = await loadPostView(db, (request.params as { id: string }).id);
    authorizeInAgency(actor, view.post.agencyId, canWritePosts);
    assertValidBody(request);
    return { actor, view };
  }

  const present = async (actor: Actor, id: string) => presentPost(await loadPostView(db, id), actor, baseUrl);
  const security = [{ bearer: [] }];

  app.post(
    '/agencies/:slug/posts',
    {
      schema: {
        tags: ['posts'],
        summary: 'Tulis berita baru (draf, ajukan, terbitkan atau jadwalkan)',
        security,
        params: SlugParams,
        body: PostCreateInput,
        response: { 201: PostCreatedJson, ...err([400, 401, 403, 404, 422]) },
      },
      attachValidation: true,
    },
    async (request, reply) => {
      const { actor, agency } = await agencyFor(request, canWritePosts);
      assertValidBody(request);
      const { status = 'draft', publish_at, ...input } = request.body as PostCreateInput;
      const action = STEP_FOR[status];
      const then = action ? { action, publishAt: toUtc(publish_at) } : undefined;
      const post = await createPost(db, actor, agency, input, then);
      return reply.code(201).send(presentCreated(post, agency.slug, baseUrl));
    },
  );

  app.get(
    '/agencies/:slug/posts',
    {
      schema: {
        tags: ['posts'],
        summary: 'Daftar berita perangkat daerah, semua status (penulis, editor dan admin OPD)',
        security,
        params: SlugParams,
        querystring: ListQuery,
        response: { 200: PostListJson, ...err([401, 404, 422]) },
      },
    },
    async (request) => {
      const { actor, agency } = await agencyFor(request, canWritePosts);
      const { status, page } = request.query as Static<typeof ListQuery>;
      const [list, categories] = await Promise.all([
        listAgencyPosts(db, agency.id, { status, page, perPage: PER_PAGE }),
        categoriesOf(db, agency.id),
      ]);
      return presentPostList(agency, list, { page, perPage: PER_PAGE }, categories, actor, baseUrl);
    },
  );

  const byId = (summary: string, extra: Record<string, unknown> = {}) => ({
    schema: { tags: ['posts'], summary, security, params: IdParams, ...extra },
    attachValidation: true,
  });

  app.get(
    '/posts/:id',
    byId('Satu berita', { response: { 200: PostJson, ...err([401, 403, 404]) } }),
    async (request) => {
      const { actor, view } = await postFor(request);
      return presentPost(view, actor, baseUrl);
    },
  );

  app.patch(
    '/posts/:id',
    byId('Ubah berita (kolom yang dikirim saja)', {
      body: PostPatchInput,
      response: { 200: PostJson, ...err([400, 401, 403, 404, 422]) },
    }),
    async (request) => {
      const { actor, view } = await postFor(request);
      await updatePost(db, actor, view.post, mergePatch(view, request.body as Partial<PostInput>));
      return present(actor, view.post.id);
    },
  );

  app.delete(
    '/posts/:id',
    byId('Hapus berita', { response: { 204: Type.Null(), ...err([401, 403, 404]) } }),
    async (request, reply) => {
      const { actor, view } = await postFor(request);
      await deletePost(db, actor, view.post);
      return reply.code(204).send();
    },
  );

  for (const action of POST_ACTIONS) {
    const { summary, body } = STEPS[action];
    app.post(
      `/posts/:id/${action}`,
      byId(summary, {
        ...(body ? { body } : {}),
        response: { 200: PostJson, ...err([400, 401, 403, 404, 422]) },
      }),
      async (request) => {
        const { actor, view } = await postFor(request);
        const input = (request.body ?? {}) as { note?: string; publish_at?: string };
        const { id, agencyId } = view.post;
        await transitionPost(db, actor, agencyId, id, action, {
          note: input.note,
          publishAt: toUtc(input.publish_at),
        });
        return present(actor, id);
      },
    );
  }

  app.get(
    '/posts/:id/revisions',
    byId('Riwayat versi berita', { response: { 200: Type.Array(RevisionJson), ...err([401, 403, 404]) } }),
    async (request) => {
      const { view } = await postFor(request);
      return (await revisionsOf(db, view.post.id)).map(presentRevision);
    },
  );
}
