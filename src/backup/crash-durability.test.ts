import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, SERVER_ARGS, TEST_SECRET, dialects } from '../test/app.js';
import { freshDatabase } from './test-support.js';

/*
 * Suite 5, crash durability. The real server runs as a child process; citizens file complaints and an
 * editor publishes posts, concurrently, over HTTP; then the process is killed with SIGKILL mid-flight,
 * restarted on the same data, and every complaint whose tracking code was returned (201) must be there
 * whole, and every post whose publish was answered must be published. KILLS rounds per dialect.
 */

const KILLS = 3;
/** how long each round fires requests before the kill; the first requests are answered within it */
const FIRE_MS = 700;
const COMPLAINT_WORKERS = 6;
const POST_WORKERS = 2;
const ROOT = path.resolve(import.meta.dirname, '../..');

interface Sent {
  code: string;
  title: string;
  description: string;
  reporter: { name: string; email: string; phone: string };
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

class Server {
  private child: ChildProcess | undefined;
  constructor(
    private readonly env: Record<string, string>,
    readonly base: string,
  ) {}

  /** Starts `src/server.ts` and waits until /healthz answers (the first start also seeds the demo city). */
  async start(): Promise<void> {
    const child = spawn(process.execPath, SERVER_ARGS, {
      cwd: ROOT,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    this.child = child;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`server exited (${code}) before it answered`))),
    );
    exited.catch(() => undefined);
    for (let i = 0; i < 600; i++) {
      const up = await fetch(`${this.base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      await Promise.race([new Promise((r) => setTimeout(r, 50)), exited]);
    }
    throw new Error('server did not answer /healthz within 30 s');
  }

  /** kill -9: no shutdown hook runs, nothing is flushed by the process. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
  }
}

async function json<T>(response: Promise<Response>): Promise<{ status: number; body: T }> {
  const r = await response;
  return { status: r.status, body: (await r.json()) as T };
}

function post(base: string, url: string, payload: object, token?: string) {
  return fetch(`${base}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(payload),
  });
}

async function tokenFor(base: string, email: string): Promise<string> {
  const res = await json<{ token: string }>(
    post(base, '/api/v1/auth/token', { email, password: DEMO_PASSWORD }),
  );
  assert.equal(res.status, 200);
  return res.body.token;
}

/** Fires filings and publishes until `stop`; records only what the server acknowledged. */
async function fire(base: string, editor: string, round: number, stop: Promise<void>) {
  let stopped = false;
  void stop.then(() => (stopped = true));
  const complaints: Sent[] = [];
  const posts: string[] = [];
  let n = 0;
  const complainant = async () => {
    while (!stopped) {
      const i = n++;
      const sent = {
        title: `Aduan uji ketahanan ${round}-${i}`,
        description: `Laporan nomor ${i} pada putaran ${round}: lampu jalan padam di Gang Mawar.`,
        reporter: {
          name: `Warga ${round}-${i}`,
          email: `warga${round}-${i}@example.com`,
          phone: `0812${round}${String(i).padStart(7, '0')}`,
        },
      };
      const payload = { ...sent, class: 'pengaduan', category: 'jalan-jembatan', anonymous: false };
      const res = await json<{ tracking_code: string }>(
        post(base, '/api/v1/complaints', { ...payload, confidential: false, consent: true }),
      ).catch(() => undefined);
      if (res?.status === 201) complaints.push({ ...sent, code: res.body.tracking_code });
    }
  };
  const publisher = async () => {
    while (!stopped) {
      const i = n++;
      const body = {
        title: `Berita uji ketahanan ${round}-${i}`,
        body_html: '<p>Isi.</p>',
        status: 'published',
      };
      const res = await json<{ id: string; status: string }>(
        post(base, '/api/v1/agencies/dinkes/posts', body, editor),
      ).catch(() => undefined);
      if (res?.status === 201 && res.body.status === 'published') posts.push(res.body.id);
    }
  };
  await Promise.all([
    ...Array.from({ length: COMPLAINT_WORKERS }, complainant),
    ...Array.from({ length: POST_WORKERS }, publisher),
  ]);
  return { complaints, posts };
}

interface ComplaintRead {
  title: string;
  description: string;
  reporter: { name: string; email: string; phone: string; nik: string } | null;
  timeline: unknown[];
}

/** Reads every acknowledged complaint and post back; returns how many were found whole. */
async function verify(base: string, staff: string, editor: string, sent: Sent[], posts: string[]) {
  let complaints = 0;
  for (const s of sent) {
    const res = await fetch(`${base}/api/v1/complaints/${s.code}`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    assert.equal(res.status, 200, `complaint ${s.code} is there after the restart`);
    const c = (await res.json()) as ComplaintRead;
    assert.deepEqual(
      { title: c.title, description: c.description, reporter: c.reporter },
      { title: s.title, description: s.description, reporter: { ...s.reporter, nik: '' } },
    );
    assert.ok(c.timeline.length >= 1, 'its events are there');
    complaints += 1;
  }
  let published = 0;
  for (const id of posts) {
    const res = await fetch(`${base}/api/v1/posts/${id}`, { headers: { authorization: `Bearer ${editor}` } });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { status: string }).status, 'published');
    published += 1;
  }
  return { complaints, published };
}

async function serverFor(t: TestContext, dialect: 'sqlite' | 'postgres'): Promise<Server> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'balairung-crash-'));
  const port = await freePort();
  const started: { server?: Server } = {};
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    BALAIRUNG_DATA_DIR: dataDir,
    BALAIRUNG_SECRET: TEST_SECRET,
    BALAIRUNG_DEMO_PASSWORD: DEMO_PASSWORD,
    BALAIRUNG_RATE_LIMIT: 'off',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
  };
  if (dialect === 'postgres')
    env.DATABASE_URL = await freshDatabase(
      t,
      process.env.TEST_DATABASE_URL!,
      async () => started.server?.kill(),
      'crash',
    );
  else t.after(() => started.server?.kill());
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  started.server = new Server(env, `http://127.0.0.1:${port}`);
  return started.server;
}

for (const dialect of dialects()) {
  describe(`crash durability: kill -9 mid-flight (${dialect})`, () => {
    it('keeps every acknowledged complaint whole and every acknowledged publish, across kills', async (t) => {
      const server = await serverFor(t, dialect);
      await server.start();
      const staff = await tokenFor(server.base, 'aduan@pontianak.go.id');
      const editor = await tokenFor(server.base, 'admin1@dinkes.pontianak.go.id');
      const totals = { kills: 0, acknowledged: 0, verified: 0, posts: 0, published: 0 };
      for (let round = 1; round <= KILLS; round++) {
        const killed = new Promise<void>((resolve) =>
          setTimeout(() => void server.kill().then(resolve), FIRE_MS),
        );
        const acked = await fire(server.base, editor, round, killed);
        await killed;
        totals.kills += 1;
        await server.start();
        const found = await verify(server.base, staff, editor, acked.complaints, acked.posts);
        totals.acknowledged += acked.complaints.length;
        totals.verified += found.complaints;
        totals.posts += acked.posts.length;
        totals.published += found.published;
      }
      t.diagnostic(
        `kills ${totals.kills}, complaints acknowledged ${totals.acknowledged}, verified whole ${totals.verified}, ` +
          `posts published ${totals.posts}, verified ${totals.published}`,
      );
      assert.ok(totals.acknowledged >= KILLS, 'complaints were acknowledged before each kill');
      assert.equal(totals.verified, totals.acknowledged);
      assert.equal(totals.published, totals.posts);
    });
  });
}
