import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { DEMO_PASSWORD, SERVER_ARGS, TEST_SECRET } from './test/app.js';

/*
 * The real server (src/server.ts) as a child process, stopped with signals while a request is in
 * flight. The slow request is a sign-in whose body the test sends in two halves: the server has
 * begun answering it (its "incoming request" line is logged) and cannot finish before the rest.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const SIGN_IN = JSON.stringify({ email: 'admin@pontianak.go.id', password: DEMO_PASSWORD });

interface LogLine {
  msg?: string;
  req?: { url?: string };
}

/** The spawned server and its JSON log lines, which the test waits on. */
class ServerProcess {
  readonly lines: LogLine[] = [];
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
  private waiters: (() => void)[] = [];
  private readonly child: ChildProcess;

  constructor(
    readonly port: number,
    env: Record<string, string>,
  ) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'balairung-server-'));
    this.child = spawn(process.execPath, SERVER_ARGS, {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'debug',
        BALAIRUNG_DATA_DIR: dataDir,
        BALAIRUNG_SECRET: TEST_SECRET,
        BALAIRUNG_DEMO_PASSWORD: DEMO_PASSWORD,
        BALAIRUNG_RATE_LIMIT: 'off',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let partial = '';
    this.child.stdout?.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const whole = text.split('\n');
      partial = whole.pop() ?? '';
      for (const line of whole) if (line.startsWith('{')) this.lines.push(JSON.parse(line) as LogLine);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        rmSync(dataDir, { recursive: true, force: true });
        for (const wake of this.waiters.splice(0)) wake();
        resolve({ code, signal });
      }),
    );
  }

  /** Resolves with the first log line that matches; fails if the process ends first. */
  async logged(what: string, match: (line: LogLine) => boolean): Promise<LogLine> {
    for (;;) {
      const found = this.lines.find(match);
      if (found) return found;
      if (this.child.exitCode !== null || this.child.signalCode !== null)
        throw new Error(`the server exited before logging ${what}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  signal(name: 'SIGTERM' | 'SIGINT'): void {
    this.child.kill(name);
  }

  /** In case a test failed half-way: nothing is left running. */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

async function started(t: TestContext, port: number, env: Record<string, string> = {}) {
  const server = new ServerProcess(port, env);
  t.after(() => server.kill());
  await server.logged('that it listens', (l) => l.msg?.startsWith('Server listening') === true);
  return server;
}

interface Answer {
  status: number;
  body: string;
}

/** A sign-in over a kept-alive connection, half its body sent; `finish` sends the rest. */
async function halfSentSignIn(server: ServerProcess) {
  const agent = new http.Agent({ keepAlive: true });
  const request = http.request({
    host: '127.0.0.1',
    port: server.port,
    method: 'POST',
    path: '/api/v1/auth/token',
    agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(SIGN_IN) },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
  });
  answer.catch(() => undefined);
  request.write(SIGN_IN.slice(0, 10));
  await server.logged('the sign-in arriving', (l) => l.req?.url === '/api/v1/auth/token');
  return {
    answer,
    finish: () => request.end(SIGN_IN.slice(10)),
    close: () => agent.destroy(),
  };
}

/** Whether a new TCP connection to the port is accepted. */
const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Tries new connections until one is refused (the listening socket closes just after the signal). */
async function refusesNewConnections(port: number): Promise<boolean> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (!(await accepts(port))) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

const shuttingDown = (l: LogLine) => l.msg === 'shutting down: finishing the requests in flight';

describe('the server process on SIGTERM', () => {
  it('refuses new connections, finishes the request in flight with 200, and exits 0', async (t) => {
    const server = await started(t, 9601);
    const signIn = await halfSentSignIn(server);
    t.after(signIn.close);
    server.signal('SIGTERM');
    await server.logged('that it is shutting down', shuttingDown);
    assert.ok(await refusesNewConnections(server.port), 'new connections are refused');
    signIn.finish();
    const answer = await signIn.answer;
    assert.equal(answer.status, 200);
    assert.match(answer.body, /"token":"[^"]{20,}"/);
    assert.deepEqual(await server.exited, { code: 0, signal: null });
    assert.ok(server.lines.some((l) => l.msg === 'stopped'));
  });

  it('exits at once on a second signal, without waiting for the request in flight', async (t) => {
    const server = await started(t, 9602);
    const signIn = await halfSentSignIn(server);
    t.after(signIn.close);
    server.signal('SIGTERM');
    await server.logged('that it is shutting down', shuttingDown);
    server.signal('SIGINT');
    assert.deepEqual(await server.exited, { code: 130, signal: null });
    await assert.rejects(signIn.answer, 'the unfinished request gets no answer');
  });

  it('cuts the requests still in flight at BALAIRUNG_SHUTDOWN_TIMEOUT_MS and exits 1', async (t) => {
    const server = await started(t, 9603, { BALAIRUNG_SHUTDOWN_TIMEOUT_MS: '200' });
    const signIn = await halfSentSignIn(server);
    t.after(signIn.close);
    server.signal('SIGTERM');
    assert.deepEqual(await server.exited, { code: 1, signal: null });
    await assert.rejects(signIn.answer);
    assert.ok(server.lines.some((l) => l.msg?.startsWith('requests still in flight')));
  });
});

describe('BALAIRUNG_SHUTDOWN_TIMEOUT_MS', () => {
  it('is 10 seconds unless set, and must be a whole number of milliseconds', () => {
    const base = { BALAIRUNG_SECRET: TEST_SECRET, BALAIRUNG_DATA_DIR: path.join(tmpdir(), 'balairung-cfg') };
    assert.equal(loadConfig(base).shutdownTimeoutMs, 10_000);
    assert.equal(loadConfig({ ...base, BALAIRUNG_SHUTDOWN_TIMEOUT_MS: '2500' }).shutdownTimeoutMs, 2500);
    for (const bad of ['10s', '-1', '1.5'])
      assert.throws(
        () => loadConfig({ ...base, BALAIRUNG_SHUTDOWN_TIMEOUT_MS: bad }),
        (err: unknown) => err instanceof ConfigError && /BALAIRUNG_SHUTDOWN_TIMEOUT_MS/.test(err.message),
      );
  });
});
