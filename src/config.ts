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
  };
}
