import path from 'node:path';
import { mkdirSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import type { AgencyTables } from '../agencies/agencies.table.js';
import type { AccountTables } from '../accounts/accounts.table.js';
import type { AuditTables } from '../audit/audit.table.js';
import type { MediaTables } from '../media/media.table.js';
import type { NewsTables } from '../news/news.table.js';
import type { CalendarTables } from '../time/calendar.table.js';
import type { ComplaintTables } from '../complaints/complaints.table.js';
import type { MailTables } from '../mail/outbox.table.js';
import type { JobTables } from '../jobs/jobs.table.js';
import type { PageCacheTables } from '../http/page-cache.table.js';
import type { RateLimitTables } from '../http/rate-limit.table.js';
import type { MonitoringTables } from '../monitoring/monitoring.table.js';
import type { StandardsTables } from '../standards/standards.table.js';
import type { AssessmentTables } from '../assessment/assessment.table.js';
import type { GuardTables } from '../guard/guard.table.js';
import type { PrivacyTables } from '../privacy/privacy.table.js';
import type { ImportTables } from '../imports/imports.table.js';
import { statementNames } from './prepared.js';

/** The whole schema, assembled from each domain's *.table.ts. */
export interface Database
  extends
    AgencyTables,
    AccountTables,
    AuditTables,
    MediaTables,
    NewsTables,
    CalendarTables,
    ComplaintTables,
    MailTables,
    JobTables,
    PageCacheTables,
    RateLimitTables,
    MonitoringTables,
    StandardsTables,
    AssessmentTables,
    GuardTables,
    PrivacyTables,
    ImportTables {}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Repository functions take either: a plain handle or one inside a transaction. */
export type DbOrTx = Db | Tx;

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  /** PostgreSQL schema the tables live in; undefined on SQLite */
  schema: string | undefined;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… ; unset means SQLite */
  url?: string | undefined;
  /** PostgreSQL schema (search_path); tests give each run its own */
  schema?: string | undefined;
  /** SQLite file; ':memory:' for tests */
  sqliteFile?: string;
  dataDir: string;
  /** PostgreSQL connections per process (default 10): mind max_connections × processes */
  poolMax?: number | undefined;
  /**
   * PostgreSQL: the server cancels a statement running longer. Unset or 0: never, for the CLI's long
   * work (backups, imports); the app passes its config (BALAIRUNG_DB_STATEMENT_TIMEOUT_MS, 15 s).
   */
  statementTimeoutMs?: number | undefined;
}

export const DEFAULT_POOL_MAX = 10;
/** An idle connection is closed after this: a quiet process gives its share of max_connections back. */
const IDLE_TIMEOUT_MS = 30_000;
/** How long a request waits for a free connection or a new one before it fails instead of hanging. */
const CONNECT_TIMEOUT_MS = 10_000;

// PostgreSQL hands back timestamps as Date and counts as strings; SQLite as text and numbers.
// Parsing both to the SQLite shapes lets one set of queries and types serve both dialects.
const TIMESTAMPTZ = 1184;
const INT8 = 20;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMPTZ) return (value: string) => new Date(value).toISOString();
    if (oid === INT8) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
};

/**
 * Kysely opens every SQLite transaction with a plain (deferred) `begin`, which takes the write lock
 * only at the first write. A transaction that reads and then writes (publish the due posts, after
 * screening them) while another process (a second app, the CLI) has written meanwhile cannot be
 * upgraded, and SQLite fails it at once with "database is locked" instead of waiting busy_timeout.
 * Taking the write lock at `begin` makes it wait its turn. Within one process Kysely already runs
 * transactions one at a time on the one connection, so nothing is lost.
 */
const BEGIN_IMMEDIATE = 'begin immediate';

/** The one SQLite connection's statements, prepared once each (withStatementCache). */
export interface StatementCache {
  close(): void;
  prepare(sql: string): SQLite.Statement;
}

/**
 * SQLite: each database's statement cache, by its dialect adapter (which the database shares with its
 * transactions), so prepared.ts can run its queries on the connection a transaction holds.
 */
export const sqliteStatementCaches = new WeakMap<object, StatementCache>();

/** How many prepared statements to keep: every query the app writes, with room to spare. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely prepares every SQLite statement afresh, and preparing costs as much as running a small
 * query. The app sends a few hundred distinct statements, so each is prepared once and kept (the
 * oldest dropped past the limit). Reuse is safe: Kysely runs one query at a time on the one
 * connection, and SQLite re-prepares a statement itself when a migration changes the schema.
 */
function withStatementCache(sqlite: SQLite.Database): StatementCache {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const sql = text === 'begin' ? BEGIN_IMMEDIATE : text;
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * The PostgreSQL pool for production: bounded, every statement under a server-side timeout (a
 * runaway query is cancelled with a clean error instead of holding a connection and a request
 * forever), idle connections returned, and the app named in pg_stat_activity for the DBA.
 */
function createPool(options: DatabaseOptions & { url: string }): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax ?? DEFAULT_POOL_MAX,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    application_name: 'balairung',
    types: pgTypes as pg.CustomTypesConfig,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  pool.on('connect', nameStatements);
  return pool;
}

type Query = (...args: unknown[]) => unknown;

/**
 * Runs the SQL of prepared.ts's queries as named prepared statements (node-postgres prepares a name
 * once per connection, then only binds and executes it); any other SQL goes as before, unnamed, so
 * the many one-off shapes Kysely builds do not pile up in each connection. Kysely hands its SQL to
 * client.query(text, values), hence the wrapper around it. A connection pooler in transaction mode
 * (PgBouncer) would need its prepared-statement support turned on: docs/scaling.md.
 */
function nameStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as Query;
  const named: Query = (text, values, callback) => {
    const name = typeof text === 'string' ? statementNames.get(text) : undefined;
    return name ? query({ name, text, values }, callback) : query(text, values, callback);
  };
  client.query = named as typeof client.query;
}

export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  const plugins = [new CamelCasePlugin()];
  if (options.url) {
    const pool = createPool({ ...options, url: options.url });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, dialect: 'postgres', schema: options.schema ?? 'public', close: () => db.destroy() };
  }
  const file = options.sqliteFile ?? path.join(options.dataDir, 'balairung.sqlite');
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // FULL: a COMMIT returns once it is on disk, so a tracking code is never shown for a complaint a power
  // cut could take back. Group commit (group-commit.ts) keeps filings fast despite the fsync.
  sqlite.pragma('synchronous = FULL');
  const statements = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }), plugins });
  sqliteStatementCaches.set(db.getExecutor().adapter, statements);
  return { db, dialect: 'sqlite', schema: undefined, close: () => db.destroy() };
}
