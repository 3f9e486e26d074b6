import type { FastifyInstance } from 'fastify';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import type { Db, DbOrTx } from '../db/database.js';

/*
 * Where @fastify/rate-limit counts requests, so that several app processes behind one proxy share
 * each limit instead of each allowing the full amount:
 * - REDIS_URL set: Redis, one INCR per request (the fastest shared counter);
 * - otherwise PostgreSQL: the rate_limits table, one upsert per request;
 * - otherwise (SQLite) the plugin's own memory store. A SQLite installation runs one process
 *   (deploy/README.md), so memory counts exactly; and SQLite has one write lock for everything, so
 *   a table would make every request of a flood queue behind complaint filings and publishing:
 *   the limit meant to absorb a flood would pass it on to the database.
 * Both shared stores fail open (skipOnError): a Redis or counter outage is logged, and requests go
 * on unlimited rather than refusing citizens; the per-account sign-in lockout stays in any case.
 */

export interface WindowCount {
  /** requests in the current window, this one included */
  current: number;
  /** milliseconds until the window ends */
  ttl: number;
}

/** One shared fixed-window counter: counts a request under `key` and says where the window stands. */
type Counter = (key: string, windowMs: number) => Promise<WindowCount>;

/**
 * The names a limit's counters get. A route's limit is named by its method and URL (the same in
 * every process); a limiter made with app.createRateLimit has no route, so by its max and window.
 * The plugin's own Redis store names both kinds "undefinedundefined", so two limiters would share
 * one counter: one reason this store names them itself.
 */
function limitName(options: unknown): string {
  const o = options as {
    routeInfo?: { method?: unknown; url?: unknown };
    max?: unknown;
    timeWindow?: unknown;
  };
  const route = o.routeInfo;
  if (route?.url !== undefined) return `${String(route.method)} ${String(route.url)}`;
  return `limiter ${String(o.max)}/${String(o.timeWindow)}`;
}

/** A store class for the plugin (it constructs it with its options) over any shared counter. */
function sharedStore(counter: Counter, onError: (err: unknown) => void): FastifyRateLimitStoreCtor {
  class SharedStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, done: (error: Error | null, result?: WindowCount) => void, timeWindow: number) {
      counter(`${this.prefix}${key}`, timeWindow).then(
        (result) => done(null, result),
        (err: unknown) => {
          onError(err);
          done(err instanceof Error ? err : new Error(String(err)));
        },
      );
    }

    child(options: unknown): FastifyRateLimitStore {
      return new SharedStore(options, `${limitName(options)}|`);
    }
  }
  return SharedStore;
}

/**
 * Counts in rate_limits with one atomic upsert on the database's clock: the first request inserts
 * the window, later ones add one, and one after the window's end starts a new window at 1.
 */
export function tableCounter(db: Db): Counter {
  return async (key, windowMs) => {
    const { rows } = await sql<WindowCount>`
      insert into rate_limits as r (key, count, window_started_at, expires_at)
      values (${key}, 1, now(), now() + make_interval(secs => ${windowMs / 1000}))
      on conflict (key) do update set
        count = case when r.expires_at <= now() then 1 else r.count + 1 end,
        window_started_at = case when r.expires_at <= now() then now() else r.window_started_at end,
        expires_at = case when r.expires_at <= now() then excluded.expires_at else r.expires_at end
      returning count as current,
        greatest(0, ceil(extract(epoch from (expires_at - now())) * 1000))::bigint as ttl`.execute(db);
    return rows[0]!;
  };
}

/** INCR, and the window's expiry set by the request that opens it (or mended if ever missing). */
const REDIS_INCR = `
local current = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if current == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}`;

type RedisWithIncr = Redis & {
  balairungRateLimit(key: string, windowMs: number): Promise<[number, number]>;
};

export function redisCounter(redis: Redis, prefix: string): Counter {
  redis.defineCommand('balairungRateLimit', { numberOfKeys: 1, lua: REDIS_INCR });
  return async (key, windowMs) => {
    const [current, ttl] = await (redis as RedisWithIncr).balairungRateLimit(`${prefix}${key}`, windowMs);
    return { current, ttl };
  };
}

/**
 * The store options for the plugin's registration in buildApp: a shared store where there is
 * something to share through, nothing (the memory store) on SQLite. The Redis connection closes
 * with the app. ioredis is loaded only when REDIS_URL asks for it (~25 MB a process need not carry).
 */
export async function rateLimitStore(app: FastifyInstance): Promise<{
  store?: FastifyRateLimitStoreCtor;
  skipOnError?: boolean;
}> {
  const log = app.log.child({ component: 'rate-limit' });
  const onError = (err: unknown) => log.warn({ err }, 'rate-limit counter unavailable; request not limited');
  const { redisUrl, redisPrefix, rateLimit } = app.config;
  if (!rateLimit) return {}; // BALAIRUNG_RATE_LIMIT=off: no limits, nothing to connect to
  if (redisUrl) {
    // One quick retry, then fail: a request must not hang on a Redis that is down.
    const { Redis } = await import('ioredis');
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
    redis.on('error', (err: unknown) => log.warn({ err }, 'Redis connection error'));
    app.addHook('onClose', async () => void (await redis.quit().catch(() => redis.disconnect())));
    return { store: sharedStore(redisCounter(redis, `${redisPrefix}rl:`), onError), skipOnError: true };
  }
  if (app.dialect === 'postgres')
    return { store: sharedStore(tableCounter(app.db), onError), skipOnError: true };
  return {};
}

/** Drops counters whose window ended over a minute ago (a scheduled job); how many went. */
export async function purgeExpiredRateLimits(db: DbOrTx, at = new Date()): Promise<number> {
  const before = new Date(at.getTime() - 60_000).toISOString();
  const result = await db.deleteFrom('rateLimits').where('expiresAt', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
