import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './cli.js';
import { loadConfig } from './config.js';
import { buildApp } from './app.js';

describe('balairung create-admin', () => {
  it('makes the first super admin of a clean installation, who can then sign in', async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'balairung-cli-'));
    const config = loadConfig({ BALAIRUNG_DATA_DIR: dir, BALAIRUNG_SEED: 'none', NODE_ENV: 'test' });
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };

    assert.equal(await runCli(['create-admin', '--email', 'Kominfo@Kab.go.id'], config, io), 0);
    const password = /Kata sandi \(ditampilkan sekali ini saja\): (\S+)/.exec(lines.join('\n'))?.[1];
    assert.ok(password, 'the generated password is printed once');

    const { app } = await buildApp(config);
    t.after(() => app.close());
    const agencies = await app.inject('/api/v1/agencies');
    assert.deepEqual(agencies.json(), [], 'BALAIRUNG_SEED=none starts without the demo city');
    // A real installation requires two-factor of a super admin: the password is accepted (not a
    // 401), and the API asks for enrolment before it gives a token.
    const token = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: 'kominfo@kab.go.id', password },
    });
    assert.equal(token.statusCode, 403);
    assert.equal((token.json() as { error: { code: string } }).error.code, 'two_factor_required');
  });

  it('refuses a weak password, a missing email and an unknown command with a clear message', async () => {
    const config = loadConfig({
      BALAIRUNG_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'balairung-cli-')),
      BALAIRUNG_SEED: 'none',
    });
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    assert.equal(
      await runCli(['create-admin', '--email', 'a@kab.go.id', '--password', 'pendek'], config, io),
      1,
    );
    assert.match(lines.pop()!, /paling sedikit 10 karakter/);
    assert.equal(await runCli(['create-admin'], config, io), 2);
    assert.match(lines.pop()!, /--email wajib diisi/);
    assert.equal(await runCli(['hapus-semua'], config, io), 2);
    assert.match(lines.pop()!, /Perintah tidak dikenal: hapus-semua/);
  });
});

describe('balairung seed-volume', () => {
  it('seeds the demo city once, writes the manifest, and refuses a second run and bad numbers', async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'balairung-cli-'));
    const config = loadConfig({
      BALAIRUNG_DATA_DIR: dir,
      BALAIRUNG_DEMO_PASSWORD: 'demo-password-123',
      NODE_ENV: 'test',
    });
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
    const manifest = path.join(dir, 'volume.json');
    const args = ['seed-volume', '--posts', '1', '--complaints', '30', '--agency-count', '2'];

    assert.equal(await runCli([...args, '--manifest', manifest], config, io), 0);
    assert.match(lines.join('\n'), /Selesai dalam [\d,]+ detik: 1 berita di 2 OPD, 30 aduan/);
    assert.match(lines.join('\n'), /ERR +30\/30 aduan/, 'progress on stderr');
    const written = JSON.parse(readFileSync(manifest, 'utf8')) as { articlePath: string; complaints: number };
    assert.equal(written.complaints, 30);
    const { app } = await buildApp(config);
    t.after(() => app.close());
    assert.equal((await app.inject(written.articlePath)).statusCode, 200, 'the seeded article is served');

    lines.length = 0;
    assert.equal(await runCli(args, config, io), 1);
    assert.match(lines.pop()!, /^ERR Basis data ini sudah berisi berita dari seed-volume/);
    assert.equal(await runCli(['seed-volume', '--posts', 'banyak'], config, io), 2);
    assert.match(lines.pop()!, /--posts, --complaints dan --agency-count harus bilangan bulat/);
    assert.equal(await runCli(['seed-volume', '--pos', '1'], config, io), 2);
    assert.match(lines.pop()!, /Unknown option '--pos'/);
  });
});
