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
    assert.equal(config.map, undefined, 'no map tiles, so no map on the complaint form');
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
    ['BALAIRUNG_MAP_TILES', { BALAIRUNG_MAP_TILES: 'http://tile.openstreetmap.org/{z}/{x}/{y}.png' }],
    ['BALAIRUNG_MAP_TILES', { BALAIRUNG_MAP_TILES: 'tile.openstreetmap.org/{z}/{x}/{y}.png' }],
    ['BALAIRUNG_MAP_TILES', { BALAIRUNG_MAP_TILES: 'https://tile.openstreetmap.org/{z}/{x}.png' }],
    ['BALAIRUNG_MAP_TILES', { BALAIRUNG_MAP_TILES: 'https://{s}.tile.example.org/{z}/{x}/{y}.png' }],
    ['BALAIRUNG_MAP_ATTRIBUTION', { BALAIRUNG_MAP_TILES: 'https://tiles.example.org/{z}/{x}/{y}.png' }],
    ['BALAIRUNG_MAP_CENTER', { BALAIRUNG_MAP_CENTER: 'Pontianak' }],
    ['BALAIRUNG_MAP_CENTER', { BALAIRUNG_MAP_CENTER: '95,109' }],
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

  it('offers OpenStreetMap tiles with their credit and the city centre by default', () => {
    const config = loadConfig({
      BALAIRUNG_DATA_DIR: dataDir(),
      BALAIRUNG_MAP_TILES: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    });
    assert.deepEqual(config.map, {
      tiles: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      origin: 'https://tile.openstreetmap.org',
      attribution: '© OpenStreetMap contributors',
      attributionUrl: 'https://www.openstreetmap.org/copyright',
      center: { lat: -0.0263, lng: 109.3425 },
    });
  });

  it('takes another tile server with its own credit and centre', () => {
    const config = loadConfig({
      BALAIRUNG_DATA_DIR: dataDir(),
      BALAIRUNG_MAP_TILES: 'https://peta.example.go.id:8443/ubin/{z}/{x}/{y}.png?gaya=terang',
      BALAIRUNG_MAP_ATTRIBUTION: '© Pemerintah Kota',
      BALAIRUNG_MAP_CENTER: '-6.2, 106.8166',
    });
    assert.equal(config.map?.origin, 'https://peta.example.go.id:8443');
    assert.equal(config.map?.attribution, '© Pemerintah Kota');
    assert.equal(config.map?.attributionUrl, undefined);
    assert.deepEqual(config.map?.center, { lat: -6.2, lng: 106.8166 });
  });
});
