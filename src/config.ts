import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { storageConfig, type S3Config } from './storage/storage.config.js';

/** Everything the app reads from the environment, parsed once. Nothing else reads process.env. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… or undefined for SQLite in the data folder */
  databaseUrl: string | undefined;
  /** PostgreSQL schema to use (tests give each run its own); BALAIRUNG_DATABASE_SCHEMA */
  databaseSchema: string | undefined;
  /** PostgreSQL connections per process; BALAIRUNG_DB_POOL_MAX, default 10 */
  dbPoolMax: number;
  /** PostgreSQL cancels a statement running longer; BALAIRUNG_DB_STATEMENT_TIMEOUT_MS, default 15 s, 0 = never */
  dbStatementTimeoutMs: number;
  /** redis://… shared by the app processes for rate limits; unset: PostgreSQL (or memory on SQLite) */
  redisUrl: string | undefined;
  /** prefix of every Redis key, so installations (or test runs) can share one Redis */
  redisPrefix: string;
  /** the scheduler's tick; BALAIRUNG_JOB_INTERVAL_MS, default 30 s (set, it starts the scheduler under test too) */
  jobIntervalMs: number | undefined;
  baseUrl: string;
  seed: 'demo' | 'none';
  demoPassword: string | undefined;
  secret: string;
  smtpUrl: string | undefined;
  rateLimit: boolean;
  logLevel: string;
  /** the bearer token Prometheus sends for /metrics from outside loopback; unset: loopback only */
  metricsToken: string | undefined;
  /** how long a signed-in person's repeated view of the queue reuses its render (src/http/staff-page-cache.ts); 0: never */
  staffPageCacheMs: number;
  /** how long a stopping server lets requests in flight finish before it cuts them */
  shutdownTimeoutMs: number;
  /** the optional map pin on the complaint form; undefined (no map offered) when BALAIRUNG_MAP_TILES is unset */
  map: MapConfig | undefined;
  /** object storage for uploads (BALAIRUNG_STORAGE_URL=s3://…); undefined: the data folder, the default */
  storage: S3Config | undefined;
}

export interface MapConfig {
  /** tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png */
  tiles: string;
  /** the tiles' origin: the one outside address the CSP lets images come from */
  origin: string;
  /** the credit the tile provider asks for, as text */
  attribution: string;
  /** where the credit links: OpenStreetMap's copyright page for its tiles, otherwise nowhere */
  attributionUrl: string | undefined;
  /** where the map opens: the city's centre */
  center: { lat: number; lng: number };
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function fail(name: string, why: string): never {
  throw new ConfigError(`Konfigurasi salah: ${name} ${why}`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  fail(name, `harus salah satu dari ${allowed.join(', ')} (sekarang "${value}")`);
}

function port(env: Env, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    fail(name, `harus nomor port 0–65535 (sekarang "${value}")`);
  return n;
}

function milliseconds(env: Env, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(name, `harus bilangan bulat milidetik ≥ 0 (sekarang "${value}")`);
  return n;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    fail(name, 'bukan URL yang sah');
  }
  if (!protocols.includes(parsed.protocol)) fail(name, `harus diawali ${protocols.join(' atau ')}//`);
  return value;
}

function positiveInteger(env: Env, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) fail(name, `harus bilangan bulat ≥ 1 (sekarang "${value}")`);
  return n;
}

/** Put into search_path as it is, so only a plain identifier is accepted. */
function schemaName(env: Env): string | undefined {
  const value = env.BALAIRUNG_DATABASE_SCHEMA;
  if (value === undefined || value === '') return undefined;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(value))
    fail('BALAIRUNG_DATABASE_SCHEMA', `harus huruf kecil, angka dan _ (sekarang "${value}")`);
  return value;
}

const OSM_HOST = /(^|\.)tile\.openstreetmap\.org$/;
const OSM_ATTRIBUTION = '© OpenStreetMap contributors';
/** Pontianak's centre, the demo city's: another city sets BALAIRUNG_MAP_CENTER. */
const DEFAULT_CENTER = { lat: -0.0263, lng: 109.3425 };

function mapCenter(env: Env): { lat: number; lng: number } {
  const value = env.BALAIRUNG_MAP_CENTER;
  if (value === undefined || value === '') return DEFAULT_CENTER;
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value);
  const lat = Number(match?.[1]);
  const lng = Number(match?.[2]);
  if (!match || Math.abs(lat) > 90 || Math.abs(lng) > 180)
    fail(
      'BALAIRUNG_MAP_CENTER',
      `harus "garis lintang,garis bujur", misalnya -0.0263,109.3425 (sekarang "${value}")`,
    );
  return { lat, lng };
}

/** The map tiles: https only, one fixed host (the CSP names it), and the {z}/{x}/{y} Leaflet fills in. */
function mapConfig(env: Env): MapConfig | undefined {
  const center = mapCenter(env);
  const tiles = env.BALAIRUNG_MAP_TILES;
  if (tiles === undefined || tiles === '') return undefined;
  const name = 'BALAIRUNG_MAP_TILES';
  let parsed: URL;
  try {
    parsed = new URL(tiles);
  } catch {
    fail(name, `bukan URL yang sah (sekarang "${tiles}")`);
  }
  if (parsed.protocol !== 'https:') fail(name, 'harus diawali https://');
  const missing = ['{z}', '{x}', '{y}'].filter((p) => !tiles.includes(p));
  if (missing.length)
    fail(name, `harus memuat ${missing.join(', ')}, misalnya https://tile.openstreetmap.org/{z}/{x}/{y}.png`);
  if (/[{}]/.test(parsed.host) || parsed.username || parsed.password)
    fail(
      name,
      'harus memakai satu alamat server yang tetap (tanpa {s} atau nama pengguna), karena CSP hanya mengizinkan satu asal gambar',
    );
  const osm = OSM_HOST.test(parsed.hostname);
  const attribution = env.BALAIRUNG_MAP_ATTRIBUTION?.trim() || (osm ? OSM_ATTRIBUTION : '');
  if (!attribution)
    fail(
      'BALAIRUNG_MAP_ATTRIBUTION',
      'wajib diisi untuk ubin peta selain OpenStreetMap (sumber peta yang diminta penyedianya)',
    );
  return {
    tiles,
    origin: parsed.origin,
    attribution,
    attributionUrl: osm ? 'https://www.openstreetmap.org/copyright' : undefined,
    center,
  };
}

/** Sent as a bearer token over the network, so as long as the app's own secret must be. */
function metricsToken(env: Env): string | undefined {
  const value = env.BALAIRUNG_METRICS_TOKEN;
  if (value === undefined || value === '') return undefined;
  if (value.length < 32 || !/^[\x21-\x7e]+$/.test(value))
    fail('BALAIRUNG_METRICS_TOKEN', 'harus paling sedikit 32 karakter, tanpa spasi');
  return value;
}

/** In development the secret is kept in the data folder so forms survive a restart. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, '.secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const dataDir = path.resolve(env.BALAIRUNG_DATA_DIR || './data');
  const p = port(env, 'PORT', 3000);
  const host = env.HOST || '127.0.0.1';
  const baseUrl = url(env, 'BALAIRUNG_BASE_URL', ['http:', 'https:']) ?? `http://${host}:${p}`;
  const secretValue = env.BALAIRUNG_SECRET;
  if (secretValue !== undefined && secretValue !== '' && secretValue.length < 32) {
    fail('BALAIRUNG_SECRET', 'harus paling sedikit 32 karakter');
  }
  if (nodeEnv === 'production' && !secretValue)
    fail('BALAIRUNG_SECRET', 'wajib diisi saat NODE_ENV=production');
  const demoPassword = env.BALAIRUNG_DEMO_PASSWORD || undefined;
  if (demoPassword !== undefined && demoPassword.length < 8) {
    fail('BALAIRUNG_DEMO_PASSWORD', 'harus paling sedikit 8 karakter');
  }
  return {
    env: nodeEnv,
    port: p,
    host,
    dataDir,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    databaseSchema: schemaName(env),
    dbPoolMax: positiveInteger(env, 'BALAIRUNG_DB_POOL_MAX') ?? 10,
    dbStatementTimeoutMs: milliseconds(env, 'BALAIRUNG_DB_STATEMENT_TIMEOUT_MS', 15_000),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisPrefix: env.BALAIRUNG_REDIS_PREFIX || 'balairung:',
    jobIntervalMs: positiveInteger(env, 'BALAIRUNG_JOB_INTERVAL_MS'),
    baseUrl: baseUrl.replace(/\/$/, ''),
    seed: oneOf(env, 'BALAIRUNG_SEED', ['demo', 'none'], 'demo'),
    demoPassword,
    secret: secretValue || localSecret(dataDir),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    rateLimit: oneOf(env, 'BALAIRUNG_RATE_LIMIT', ['on', 'off'], 'on') === 'on',
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      nodeEnv === 'test' ? 'silent' : 'info',
    ),
    map: mapConfig(env),
    storage: storageConfig(env, fail),
    metricsToken: metricsToken(env),
    shutdownTimeoutMs: milliseconds(env, 'BALAIRUNG_SHUTDOWN_TIMEOUT_MS', 10_000),
    staffPageCacheMs: milliseconds(env, 'BALAIRUNG_STAFF_PAGE_CACHE_MS', nodeEnv === 'test' ? 0 : 1000),
  };
}
