import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { buildTestApp, dialects, DEMO_PASSWORD, SERVER_ARGS, TEST_SECRET } from '../test/app.js';
import { makeComplaint, makeMember } from '../test/factories.js';

/*
 * Two real server processes (node src/server.ts) on one database, as behind a reverse proxy, each
 * with its scheduler ticking fast; this process only prepares data and looks at the database.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Fast enough that the deadline job (every 10 ticks) runs every 2 s. */
const TICK_MS = 200;
const PASSWORD = 'kata-sandi-uji-123';

async function freePort(): Promise<number> {
  for (let port = 9500 + Math.floor(Math.random() * 100), tries = 0; tries < 100; tries++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
        .once('error', () => resolve(false))
        .listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
    port = 9500 + ((port - 9500 + 1) % 100);
  }
  throw new Error('no free port in 9500–9599');
}

interface Server {
  url: string;
  stop(): Promise<void>;
}

/** Starts src/server.ts on the test's database and data folder; resolves once it answers. */
async function startServer(config: Config): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    PORT: String(port),
    BALAIRUNG_DATA_DIR: config.dataDir,
    BALAIRUNG_SECRET: TEST_SECRET,
    BALAIRUNG_DEMO_PASSWORD: DEMO_PASSWORD,
    BALAIRUNG_JOB_INTERVAL_MS: String(TICK_MS),
  };
  delete env.DATABASE_URL;
  if (config.databaseUrl) {
    env.DATABASE_URL = config.databaseUrl;
    env.BALAIRUNG_DATABASE_SCHEMA = config.databaseSchema;
  }
  const child = spawn(process.execPath, SERVER_ARGS, { cwd: ROOT, env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited:\n${output}`);
    if (Date.now() - started > 90_000) {
      child.kill('SIGKILL');
      throw new Error(`server on ${port} did not answer:\n${output}`);
    }
    if (
      await fetch(`${url}/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await sleep(100);
  }
  return { url, stop: () => stopProcess(child, exited) };
}

/** SIGTERM, so the server closes as in production (its scheduler gives its leases up). */
async function stopProcess(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await exited;
}

async function waitFor(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) assert.fail(`waited ${ms} ms for ${what}`);
    await sleep(50);
  }
}

async function token(server: Server, email: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  return ((await res.json()) as { token: string }).token;
}

async function createPost(server: Server, bearer: string, fields: object): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/agencies/dinkes/posts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ body_html: '<p>Isi berita.</p>', ...fields }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as { id: string }).id;
}

const newsPage = async (server: Server) => (await fetch(`${server.url}/opd/dinkes/berita`)).text();

const count = async (query: Promise<unknown[]>) => (await query).length;

/** (a) Published through A, on B's public page at the next request, though B had it cached. */
async function publishedThroughA(a: Server, b: Server, bearer: string) {
  const title = 'Vaksinasi Massal di Puskesmas Alianyang';
  await newsPage(b);
  assert.doesNotMatch(await newsPage(b), new RegExp(title), 'B has the page without it, cached');
  await createPost(a, bearer, { title, status: 'published' });
  assert.match(await newsPage(b), new RegExp(title));
}

/** (b) A post scheduled seconds ahead goes out once, though both schedulers tick. */
async function scheduledOnce(local: FastifyInstance, a: Server, bearer: string) {
  const publishAt = new Date(Date.now() + 3_000).toISOString();
  const id = await createPost(a, bearer, {
    title: 'Donor Darah Bulanan',
    status: 'scheduled',
    publish_at: publishAt,
  });
  const events = () =>
    local.db
      .selectFrom('auditEvents')
      .select('id')
      .where('action', '=', 'post.published_on_schedule')
      .where('subjectId', '=', id)
      .execute();
  await waitFor('the scheduled post to be published', async () => (await count(events())) > 0);
  await sleep(5 * TICK_MS);
  assert.equal(await count(events()), 1, 'one publish event');
  const post = await local.db
    .selectFrom('posts')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(post.status, 'published');
}

/** (c) An overdue complaint: one overdue reminder, each coordinator mailed once. */
async function remindedOnce(local: FastifyInstance) {
  const { complaint } = await makeComplaint(local);
  await local.db
    .updateTable('complaints')
    .set({ deadlineAt: new Date(Date.now() - 60_000).toISOString() })
    .where('id', '=', complaint.id)
    .execute();
  const reminders = () =>
    local.db
      .selectFrom('complaintReminders')
      .select('complaintId')
      .where('complaintId', '=', complaint.id)
      .where('kind', '=', 'overdue')
      .execute();
  await waitFor('the overdue reminder', async () => (await count(reminders())) > 0);
  await sleep(25 * TICK_MS); // two more runs of the deadline job, each in either process
  assert.equal(await count(reminders()), 1, 'one reminder');
  const mails = await local.db
    .selectFrom('mailOutbox')
    .select('recipient')
    .where('subject', 'like', `Terlambat: aduan ${complaint.trackingCode}%`)
    .execute();
  const recipients = mails.map((m) => m.recipient);
  assert.ok(recipients.length > 0, 'the coordinators are told');
  assert.equal(new Set(recipients).size, recipients.length, `one mail each: ${recipients.join(', ')}`);
}

async function withServers(config: Config, work: (a: Server, b: Server) => Promise<void>) {
  const servers = await Promise.allSettled([startServer(config), startServer(config)]);
  const started = servers.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  try {
    for (const s of servers) if (s.status === 'rejected') throw s.reason;
    await work(started[0]!, started[1]!);
  } finally {
    await Promise.all(started.map((s) => s.stop()));
  }
}

for (const dialect of dialects()) {
  describe(`two app processes on one database (${dialect})`, () => {
    it(
      'share published content, and run scheduled work once between them',
      { timeout: 180_000 },
      async (t) => {
        const { app: local, config } = await buildTestApp(t, dialect);
        const { email } = await makeMember(local, 'dinkes', 'editor', { password: PASSWORD });
        await withServers(config, async (a, b) => {
          const bearer = await token(a, email);
          await t.test('a post published through A is on B at once', () => publishedThroughA(a, b, bearer));
          await t.test('a scheduled post is published once', () => scheduledOnce(local, a, bearer));
          await t.test('an overdue complaint is reminded of once', () => remindedOnce(local));
        });
      },
    );
  });
}
