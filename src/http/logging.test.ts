import { describe, it } from 'node:test';
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
    assert.match(log, /incoming request/, 'requests are logged at info');
    for (const secret of [DEMO_PASSWORD, session, bearer, 'rahasia-tautan-123', 'kunci-pribadi-456']) {
      assert.ok(!log.includes(secret), `the log must not contain ${secret.slice(0, 6)}…`);
    }
    assert.match(log, /token=\[disaring\]/);
  });
});
