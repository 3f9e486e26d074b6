import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { makeMember } from '../test/factories.js';
import { buildTestApp, dialects } from '../test/app.js';
import type { AgencyRole } from '../accounts/accounts.table.js';
import { createPost, restoreRevision, updatePost } from './news.service.js';
import { allowedActions, publishDuePosts, transitionPost } from './news.workflow.js';

async function member(app: FastifyInstance, slug: string, role: AgencyRole) {
  const { agency, actor } = await makeMember(app, slug, role, { name: `${role} ${slug}` });
  return { agency, actor };
}

const input = {
  title: 'Rapat Koordinasi Penanganan Banjir',
  body_html: '<p>Rapat di <strong>kantor lurah</strong>.</p><script>alert(1)</script>',
};

for (const dialect of dialects()) {
  describe(`editorial workflow (${dialect})`, () => {
    it('takes a post from an author draft through review to published, recording every step', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency, actor: author } = await member(app, 'dinkes', 'author');
      const { actor: editor } = await member(app, 'dinkes', 'editor');
      const draft = await createPost(app.db, author, agency, input);
      assert.equal(draft.status, 'draft');
      assert.equal(draft.slug, 'rapat-koordinasi-penanganan-banjir');
      assert.equal(draft.bodyHtml, '<p>Rapat di <strong>kantor lurah</strong>.</p>', 'the body is sanitised');
      assert.deepEqual(allowedActions(author, draft), ['submit']);
      await assert.rejects(transitionPost(app.db, author, agency.id, draft.id, 'publish'), { status: 403 });
      const inReview = await transitionPost(app.db, author, agency.id, draft.id, 'submit');
      assert.equal(inReview.status, 'review');
      const back = await transitionPost(app.db, editor, agency.id, draft.id, 'reject', {
        note: 'Tambahkan jumlah peserta.',
      });
      assert.equal(back.reviewNote, 'Tambahkan jumlah peserta.');
      await transitionPost(app.db, author, agency.id, draft.id, 'submit');
      const published = await transitionPost(app.db, editor, agency.id, draft.id, 'publish');
      assert.equal(published.status, 'published');
      assert.ok(published.publishedAt);
      const steps = await app.db
        .selectFrom('auditEvents')
        .select('action')
        .where('subjectId', '=', draft.id)
        .orderBy('createdAt')
        .execute();
      assert.deepEqual(
        steps.map((s) => s.action),
        ['post.created', 'post.submit', 'post.reject', 'post.submit', 'post.publish'],
      );
    });

    it('gives a duplicate title a suffixed slug within the agency, and the same slug in another agency', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const a = await member(app, 'dinkes', 'editor');
      const b = await member(app, 'dishub', 'editor');
      assert.equal(
        (await createPost(app.db, a.actor, a.agency, input)).slug,
        'rapat-koordinasi-penanganan-banjir',
      );
      assert.equal(
        (await createPost(app.db, a.actor, a.agency, input)).slug,
        'rapat-koordinasi-penanganan-banjir-2',
      );
      assert.equal(
        (await createPost(app.db, b.actor, b.agency, input)).slug,
        'rapat-koordinasi-penanganan-banjir',
      );
    });

    it('publishes a scheduled post once when its time comes, however often the job runs', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency, actor } = await member(app, 'dinkes', 'editor');
      const soon = new Date(Date.now() + 60_000).toISOString();
      const post = await createPost(app.db, actor, agency, input, { action: 'schedule', publishAt: soon });
      assert.equal(post.status, 'scheduled');
      assert.equal(await publishDuePosts(app.db), 0, 'not before its time');
      const later = new Date(Date.now() + 120_000).toISOString();
      const runs = await Promise.all([
        publishDuePosts(app.db, later),
        publishDuePosts(app.db, later),
        publishDuePosts(app.db, later),
      ]);
      assert.equal(
        runs.reduce((a, b) => a + b, 0),
        1,
      );
      const row = await app.db
        .selectFrom('posts')
        .select(['status', 'publishedAt'])
        .where('id', '=', post.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'published');
      assert.equal(row.publishedAt, soon);
    });

    it('keeps every version of the text and restores an earlier one as a new version', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency, actor } = await member(app, 'dinkes', 'editor');
      const post = await createPost(app.db, actor, agency, input);
      const edited = await updatePost(app.db, actor, post, {
        ...input,
        title: 'Rapat Koordinasi (diperbarui)',
      });
      assert.equal(edited.slug, post.slug, 'the address does not change with the title');
      const revisions = await app.db
        .selectFrom('postRevisions')
        .selectAll()
        .where('postId', '=', post.id)
        .orderBy('createdAt')
        .execute();
      assert.equal(revisions.length, 2);
      const restored = await restoreRevision(app.db, actor, edited, revisions[0]!.id);
      assert.equal(restored.title, input.title);
      const after = await app.db
        .selectFrom('postRevisions')
        .select('id')
        .where('postId', '=', post.id)
        .execute();
      assert.equal(after.length, 3);
    });

    it("refuses another agency's photo and a category that does not exist, saving nothing", async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency, actor } = await member(app, 'dinkes', 'editor');
      await assert.rejects(createPost(app.db, actor, agency, { ...input, category: 'gosip' }), {
        status: 422,
      });
      await assert.rejects(
        createPost(app.db, actor, agency, {
          ...input,
          gallery_media_ids: ['00000000-0000-4000-8000-000000000000'],
        }),
        { status: 422 },
      );
      const count = await app.db
        .selectFrom('posts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 0);
    });
  });
}
