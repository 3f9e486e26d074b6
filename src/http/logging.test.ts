import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { DEMO_PASSWORD, TEST_SECRET } from '../test/app.js';
import { TestClient } from '../test/client.js';

describe('request logs', () => {
  it('never contain a password, a session cookie, a bearer token or a link token', async (t) => {
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
    const config = loadConfig({
      BALAIRUNG_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'balairung-log-')),
      BALAIRUNG_SECRET: TEST_SECRET,
      BALAIRUNG_DEMO_PASSWORD: DEMO_PASSWORD,
      LOG_LEVEL: 'info',
    });
    const { app } = await buildApp(config, { logStream: stream });
    t.after(() => app.close());

    const client = new TestClient(app);
    await client.signIn('admin1@dinkes.pontianak.go.id');
    const session = client.cookie('balairung_sesi');
    assert.ok(session);
    await client.get('/admin');
    const token = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: 'admin@pontianak.go.id', password: DEMO_PASSWORD },
    });
    const bearer = (token.json() as { token: string }).token;
    await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${bearer}` } });
    await client.get('/atur-kata-sandi?token=rahasia-tautan-123');
    // the private link of a complaint, as the receipt mail carries it
    await client.get('/aduan/lacak?kode=PTK-000000&kunci=kunci-pribadi-456');

    const log = lines.join('');
    assert.match(log, /request completed/, 'requests are logged at info');
    for (const secret of [DEMO_PASSWORD, session, bearer, 'rahasia-tautan-123', 'kunci-pribadi-456']) {
      assert.ok(!log.includes(secret), `the log must not contain ${secret.slice(0, 6)}…`);
    }
    assert.match(log, /token=\[disaring\]/);
  });
});

interface Line {
  level: number;
  msg: string;
  reqId?: string;
  req?: { method: string; url: string };
  route?: string | null;
  res?: { statusCode: number };
  responseTime?: number;
}

/** The app on SQLite with its log lines parsed as JSON (each must be), at `level`. */
async function loggedApp(t: TestContext, env: Record<string, string> = {}) {
  const lines: Line[] = [];
  const raw: string[] = [];
  let partial = '';
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const whole = text.split('\n');
    partial = whole.pop() ?? '';
    for (const line of whole.filter(Boolean)) {
      raw.push(line);
      lines.push(JSON.parse(line) as Line);
    }
  });
  const config = loadConfig({
    BALAIRUNG_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'balairung-log-')),
    BALAIRUNG_SECRET: TEST_SECRET,
    BALAIRUNG_DEMO_PASSWORD: DEMO_PASSWORD,
    LOG_LEVEL: 'info',
    ...env,
  });
  const { app } = await buildApp(config, { logStream: stream });
  t.after(() => app.close());
  return { app, lines, raw };
}

describe('request log lines', () => {
  it('are one JSON line at info per request, with method, route pattern, status and duration', async (t) => {
    const { app, lines } = await loggedApp(t);
    const res = await app.inject('/opd/dinkes?dari=beranda');
    assert.equal(res.statusCode, 200);
    const id = res.headers['x-request-id'];
    assert.ok(typeof id === 'string' && id.length > 0, 'the request id is sent back');
    const info = lines.filter((l) => l.reqId === id && l.level === 30);
    assert.equal(info.length, 1, `one info line, not ${info.map((l) => l.msg).join(', ')}`);
    const [line] = info;
    assert.equal(line?.msg, 'request completed');
    assert.equal(line?.req?.method, 'GET');
    assert.equal(line?.req?.url, '/opd/dinkes?dari=beranda');
    assert.equal(line?.route, '/opd/:slug');
    assert.equal(line?.res?.statusCode, 200);
    assert.equal(typeof line?.responseTime, 'number');
  });

  it('name the request on lines written by the app-wide logger while it is answered', async (t) => {
    // No SMTP server listens here: the mailer logs its failure through app.log, not request.log.
    const { app, lines, raw } = await loggedApp(t, { SMTP_URL: 'smtp://127.0.0.1:9698' });
    const client = new TestClient(app);
    const res = await client.post('/lupa-kata-sandi', { email: 'admin@pontianak.go.id' });
    assert.equal(res.statusCode, 200);
    const failed = lines.find((l) => l.msg === 'mail not sent');
    assert.ok(failed, 'the mailer logged its failure');
    assert.equal(failed.reqId, res.headers['x-request-id']);
    const ofRequest = raw.filter((line) => line.includes(`"${failed.reqId}"`));
    assert.ok(ofRequest.length >= 2, 'the mail failure and the completed request');
    for (const line of ofRequest) assert.equal(line.split('"reqId"').length, 2, `one reqId in ${line}`);
  });
});

describe('the request id', () => {
  const SANE = 'nginx-3f2a9c.01_Z';

  it('is the trusted proxy’s X-Request-Id behind TLS, when it is a short plain token', async (t) => {
    const { app, lines } = await loggedApp(t, { BALAIRUNG_BASE_URL: 'https://pontianak.go.id' });
    const res = await app.inject({ url: '/berita', headers: { 'x-request-id': SANE } });
    assert.equal(res.headers['x-request-id'], SANE);
    assert.ok(lines.some((l) => l.reqId === SANE && l.msg === 'request completed'));
    for (const odd of ['a'.repeat(65), 'dua kata', '{"level":60}', 'x\u0000y', '']) {
      const other = await app.inject({ url: '/berita', headers: { 'x-request-id': odd } });
      assert.match(
        String(other.headers['x-request-id']),
        /^[0-9a-f-]{36}$/,
        `${JSON.stringify(odd)} is replaced`,
      );
    }
  });

  it('is always our own without a proxy in front: a visitor cannot choose it', async (t) => {
    const { app } = await loggedApp(t);
    const res = await app.inject({ url: '/berita', headers: { 'x-request-id': SANE } });
    assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    assert.notEqual(res.headers['x-request-id'], SANE);
  });
});
