import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'balairung-config-'));

describe('loadConfig', () => {
  it('starts with the documented defaults on an empty environment', () => {
    const dir = dataDir();
    const config = loadConfig({ BALAIRUNG_DATA_DIR: dir });
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.seed, 'demo');
    assert.equal(config.rateLimit, true);
    assert.equal(config.baseUrl, 'http://127.0.0.1:3000');
    assert.ok(config.secret.length >= 32);
    assert.equal(
      loadConfig({ BALAIRUNG_DATA_DIR: dir }).secret,
      config.secret,
      'the development secret survives a restart',
    );
  });

  const wrong: [string, Record<string, string>][] = [
    ['PORT', { PORT: 'tiga ribu' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/db' }],
    ['BALAIRUNG_SEED', { BALAIRUNG_SEED: 'maybe' }],
    ['BALAIRUNG_RATE_LIMIT', { BALAIRUNG_RATE_LIMIT: 'yes' }],
    ['BALAIRUNG_BASE_URL', { BALAIRUNG_BASE_URL: 'pontianak.go.id' }],
    ['BALAIRUNG_SECRET', { BALAIRUNG_SECRET: 'short' }],
    ['BALAIRUNG_SECRET', { NODE_ENV: 'production' }],
    ['SMTP_URL', { SMTP_URL: 'http://mail' }],
    ['BALAIRUNG_DEMO_PASSWORD', { BALAIRUNG_DEMO_PASSWORD: '123' }],
  ];
  for (const [name, env] of wrong) {
    it(`stops with one line naming ${name} for ${JSON.stringify(env)}`, () => {
      assert.throws(
        () => loadConfig({ BALAIRUNG_DATA_DIR: dataDir(), ...env }),
        (err: unknown) =>
          err instanceof ConfigError && err.message.includes(name) && !err.message.includes('\n'),
      );
    });
  }

  it('turns per-address rate limits off and reads a PostgreSQL URL', () => {
    const config = loadConfig({
      BALAIRUNG_DATA_DIR: dataDir(),
      BALAIRUNG_RATE_LIMIT: 'off',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/balairung',
    });
    assert.equal(config.rateLimit, false);
    assert.equal(config.databaseUrl, 'postgres://postgres@127.0.0.1:5432/balairung');
  });
});
