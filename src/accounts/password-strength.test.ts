import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../cli.js';
import { loadConfig } from '../config.js';
import { buildTestApp, dialects } from '../test/app.js';
import { apiToken, signedIn, TestClient } from '../test/client.js';
import { requestPasswordReset } from './accounts.service.js';
import type { FastifyInstance } from 'fastify';
import { ratePassword } from './password-strength.js';

const ADMIN = 'admin1@dinkes.pontianak.go.id';
const SUPER = 'admin@pontianak.go.id';
const person = ['siti.aminah@pontianak.go.id', 'Siti Aminah', 'Kota Pontianak', 'Dinas Kesehatan'];

describe('password strength', () => {
  it('refuses common, Indonesian and personal passwords with advice in Bahasa Indonesia', async () => {
    for (const weak of [
      'password123', // the common-password list
      'rahasia12345', // an Indonesian word ("secret") and digits
      'indonesia1945',
      'pontianak2026', // the city
      'sitiaminah2026', // the person's own name
      'dinaskesehatan1', // the OPD
      'qwertyuiop12', // a keyboard row
    ]) {
      const verdict = await ratePassword(weak, person);
      assert.equal(verdict.ok, false, `${weak} is refused`);
      assert.match(verdict.message, /^Kata sandi ini terlalu mudah ditebak\./);
      assert.doesNotMatch(verdict.message, /\b(the|is|password)\b/i, 'no English advice');
    }
    const personal = await ratePassword('pontianak2026', person);
    assert.match(personal.message, /Mengandung data personal/);
  });

  it('accepts a passphrase of uncommon words', async () => {
    for (const strong of ['sungai kapuas berkelok', 'kata-sandi-uji-123', 'pepaya-kapuas-2026']) {
      assert.equal((await ratePassword(strong, person)).ok, true, strong);
    }
  });
});

for (const dialect of dialects()) {
  describe(`typed passwords and the two-factor policy (${dialect})`, () => {
    let app: FastifyInstance;
    const cleanups: (() => unknown)[] = [];
    // One app for both tests (booting one costs seconds); buildTestApp's cleanups go to after().
    before(async () => {
      const t = { after: (fn: () => unknown) => void cleanups.push(fn) } as unknown as TestContext;
      ({ app } = await buildTestApp(t, dialect));
    });
    after(async () => {
      for (const fn of cleanups.reverse()) await fn();
    });

    it('refuses a guessable password on the reset link, the change form and the API', async () => {
      const reset = await requestPasswordReset(app.db, ADMIN);
      assert.ok(reset);
      const client = new TestClient(app);
      const link = `/atur-kata-sandi?token=${reset.token}`;
      await client.get(link);
      const res = await client.post(link, {
        password: 'pontianak2026',
        password_confirmation: 'pontianak2026',
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /href="#f-password">Kata sandi ini terlalu mudah ditebak/);

      const admin = await signedIn(app, ADMIN);
      await admin.get('/admin/akun/kata-sandi');
      const change = await admin.post('/admin/akun/kata-sandi', {
        current_password: 'demo-password-123',
        new_password: 'password12345',
        new_password_confirmation: 'password12345',
      });
      assert.equal(change.statusCode, 422);
      assert.match(change.body, /href="#f-new_password">Kata sandi ini terlalu mudah ditebak/);

      const api = await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { authorization: `Bearer ${await apiToken(app, SUPER)}` },
        payload: {
          email: 'b.santoso@pontianak.go.id',
          name: 'Budi Santoso',
          password: 'budisantoso1',
          memberships: [{ agency: 'dishub', role: 'editor' }],
        },
      });
      assert.equal(api.statusCode, 422, api.body);
      assert.match(api.body, /terlalu mudah ditebak/);
    });

    it('gives no API token on a password alone to a role that must use two-factor', async () => {
      await app.db
        .updateTable('installation')
        .set({ settings: JSON.stringify({ twoFactorRequiredFor: ['super_admin'], demo: false }) })
        .execute();
      const tokensBefore = (await app.db.selectFrom('apiTokens').select('userId').execute()).length;
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/token',
        payload: { email: SUPER, password: 'demo-password-123' },
      });
      assert.equal(res.statusCode, 403);
      assert.equal((res.json() as { error: { code: string } }).error.code, 'two_factor_required');
      const tokens = await app.db.selectFrom('apiTokens').select('userId').execute();
      assert.equal(tokens.length, tokensBefore, 'no token was made');
      assert.ok(await apiToken(app, ADMIN), 'a role the policy does not name still gets one');
    });
  });
}

describe('balairung create-admin password strength', () => {
  it('refuses a long but guessable password', async () => {
    const config = loadConfig({
      BALAIRUNG_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'balairung-cli-')),
      BALAIRUNG_SEED: 'none',
    });
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const code = await runCli(
      ['create-admin', '--email', 'a@kab.go.id', '--password', 'indonesia1945'],
      config,
      io,
    );
    assert.equal(code, 1);
    assert.match(lines.pop()!, /terlalu mudah ditebak/);
  });
});
