import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { adminGuard } from '../accounts/admin-guard.js';
import { loadAgencyFor } from '../agencies/agencies.admin.routes.js';
import { SlugParams } from '../agencies/agencies.schemas.js';
import type { DbOrTx } from '../db/database.js';
import { NotFoundError } from '../errors.js';
import { requireActor } from '../http/auth.js';
import { pageContext } from '../http/page.js';
import { canEditPost, canWritePosts } from './news.policy.js';
import { getPost } from './news.repository.js';
import { restoreRevision } from './news.service.js';
import { RevisionsPage, WORKFLOW_ACTIONS, type RevisionItem, type WorkflowItem } from './views/revisions.js';

/** The newest versions shown (and diffed); older ones are rarely wanted and make the page heavy. */
const SHOWN = 50;

const PostParams = Type.Intersect([SlugParams, Type.Object({ id: Type.String({ format: 'uuid' }) })]);
const RevisionParams = Type.Intersect([
  PostParams,
  Type.Object({ revision: Type.String({ format: 'uuid' }) }),
]);

/** The newest versions of a post's text first, with the writer's name (null when the account is gone). */
async function revisionsOf(db: DbOrTx, postId: string): Promise<{ rows: RevisionItem[]; total: number }> {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('postRevisions')
      .leftJoin('users', 'users.id', 'postRevisions.authorId')
      .select([
        'postRevisions.id',
        'postRevisions.title',
        'postRevisions.summary',
        'postRevisions.bodyHtml',
        'postRevisions.createdAt',
        'users.name as authorName',
      ])
      .where('postRevisions.postId', '=', postId)
      .orderBy('postRevisions.createdAt', 'desc')
      .orderBy('postRevisions.id', 'desc')
      // one more than shown, so the oldest shown still has a version to be compared with
      .limit(SHOWN + 1)
      .execute(),
    db
      .selectFrom('postRevisions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('postId', '=', postId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

function detailsOf(json: string): WorkflowItem['details'] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object') return {};
    const { note, publishAt, from } = parsed as Record<string, unknown>;
    return {
      ...(typeof note === 'string' ? { note } : {}),
      ...(typeof publishAt === 'string' ? { publishAt } : {}),
      ...(typeof from === 'string' ? { from } : {}),
    };
  } catch {
    return {};
  }
}

/** The post's editorial steps from the audit trail, newest first, scoped to the agency. */
async function workflowOf(db: DbOrTx, agencyId: string, postId: string): Promise<WorkflowItem[]> {
  const rows = await db
    .selectFrom('auditEvents')
    .leftJoin('users', 'users.id', 'auditEvents.actorId')
    .select([
      'auditEvents.id',
      'auditEvents.action',
      'auditEvents.details',
      'auditEvents.createdAt',
      'auditEvents.actorId',
      'users.name as actorName',
    ])
    .where('auditEvents.agencyId', '=', agencyId)
    .where('auditEvents.subjectType', '=', 'post')
    .where('auditEvents.subjectId', '=', postId)
    .where('auditEvents.action', 'in', [...WORKFLOW_ACTIONS])
    .orderBy('auditEvents.createdAt', 'desc')
    .orderBy('auditEvents.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, details: detailsOf(r.details) }));
}

/** A post's version history with a readable diff, its editorial steps, and restoring. Prefix: /admin */
export default async function revisionsAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  const params = (request: FastifyRequest) =>
    request.params as { slug: string; id: string; revision?: string };

  app.get(
    '/opd/:slug/berita/:id/revisi',
    { schema: { params: PostParams, hide: true } },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await loadAgencyFor(app, actor, params(request).slug, canWritePosts);
      const post = await getPost(app.db, agency.id, params(request).id);
      const [revisions, workflow] = await Promise.all([
        revisionsOf(app.db, post.id),
        workflowOf(app.db, agency.id, post.id),
      ]);
      return reply.page(
        <RevisionsPage
          ctx={pageContext(request, reply)}
          agency={agency}
          post={post}
          revisions={revisions.rows}
          shown={SHOWN}
          total={revisions.total}
          workflow={workflow}
          canRestore={canEditPost(actor, post)}
        />,
      );
    },
  );

  app.post(
    '/opd/:slug/berita/:id/revisi/:revision/pulihkan',
    { schema: { params: RevisionParams, hide: true } },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await loadAgencyFor(app, actor, params(request).slug, canWritePosts);
      const post = await getPost(app.db, agency.id, params(request).id);
      // A version of some other post is as unknown here as a post of another agency.
      const revision = await app.db
        .selectFrom('postRevisions')
        .select('id')
        .where('postId', '=', post.id)
        .where('id', '=', params(request).revision ?? '')
        .executeTakeFirst();
      if (!revision) throw new NotFoundError();
      await restoreRevision(app.db, actor, post, revision.id);
      return reply.redirectWithFlash(
        `/admin/opd/${agency.slug}/berita/${post.id}/revisi`,
        'Versi lama sudah dipulihkan sebagai versi terbaru.',
      );
    },
  );
}
