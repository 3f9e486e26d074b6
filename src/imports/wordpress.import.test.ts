import { describe, it } from 'node:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { buildTestApp, dialects } from '../test/app.js';
import { makeMember } from '../test/factories.js';
import { photoJpeg } from '../media/media.fixtures.js';
import { importWordPress } from './wordpress.import.js';
import { parseWxr } from './wordpress.parse.js';
import { fixtureItems, uploadsFolder, wxr, type FixtureItem } from './wxr.fixtures.js';

async function run(app: FastifyInstance, dataDir: string, items: FixtureItem[]) {
  const agency = await getAgencyBySlug(app.db, 'dinkes');
  const media = { kind: 'uploads' as const, dir: await uploadsFolder(dataDir) };
  return importWordPress(app.db, {
    agency,
    wxr: parseWxr(wxr(items)),
    media,
    actorId: null,
    storage: app.storage,
  });
}

const postBySlug = (app: FastifyInstance, slug: string) =>
  app.db.selectFrom('posts').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
const count = async (app: FastifyInstance, table: 'posts' | 'postRevisions' | 'media' | 'agencyPages') =>
  Number(
    (
      await app.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

for (const dialect of dialects()) {
  describe(`WordPress import (${dialect})`, () => {
    it('brings posts, a page, photos, categories, tags and authors over, listing what it could not carry', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const editor = await makeMember(app, 'dinkes', 'editor');
      const report = await run(app, config.dataDir, fixtureItems());
      assert.deepEqual(report.posts, { created: 3, updated: 0, unchanged: 0, skipped: 0 });
      assert.deepEqual(report.pages, { created: 1, updated: 0, unchanged: 0, skipped: 0 });
      assert.equal(report.media.created, 2);

      const post = await postBySlug(app, 'posyandu-balita-bansir');
      assert.equal(post.status, 'published');
      assert.equal(post.publishedAt, '2021-05-19T02:30:00.000Z', 'the date is the old post_date_gmt');
      assert.equal(post.authorId, editor.user.id, 'the author is matched to the account by email');
      assert.match(
        post.bodyHtml,
        /^<p>Kegiatan posyandu berjalan lancar.<\/p>/,
        'classic text gets paragraphs',
      );
      assert.match(
        post.bodyHtml,
        /<figure><img src="\/media\/[a-z0-9/_.-]+\.jpg" alt="Vaksinasi" \/><figcaption>\s*Petugas memberi vaksin<\/figcaption><\/figure>/,
      );
      assert.ok(post.coverMediaId, 'the featured image is the cover');
      const gallery = await app.db
        .selectFrom('postGallery')
        .select('mediaId')
        .where('postId', '=', post.id)
        .execute();
      assert.equal(gallery.length, 2, '[gallery ids] becomes the post gallery');
      const tags = await app.db.selectFrom('postTags').select('tag').where('postId', '=', post.id).execute();
      assert.deepEqual(
        tags.map((r) => r.tag),
        ['posyandu'],
      );
      const category = await app.db
        .selectFrom('categories')
        .select('slug')
        .where('id', '=', post.categoryId!)
        .executeTakeFirstOrThrow();
      assert.equal(category.slug, 'kesehatan');

      const video = await postBySlug(app, 'video-sosialisasi-gizi');
      assert.equal(video.authorId, null);
      assert.equal(video.byline, 'Siti Penulis Tamu', 'an unknown author is kept as a byline');
      assert.match(
        video.bodyHtml,
        /<a href="https:\/\/www.youtube.com\/watch\?v=abc123"/,
        'the embed is kept as a link',
      );
      const notes = report.warnings.find((w) => w.title === 'Video Sosialisasi Gizi')?.notes ?? [];
      assert.ok(
        notes.some((n) => n.includes('youtube.com')),
        'the embed is listed',
      );
      assert.ok(
        notes.some((n) => n.includes('[contact-form-7]')),
        'the unknown shortcode is listed',
      );
      assert.equal((await postBySlug(app, 'rancangan-berita')).status, 'draft');
      const page = await app.db
        .selectFrom('agencyPages')
        .selectAll()
        .where('slug', '=', 'sejarah')
        .executeTakeFirstOrThrow();
      assert.equal(page.bodyHtml, '<p>Didirikan tahun 1960.</p>');
    });

    it('changes nothing on a rerun, and updates only the edited item after an edit', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      await run(app, config.dataDir, fixtureItems());
      const before = {
        posts: await count(app, 'posts'),
        revisions: await count(app, 'postRevisions'),
        media: await count(app, 'media'),
      };
      const again = await run(app, config.dataDir, fixtureItems());
      assert.deepEqual(again.posts, { created: 0, updated: 0, unchanged: 3, skipped: 0 });
      assert.deepEqual(again.pages, { created: 0, updated: 0, unchanged: 1, skipped: 0 });
      assert.equal(again.media.created, 0);
      assert.deepEqual(
        {
          posts: await count(app, 'posts'),
          revisions: await count(app, 'postRevisions'),
          media: await count(app, 'media'),
        },
        before,
      );
      const edited = fixtureItems().map((i) =>
        i.id === 103 ? { ...i, title: 'Video Sosialisasi Gizi Seimbang' } : i,
      );
      const third = await run(app, config.dataDir, edited);
      assert.deepEqual(third.posts, { created: 0, updated: 1, unchanged: 2, skipped: 0 });
      const post = await postBySlug(app, 'video-sosialisasi-gizi');
      assert.equal(post.title, 'Video Sosialisasi Gizi Seimbang', 'the slug stays, so links keep working');
      assert.equal(await count(app, 'postRevisions'), before.revisions + 1);
      assert.equal(await count(app, 'posts'), before.posts);
    });

    it('holds an old post the judi-online guard flags, and lists it in the report', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const spam: FixtureItem = {
        id: 200,
        type: 'post',
        title: 'Info Slot Gacor',
        slug: 'info-slot',
        content:
          '<p>Situs slot gacor hari ini, maxwin dijamin. <a href="https://gacor88.xyz/daftar">Daftar</a></p>',
      };
      const report = await run(app, config.dataDir, [...fixtureItems(), spam]);
      assert.deepEqual(
        report.held.map((h) => h.title),
        ['Info Slot Gacor'],
      );
      assert.equal((await postBySlug(app, 'info-slot')).status, 'review');
      const holds = await app.db.selectFrom('contentHolds').select('status').execute();
      assert.deepEqual(
        holds.map((h) => h.status),
        ['open'],
      );
      const res = await app.inject({ url: '/?p=200', headers: { host: 'dinkes.pontianak.go.id' } });
      assert.equal(res.statusCode, 200, 'a held post has no redirect: the old id shows the home page');
    });

    it('leaves out a photo whose title reads as judi online, and says why in the report', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      mkdirSync(path.join(config.dataDir, 'uploads/2021/06'), { recursive: true });
      writeFileSync(path.join(config.dataDir, 'uploads/2021/06/promo.jpg'), await photoJpeg());
      const promo: FixtureItem = {
        id: 300,
        type: 'attachment',
        title: 'Slot gacor hari ini maxwin',
        slug: 'promo',
        file: '2021/06/promo.jpg',
      };
      const report = await run(app, config.dataDir, [...fixtureItems(), promo]);
      assert.equal(report.media.failed, 1);
      assert.match(
        report.mediaFailures.join('\n'),
        /promo\.jpg gagal diimpor: Tidak disimpan: .*judi online/,
      );
      assert.equal(await count(app, 'media'), 2, 'the two fixture photos only');
    });
  });
}
