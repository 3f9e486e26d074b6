import { describe, it, type TestContext } from 'node:test';
import { Worker } from 'node:worker_threads';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { actorFor } from '../accounts/sessions.js';
import { findUserByEmail } from '../accounts/accounts.repository.js';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import type { Config } from '../config.js';
import { createPost } from '../news/news.service.js';
import { publishDuePosts } from '../news/news.workflow.js';
import { buildTestApp, dialects } from '../test/app.js';
import { makeComplaint } from '../test/factories.js';
import { mailText, startMailServer } from '../test/mail.js';
import { startRunner, type RunnerLog } from './scheduler.js';

/** A second app on the same database (same SQLite file, same PostgreSQL schema), in this process. */
async function secondApp(t: TestContext, config: Config, intervalMs?: number) {
  const { app } = await buildApp(config, intervalMs ? { scheduler: { intervalMs } } : {});
  // Registered after the first app's cleanup, so it closes first (t.after runs in reverse order).
  t.after(() => app.close());
  return app;
}

/**
 * The other app runs on a thread of its own, as another process would: two SQLite connections in
 * one thread would stall each other (SQLite waits for a lock by sleeping the thread that holds the
 * other connection). Built with the same config, it reports when ready, then on "go" runs the job.
 */
const OTHER_PROCESS = `
import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};
import { parentPort, workerData } from 'node:worker_threads';
register();
const { buildApp } = await import(workerData.app);
const { publishDuePosts } = await import(workerData.news);
const { app } = await buildApp(workerData.config);
parentPort.once('message', async (at) => {
  try {
    const runs = await Promise.all([1, 2, 3].map(() => publishDuePosts(app.db, at)));
    parentPort.postMessage({ runs });
  } catch (err) {
    parentPort.postMessage({ error: String(err) });
  } finally {
    await app.close();
  }
});
parentPort.postMessage('ready');
`;

interface OtherProcess {
  /** runs publishDuePosts three times at once over there, as of `at`; how many posts each moved */
  publish(at: string): Promise<number[]>;
}

async function otherProcess(t: TestContext, config: Config): Promise<OtherProcess> {
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(OTHER_PROCESS)}`), {
    workerData: {
      config,
      app: new URL('../app.js', import.meta.url).href,
      news: new URL('../news/news.workflow.js', import.meta.url).href,
    },
  });
  t.after(() => worker.terminate());
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  assert.equal(await next(), 'ready');
  return {
    async publish(at) {
      const answer = next();
      worker.postMessage(at);
      const reply = (await answer) as { runs?: number[]; error?: string };
      if (!reply.runs) throw new Error(`the other process failed: ${reply.error}`);
      return reply.runs;
    },
  };
}

/** A post scheduled a minute ahead, by the agency's seeded admin. */
async function scheduledPost(app: FastifyInstance, slug: string, title: string) {
  const agency = await getAgencyBySlug(app.db, slug);
  const actor = await actorFor(app.db, (await findUserByEmail(app.db, `admin1@${slug}.pontianak.go.id`))!);
  const publishAt = new Date(Date.now() + 60_000).toISOString();
  return createPost(
    app.db,
    actor,
    agency,
    { title, body_html: '<p>Isi</p>' },
    { action: 'schedule', publishAt },
  );
}

const onSchedule = (app: FastifyInstance, postId: string) =>
  app.db
    .selectFrom('auditEvents')
    .select('id')
    .where('action', '=', 'post.published_on_schedule')
    .where('subjectId', '=', postId)
    .execute();

const statusOf = async (app: FastifyInstance, postId: string) =>
  (await app.db.selectFrom('posts').select('status').where('id', '=', postId).executeTakeFirstOrThrow())
    .status;

for (const dialect of dialects()) {
  describe(`publishing scheduled posts from two app processes (${dialect})`, () => {
    it('publishes each due post once, with one audit event, however the two race', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const other = await otherProcess(t, config);
      const posts = [
        await scheduledPost(app, 'dinkes', 'Imunisasi Serentak'),
        await scheduledPost(app, 'dinkes', 'Posyandu Keliling'),
        await scheduledPost(app, 'dishub', 'Uji Kendaraan Gratis'),
      ];
      const later = new Date(Date.now() + 120_000).toISOString();
      const [there, ...here] = await Promise.all([
        other.publish(later),
        ...[1, 2, 3].map(() => publishDuePosts(app.db, later)),
      ]);
      const runs = [...there!, ...here];
      assert.equal(
        runs.reduce((a, b) => a + b, 0),
        posts.length,
        `runs moved ${runs.join(', ')}`,
      );
      for (const post of posts) {
        assert.equal(await statusOf(app, post.id), 'published');
        assert.equal((await onSchedule(app, post.id)).length, 1, `${post.title}: one audit event`);
      }
      assert.equal(await publishDuePosts(app.db, later), 0, 'nothing left to publish');
    });
  });

  describe(`the scheduler started by buildApp (${dialect})`, () => {
    it('publishes a due post within one tick', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      const post = await scheduledPost(app, 'dinkes', 'Pasar Murah');
      const interval = 40;
      await secondApp(t, config, interval);
      // Its time comes now: moved back as the clock would have moved forward.
      await app.db
        .updateTable('posts')
        .set({ publishAt: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', post.id)
        .execute();
      const started = Date.now();
      while ((await statusOf(app, post.id)) !== 'published' && Date.now() - started < 5_000) await sleep(5);
      const took = Date.now() - started;
      assert.equal(await statusOf(app, post.id), 'published');
      // One tick, plus room for a slow database; far below a second tick's worth of doubt on a busy machine.
      assert.ok(took < interval * 2 + 500, `published after ${took} ms`);
      assert.equal((await onSchedule(app, post.id)).length, 1);
    });

    it('delivers the mail outbox to the mail server on its own', async (t) => {
      const { url, inbox } = await startMailServer(t);
      const { app, config } = await buildTestApp(t, dialect, { SMTP_URL: url });
      const { complaint } = await makeComplaint(app);
      await secondApp(t, config, 40);
      const started = Date.now();
      while (inbox.length === 0 && Date.now() - started < 5_000) await sleep(10);
      assert.equal(inbox.length, 1);
      assert.ok(mailText(inbox[0]!).includes(complaint.trackingCode));
    });

    it('is not started under NODE_ENV=test unless asked', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const post = await scheduledPost(app, 'dinkes', 'Senam Pagi');
      await app.db
        .updateTable('posts')
        .set({ publishAt: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', post.id)
        .execute();
      await sleep(100);
      assert.equal(await statusOf(app, post.id), 'scheduled');
    });
  });
}

describe('startRunner', () => {
  const recorder = () => {
    const errors: unknown[] = [];
    const log: RunnerLog = { error: (obj: unknown) => void errors.push(obj) };
    return { errors, log };
  };

  it('never runs a job twice at once: a tick during a run is skipped', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const { log } = recorder();
    const runner = startRunner({
      name: 'slow',
      intervalMs: 5,
      log,
      job: async () => {
        active += 1;
        most = Math.max(most, active);
        runs += 1;
        await sleep(40);
        active -= 1;
      },
    });
    await sleep(200);
    await runner.stop();
    assert.equal(most, 1);
    assert.ok(runs >= 2, `ran ${runs} times`);
    assert.equal(active, 0, 'stop waited for the run in progress');
  });

  it('logs a failed run instead of throwing, and tries again on the next tick', async () => {
    let calls = 0;
    const { errors, log } = recorder();
    const runner = startRunner({
      name: 'flaky',
      intervalMs: 5,
      log,
      job: async () => {
        calls += 1;
        if (calls === 1) throw new Error('database sedang sibuk');
      },
    });
    while (calls < 3) await sleep(5);
    await runner.stop();
    assert.equal(errors.length, 1);
    assert.match(String((errors[0] as { err: Error }).err.message), /sibuk/);
  });

  it('stops ticking once stopped', async () => {
    let calls = 0;
    const runner = startRunner({
      name: 'count',
      intervalMs: 5,
      log: recorder().log,
      job: async () => void (calls += 1),
    });
    await sleep(30);
    await runner.stop();
    const seen = calls;
    await sleep(30);
    assert.equal(calls, seen);
  });
});
