import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn } from '../test/client.js';
import { createDatabase } from '../db/database.js';
import { searchSite } from '../search/search.service.js';
import { listQueue, queueCounts } from '../complaints/complaints.queries.js';
import { seedVolume, VolumeSeedError } from './volume.js';

const COORDINATOR = 'aduan@pontianak.go.id';

for (const dialect of dialects()) {
  describe(`seedVolume (${dialect})`, () => {
    it('fills the demo city so that the pages, the search and the queue show the seeded rows', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const handle = createDatabase({
        url: config.databaseUrl,
        schema: config.databaseSchema,
        dataDir: config.dataDir,
      });
      t.after(() => handle.close());
      const { db } = handle;
      const options = { posts: 45, complaints: 1200, agencyCount: 3, covers: 2, dataDir: config.dataDir };

      const result = await seedVolume(handle, options);
      assert.equal(result.posts, 45);
      assert.equal(result.agencies, 3);
      assert.ok(result.articlePath, 'names an article for the bench');

      const posts = await db
        .selectFrom('posts')
        .select(['title', 'agencyId', 'coverMediaId'])
        .where('status', '=', 'published')
        .orderBy('publishedAt', 'desc')
        .execute();
      assert.equal(posts.length, 45);
      assert.equal(new Set(posts.map((p) => p.agencyId)).size, 3, 'spread over the first three OPDs');
      assert.equal(posts.filter((p) => p.coverMediaId).length, 2, 'the newest two with a cover photo');
      const list = await app.inject('/berita');
      assert.equal(list.statusCode, 200);
      assert.ok(list.body.includes(posts[0]!.title), 'the newest seeded post is on /berita');
      assert.equal((await app.inject(result.articlePath)).statusCode, 200);

      // The search triggers indexed the rows as they index the app's own writes.
      const found = await searchSite(db, { query: result.searchWord, page: 1, kinds: ['post'] });
      assert.ok(found.total > 0);
      assert.equal(found.total, result.searchHits);
      const search = await app.inject(`/cari?q=${result.searchWord}`);
      assert.ok(search.body.includes(found.hits[0]!.path), 'the search page links a seeded post');

      const at = new Date().toISOString();
      const all = await db
        .selectFrom('complaints')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(all.n), 1200);
      const counts = await queueCounts(db, 'all', at, at);
      assert.ok(counts.new > 0, 'some complaints are new, as in a real queue');
      const first = await listQueue(db, 'all', { tab: 'new', at, dueSoonBefore: at });
      const coordinator = await signedIn(app, COORDINATOR);
      const queue = await coordinator.get('/admin/aduan?tab=baru');
      assert.equal(queue.statusCode, 200);
      assert.ok(
        queue.body.includes(first.rows[0]!.trackingCode),
        "a seeded complaint is in the coordinator's queue",
      );
      assert.match(queue.body, new RegExp(`Baru<span class="complaint-tabs__count"> \\(${counts.new}\\)`));
    });

    it('refuses a second run before writing anything, and a bad --agency-count', async (t) => {
      const { config } = await buildTestApp(t, dialect);
      const handle = createDatabase({
        url: config.databaseUrl,
        schema: config.databaseSchema,
        dataDir: config.dataDir,
      });
      t.after(() => handle.close());
      const count = async (table: 'posts' | 'complaints') =>
        Number(
          (
            await handle.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      await seedVolume(handle, { posts: 3, complaints: 10, covers: 0, dataDir: config.dataDir });
      await assert.rejects(
        seedVolume(handle, { posts: 3, complaints: 10, covers: 0, dataDir: config.dataDir }),
        (err: Error) =>
          err instanceof VolumeSeedError && /sudah berisi berita dari seed-volume/.test(err.message),
      );
      await assert.rejects(
        seedVolume(handle, { posts: 0, complaints: 10, dataDir: config.dataDir }),
        (err: Error) =>
          err instanceof VolumeSeedError && /sudah berisi aduan dari seed-volume/.test(err.message),
      );
      assert.equal(await count('posts'), 3);
      assert.equal(await count('complaints'), 10);
      await assert.rejects(
        seedVolume(handle, { posts: 0, complaints: 0, agencyCount: 999, dataDir: config.dataDir }),
        /--agency-count 999: instalasi ini hanya punya \d+ OPD/,
      );
    });
  });
}
