import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Everything the app reads from the environment, parsed once. Nothing else reads process.env. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… or undefined for SQLite in the data folder */
  databaseUrl: string | undefined;
  /** PostgreSQL schema to use (tests give each run its own) */
  databaseSchema: string | undefined;
  baseUrl: string;
  seed: 'demo' | 'none';
  demoPassword: string | undefined;
  secret: string;
  smtpUrl: string | undefined;
  rateLimit: boolean;
  logLevel: string;
  /** the optional map pin on the complaint form; undefined (no map offered) when BALAIRUNG_MAP_TILES is unset */
  map: MapConfig | undefined;
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
    databaseSchema: undefined,
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
  };
}
