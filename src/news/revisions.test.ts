import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { AgencyRole } from '../accounts/accounts.table.js';
import { getInstallation } from '../agencies/agencies.repository.js';
import { makeMember } from '../test/factories.js';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn } from '../test/client.js';
import { assertNoRawMarkup } from '../test/hostile.js';
import { formatDateTime } from '../time/format.js';
import { createPost, updatePost } from './news.service.js';
import { publishDuePosts, transitionPost } from './news.workflow.js';
import type { Post } from './news.table.js';

const PASSWORD = 'kata-sandi-uji-123';

async function member(app: FastifyInstance, slug: string, role: AgencyRole, name = `${role} ${slug}`) {
  const { agency, actor, email, user } = await makeMember(app, slug, role, { name, password: PASSWORD });
  return { agency, actor, email, userId: user.id };
}

/** Saves land in distinct milliseconds, so "newest first" has one answer. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

const first = {
  title: 'Rapat Koordinasi Banjir',
  summary: 'Rapat di kantor lurah.',
  body_html: '<p>Rapat dihadiri lima puluh warga.</p><p>Dipimpin oleh lurah.</p>',
};

const revisionsOf = (app: FastifyInstance, postId: string) =>
  app.db
    .selectFrom('postRevisions')
    .select(['id', 'title'])
    .where('postId', '=', postId)
    .orderBy('createdAt')
    .execute();

/** The part of the page for one version, from its anchor to the next list item. */
function versionBlock(html: string, revisionId: string): string {
  const start = html.indexOf(`id="versi-${revisionId}"`);
  assert.ok(start >= 0, `version ${revisionId} is on the page`);
  const end = html.indexOf('</li>', start);
  return html.slice(start, end);
}

/** The page as seen on screen: without the words only screen readers announce. */
const withoutHiddenText = (html: string) => html.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '');

for (const dialect of dialects()) {
  describe(`GET /admin/opd/:slug/berita/:id/revisi (${dialect})`, () => {
    it('lists versions newest first with who and when, each diffed word by word against the one before', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency, actor, email } = await member(app, 'dinkes', 'editor', 'Siti Editor');
      const post = await createPost(app.db, actor, agency, first);
      await pause();
      await updatePost(app.db, actor, post, {
        ...first,
        title: 'Rapat Koordinasi Penanganan Banjir',
        body_html: '<p>Rapat dihadiri enam puluh warga.</p><p>Dipimpin oleh lurah.</p>',
      });
      const [v1, v2] = await revisionsOf(app, post.id);
      assert.ok(v1 && v2);
      const zone = (await getInstallation(app.db)).timeZone;
      const created = await app.db
        .selectFrom('postRevisions')
        .select('createdAt')
        .where('id', '=', v2.id)
        .executeTakeFirstOrThrow();

      const page = await (
        await signedIn(app, email, PASSWORD)
      ).get(`/admin/opd/dinkes/berita/${post.id}/revisi`);
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.indexOf(`versi-${v2.id}`) < page.body.indexOf(`versi-${v1.id}`), 'newest first');
      const newest = versionBlock(page.body, v2.id);
      assert.match(newest, /Versi 2 · Versi sekarang/);
      assert.match(newest, /Siti Editor/);
      assert.ok(newest.includes(formatDateTime(created.createdAt, zone)), 'when, in the installation zone');
      const seen = withoutHiddenText(newest);
      assert.match(seen, /Rapat Koordinasi <ins>Penanganan <\/ins>Banjir/);
      assert.match(
        seen,
        /Rapat dihadiri <del>lima<\/del><ins>enam<\/ins> puluh warga\. Dipimpin oleh lurah\./,
      );
      assert.match(
        newest,
        /<del><span class="visually-hidden">\[dihapus: <\/span>lima<span/,
        'said aloud too',
      );
      assert.doesNotMatch(newest, /Ringkasan/, 'an unchanged field is left out');
      assert.doesNotMatch(newest, /Pulihkan versi ini/, 'the current version is not offered for restoring');
      const oldest = versionBlock(page.body, v1.id);
      assert.match(oldest, /Versi pertama\./);
      assert.match(oldest, /Pulihkan versi ini/);
      assert.ok(oldest.includes(`/revisi/${v1.id}/pulihkan`));
    });

    it('shows typed markup in titles and bodies as text, never as markup', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency, actor, email } = await member(app, 'dinkes', 'editor');
      const post = await createPost(app.db, actor, agency, first);
      await pause();
      await updatePost(app.db, actor, post, {
        title: '<script>alert(1)</script>',
        summary: '"><img src=x onerror=alert(1)>',
        body_html: '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>',
      });
      const page = await (
        await signedIn(app, email, PASSWORD)
      ).get(`/admin/opd/dinkes/berita/${post.id}/revisi`);
      assert.equal(page.statusCode, 200);
      assertNoRawMarkup(page.body, 'revision page');
      assert.match(page.body, /&lt;script>alert\(1\)&lt;\/script>/);
    });

    it('shortens long unchanged stretches of the body to the words around a change', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency, actor, email } = await member(app, 'dinkes', 'editor');
      const words = Array.from({ length: 200 }, (_, i) => `kata${i}`);
      const post = await createPost(app.db, actor, agency, {
        ...first,
        body_html: `<p>${words.join(' ')}</p>`,
      });
      await pause();
      const changed = words.map((w) => (w === 'kata100' ? 'UBAH' : w));
      await updatePost(app.db, actor, post, { ...first, body_html: `<p>${changed.join(' ')}</p>` });
      const page = await (
        await signedIn(app, email, PASSWORD)
      ).get(`/admin/opd/dinkes/berita/${post.id}/revisi`);
      assert.match(page.body, /kata99 <\/?[a-z]/, 'the word before the change is kept');
      assert.match(page.body, /kata101/, 'the word after the change is kept');
      assert.doesNotMatch(page.body, /kata10 /, 'far-away words are left out');
      assert.match(page.body, /… kata75 /);
    });

    it('tells the editorial steps with who and when, and names a removed account "Akun terhapus"', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency, actor: author, userId } = await member(app, 'dinkes', 'author', 'Budi Penulis');
      const { actor: editor, email } = await member(app, 'dinkes', 'editor', 'Siti Editor');
      const post = await createPost(app.db, author, agency, first);
      const step = async (who: typeof author, action: Parameters<typeof transitionPost>[4], o = {}) => {
        await pause();
        return transitionPost(app.db, who, agency.id, post.id, action, o);
      };
      await step(author, 'submit');
      await step(editor, 'reject', { note: 'Tambahkan <b>jumlah</b> peserta.' });
      await step(author, 'submit');
      const at = new Date(Date.now() + 3_600_000).toISOString();
      await step(editor, 'schedule', { publishAt: at });
      await pause();
      assert.equal(await publishDuePosts(app.db, new Date(Date.now() + 7_200_000).toISOString()), 1);
      await step(editor, 'unpublish');
      await app.db.deleteFrom('users').where('id', '=', userId).execute();

      const zone = (await getInstallation(app.db)).timeZone;
      const page = await (
        await signedIn(app, email, PASSWORD)
      ).get(`/admin/opd/dinkes/berita/${post.id}/revisi`);
      assert.equal(page.statusCode, 200);
      const steps = [...page.body.matchAll(/<li><strong>([^<]*)<\/strong> — ([^,]*),/g)].map(
        (s) => `${s[1]} | ${s[2]}`,
      );
      assert.deepEqual(steps, [
        'Ditarik | Siti Editor',
        'Terbit sesuai jadwal | Sistem (terbit otomatis)',
        `Dijadwalkan ${formatDateTime(at, zone)} | Siti Editor`,
        'Diajukan | Akun terhapus',
        'Dikembalikan: Tambahkan &lt;b>jumlah&lt;/b> peserta. | Siti Editor',
        'Diajukan | Akun terhapus',
        'Dibuat | Akun terhapus',
      ]);
      assert.match(versionBlock(page.body, (await revisionsOf(app, post.id))[0]!.id), /Akun terhapus/);
    });

    it("answers 404 for another agency's post, also through the other agency's own address", async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency, actor } = await member(app, 'dinkes', 'editor');
      const { email } = await member(app, 'dishub', 'editor');
      const post = await createPost(app.db, actor, agency, first);
      const other = await signedIn(app, email, PASSWORD);
      assert.equal((await other.get(`/admin/opd/dishub/berita/${post.id}/revisi`)).statusCode, 404);
      assert.equal((await other.get(`/admin/opd/dinkes/berita/${post.id}/revisi`)).statusCode, 404);
    });
  });

  describe(`POST /admin/opd/:slug/berita/:id/revisi/:revision/pulihkan (${dialect})`, () => {
    it('brings back an older version as the newest, with a message', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency, actor, email } = await member(app, 'dinkes', 'editor');
      const post = await createPost(app.db, actor, agency, first);
      await pause();
      await updatePost(app.db, actor, post, { ...first, title: 'Judul Yang Keliru' });
      const [v1] = await revisionsOf(app, post.id);
      const editor = await signedIn(app, email, PASSWORD);
      await editor.get(`/admin/opd/dinkes/berita/${post.id}/revisi`);
      await pause();
      const res = await editor.post(`/admin/opd/dinkes/berita/${post.id}/revisi/${v1!.id}/pulihkan`, {});
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `/admin/opd/dinkes/berita/${post.id}/revisi`);
      const after = await revisionsOf(app, post.id);
      assert.deepEqual(
        after.map((r) => r.title),
        [first.title, 'Judul Yang Keliru', first.title],
      );
      const row = await app.db
        .selectFrom('posts')
        .select('title')
        .where('id', '=', post.id)
        .executeTakeFirst();
      assert.equal(row?.title, first.title);
      const page = await editor.get(res.headers.location);
      assert.match(page.body, /Versi lama sudah dipulihkan sebagai versi terbaru\./);
      assert.match(page.body, /<strong>Versi lama dipulihkan<\/strong>/);
    });

    it('refuses an author whose post is published (403) and offers them no restore button', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency, actor: author, email } = await member(app, 'dinkes', 'author');
      const { actor: editor } = await member(app, 'dinkes', 'editor');
      const post: Post = await createPost(app.db, author, agency, first);
      await pause();
      await updatePost(app.db, author, post, { ...first, title: 'Judul Kedua' });
      await transitionPost(app.db, editor, agency.id, post.id, 'publish');
      const [v1] = await revisionsOf(app, post.id);
      const client = await signedIn(app, email, PASSWORD);
      const page = await client.get(`/admin/opd/dinkes/berita/${post.id}/revisi`);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /Pulihkan versi ini/);
      const res = await client.post(`/admin/opd/dinkes/berita/${post.id}/revisi/${v1!.id}/pulihkan`, {});
      assert.equal(res.statusCode, 403);
      const row = await app.db
        .selectFrom('posts')
        .select('title')
        .where('id', '=', post.id)
        .executeTakeFirst();
      assert.equal(row?.title, 'Judul Kedua');
    });

    it('answers 404 for a version of another post and for a post of another agency', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency, actor, email } = await member(app, 'dinkes', 'editor');
      const b = await member(app, 'dishub', 'editor');
      const mine = await createPost(app.db, actor, agency, first);
      const sibling = await createPost(app.db, actor, agency, { ...first, title: 'Berita Lain' });
      const theirs = await createPost(app.db, b.actor, b.agency, first);
      const [siblingRev] = await revisionsOf(app, sibling.id);
      const [theirRev] = await revisionsOf(app, theirs.id);
      const client = await signedIn(app, email, PASSWORD);
      await client.get(`/admin/opd/dinkes/berita/${mine.id}/revisi`);
      for (const url of [
        `/admin/opd/dinkes/berita/${mine.id}/revisi/${siblingRev!.id}/pulihkan`,
        `/admin/opd/dinkes/berita/${theirs.id}/revisi/${theirRev!.id}/pulihkan`,
        `/admin/opd/dishub/berita/${theirs.id}/revisi/${theirRev!.id}/pulihkan`,
      ]) {
        assert.equal((await client.post(url, {})).statusCode, 404, url);
      }
      const theirTitle = await app.db
        .selectFrom('posts')
        .select('title')
        .where('id', '=', theirs.id)
        .executeTakeFirst();
      assert.equal(theirTitle?.title, first.title);
    });
  });
}
