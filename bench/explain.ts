// Query plans of the hot queries (issue 7): EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL.
//   npx tsx bench/explain.ts [--data DIR] [--pg URL [--posts 20000] [--complaints 200000]]
// The queries are not retyped: the app's own repository functions run against a Kysely whose log
// hands over every statement they send, and each distinct statement is explained with its
// parameters. A plan that reads a whole big table (posts, complaints, …) is marked FULL SCAN and
// makes the exit status 1. --data DIR reuses a seeded folder (bench/seed-content.ts,
// bench/seed-complaints.ts); without it, a fresh demo city in a temporary folder. --pg makes a
// schema of its own in that database, fills it by SQL (posts and complaints copied from the demo)
// and drops it afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  CamelCasePlugin,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type CompiledQuery,
  type LogEvent,
} from 'kysely';
import { createDatabase, type Database, type Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/seed/seed.js';
import { fillPostgres } from './explain.volume.js';
import { HOT_QUERIES } from './explain.queries.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    pg: { type: 'string' },
    posts: { type: 'string', default: '20000' },
    complaints: { type: 'string', default: '200000' },
  },
});

/** Tables big enough that reading all of them on a page view is a bug (aliases as the queries use them). */
const BIG = [
  'posts',
  'complaints',
  'c',
  'search_documents',
  'd',
  'complaint_events',
  'sessions',
  'audit_events',
];
const sqliteFullScan = (detail: string) =>
  BIG.some((t) => new RegExp(`^SCAN ${t}( AS \\w+)?$`).test(detail)) && !/USING/.test(detail);
// PostgreSQL rightly reads a table of a few rows whole (an empty sessions table in a fresh schema).
const bigOnPostgres = new Set<string>();
const pgFullScan = (line: string) =>
  [...bigOnPostgres].some((t) => new RegExp(`Seq Scan on ${t}( |$)`).test(line));

interface Explainer {
  db: Db;
  plan(query: CompiledQuery): Promise<{ lines: string[]; fullScan: boolean }>;
  close(): Promise<void>;
}

function captureLog(captured: CompiledQuery[]) {
  return (event: LogEvent) => {
    if (event.level === 'query') captured.push(event.query);
  };
}

async function sqliteExplainer(dataDir: string, captured: CompiledQuery[]): Promise<Explainer> {
  const file = path.join(dataDir, 'balairung.sqlite');
  const sqlite = new SQLite(file);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
    log: captureLog(captured),
  });
  return {
    db,
    async plan(query) {
      const rows = sqlite
        .prepare(`explain query plan ${query.sql}`)
        .all(...(query.parameters as unknown[])) as {
        id: number;
        parent: number;
        detail: string;
      }[];
      const depth = new Map<number, number>([[0, 0]]);
      const lines = rows.map((r) => {
        const d = (depth.get(r.parent) ?? 0) + 1;
        depth.set(r.id, d);
        return `${'  '.repeat(d)}${r.detail}${sqliteFullScan(r.detail) ? '   <-- FULL SCAN' : ''}`;
      });
      return { lines, fullScan: rows.some((r) => sqliteFullScan(r.detail)) };
    },
    close: () => db.destroy(),
  };
}

// The same parsers as src/db/database.ts, so the app's functions see the shapes they expect.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 1184) return (value: string) => new Date(value).toISOString();
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
};

function pgExplainer(url: string, schema: string, captured: CompiledQuery[]): Explainer {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    types: pgTypes as pg.CustomTypesConfig,
    // filling a schema takes longer than the app's statement timeout allows a request
    options: `-c search_path=${schema} -c statement_timeout=0`,
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
    log: captureLog(captured),
  });
  return {
    db,
    async plan(query) {
      const res = await pool.query<{ 'QUERY PLAN': string }>(`explain ${query.sql}`, [...query.parameters]);
      const lines = res.rows
        .map((r) => r['QUERY PLAN'])
        .map((l) => `  ${l}${pgFullScan(l) ? '   <-- FULL SCAN' : ''}`);
      return { lines, fullScan: res.rows.some((r) => pgFullScan(r['QUERY PLAN'])) };
    },
    close: () => db.destroy(),
  };
}

/** Runs every hot query twice (the second timed, on a warm cache) and prints each distinct statement's plan. */
async function explainAll(explainer: Explainer, captured: CompiledQuery[], label: string): Promise<number> {
  console.log(`# ${label}`);
  const ctx = await HOT_QUERIES.context(explainer.db);
  let bad = 0;
  for (const hot of HOT_QUERIES.list) {
    await hot.run(explainer.db, ctx);
    captured.length = 0;
    const started = performance.now();
    await hot.run(explainer.db, ctx);
    const ms = performance.now() - started;
    const seen = new Set<string>();
    const note = hot.aggregate ? '; an aggregate over a period: a full scan is not counted' : '';
    console.log(`\n== ${hot.name}  (${ms.toFixed(1)} ms for the page's queries, warm${note})`);
    for (const query of captured.splice(0)) {
      if (seen.has(query.sql)) continue;
      seen.add(query.sql);
      const { lines, fullScan } = await explainer.plan(query);
      // An aggregate over a period (the dashboard's year) reads that period's rows by design.
      if (fullScan && !hot.aggregate) bad++;
      console.log(`-- ${query.sql.replace(/\s+/g, ' ').slice(0, 200)}`);
      console.log(lines.join('\n'));
    }
  }
  console.log(`\n# ${bad ? `${bad} statement(s) read a whole big table` : 'every statement uses an index'}`);
  return bad;
}

async function onSqlite(dataDir: string | undefined): Promise<number> {
  const temporary = dataDir ? undefined : mkdtempSync(path.join(tmpdir(), 'balairung-explain-'));
  const dir = dataDir ?? temporary!;
  const handle = createDatabase({ dataDir: dir });
  await migrateToLatest(handle);
  if (temporary) await seedDemo(handle.db, randomBytes(12).toString('base64url'));
  await handle.close();
  const captured: CompiledQuery[] = [];
  const explainer = await sqliteExplainer(dir, captured);
  try {
    return await explainAll(explainer, captured, `SQLite ${path.join(dir, 'balairung.sqlite')}`);
  } finally {
    await explainer.close();
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}

async function onPostgres(url: string): Promise<number> {
  const schema = `explain_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    const handle = createDatabase({ url, schema, dataDir: tmpdir() });
    await migrateToLatest(handle);
    await seedDemo(handle.db, randomBytes(12).toString('base64url'));
    await handle.close();
    const captured: CompiledQuery[] = [];
    const explainer = pgExplainer(url, schema, captured);
    try {
      const filled = await fillPostgres(explainer.db, Number(values.posts), Number(values.complaints));
      const sizes = await admin.query<{ relname: string }>(
        `select relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = $1 and c.relkind = 'r' and c.reltuples > 10000`,
        [schema],
      );
      for (const { relname } of sizes.rows) if (BIG.includes(relname)) bigOnPostgres.add(relname);
      // the queries' aliases of those tables
      if (bigOnPostgres.has('complaints')) bigOnPostgres.add('c');
      if (bigOnPostgres.has('search_documents')) bigOnPostgres.add('d');
      return await explainAll(explainer, captured, `PostgreSQL schema ${schema}: ${filled}`);
    } finally {
      await explainer.close();
    }
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

const bad = values.pg ? await onPostgres(values.pg) : await onSqlite(values.data);
process.exitCode = bad ? 1 : 0;
