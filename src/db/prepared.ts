import {
  createQueryId,
  PostgresAdapter,
  type Compilable,
  type CompiledQuery,
  type ControlledTransaction,
  type Insertable,
  type QueryResult,
  type UnknownRow,
} from 'kysely';
import type { Statement } from 'better-sqlite3';
import { sqliteStatementCaches, type Database, type DbOrTx } from './database.js';

/*
 * A query built and compiled once per database, then run with new values. Kysely builds a tree of
 * operation nodes for every query, passes it through the plugins and compiles it to SQL each time
 * it runs; for the few queries that run on every request (the session behind each signed-in page)
 * or several times in every complaint filed, that was more of the request's time than SQLite
 * running the statement (issue 7: profiles of the queue and of filing).
 *
 * The query is built with placeholders where the values go: `value('hash')` stands in for the
 * value named `hash`. Compiled, each placeholder is one parameter of the SQL; a run swaps in the
 * values and hands the compiled query to the same executor (plugins' result transforms included:
 * rows come back camelCased as ever). A placeholder must be used where Kysely makes a parameter of
 * a value (a comparison, an inserted value), never as an identifier; a value that is not bound
 * would reach the driver as an object, which both drivers refuse. The SQL is kept per dialect
 * adapter, which a database shares with its transactions but also with `withSchema` and
 * `withoutPlugins` copies: run these only on the app's database (its plugins, its search path).
 *
 * On PostgreSQL each of these is also a named prepared statement on every connection that runs it
 * (database.ts): PostgreSQL then parses and plans it once per connection, not at every run. Filing a
 * complaint spent more of PostgreSQL's time parsing and planning its six statements than running them.
 * Not one that selects `*`: PostgreSQL refuses to run a prepared statement whose result columns have
 * changed ("cached plan must not change result type"), so a migration that adds a column, run by the
 * first process of a rolling restart, would fail the others' until they restart. Such a query names
 * its columns instead (`everyColumn`), and stays unnamed if it does not.
 */

const PLACEHOLDER = Symbol('prepared value');

interface Placeholder {
  [PLACEHOLDER]: string;
}

/** PostgreSQL: the name each prepared query's SQL is prepared under, on each connection (database.ts). */
export const statementNames = new Map<string, string>();

/** `*` or `"table".*` in a select list (not `count(*)`). */
const SELECTS_STAR = /(^|[\s,])("[^"]+"\.)?\*/;

/**
 * Every column of table T, as a list to select: the compiler refuses the list if it misses one
 * (`everyColumn<UserTable>()(['id', 'email', …])`). For prepared queries, in place of selectAll.
 */
export const everyColumn =
  <T>() =>
  <const C extends readonly (keyof T & string)[]>(
    columns: C &
      ([Exclude<keyof T, C[number]>] extends [never] ? unknown : { missing: Exclude<keyof T, C[number]> }),
  ): C =>
    columns;

const isPlaceholder = (value: unknown): value is Placeholder =>
  typeof value === 'object' && value !== null && PLACEHOLDER in value;

/** Stands in for the value named `name` while the query is built. */
export type ValueOf<V> = <K extends keyof V & string>(name: K) => V[K];

/** Runs the prepared query on `db` (a transaction too) with these values; its rows. */
export type PreparedQuery<V, R> = (db: DbOrTx, values: V) => Promise<R[]>;

export function prepared<V extends Record<string, unknown>, R>(
  build: (db: DbOrTx, value: ValueOf<V>) => Compilable<R>,
): PreparedQuery<V, R> {
  // Per dialect adapter: a database and its transactions share one, and the SQL differs by dialect.
  const compiled = new WeakMap<object, CompiledQuery<R>>();
  const value: ValueOf<V> = (name) => ({ [PLACEHOLDER]: name }) as never;
  return async (db, values) => {
    const adapter = db.getExecutor().adapter;
    let query = compiled.get(adapter);
    if (!query) {
      query = build(db, value).compile();
      compiled.set(adapter, query);
      if (
        adapter instanceof PostgresAdapter &&
        !SELECTS_STAR.test(query.sql) &&
        !statementNames.has(query.sql)
      ) {
        statementNames.set(query.sql, `balairung_${statementNames.size + 1}`);
      }
    }
    const parameters = query.parameters.map((p) => {
      if (!isPlaceholder(p)) return p;
      const name = p[PLACEHOLDER];
      if (!(name in values)) throw new Error(`prepared query: no value for ${name}`);
      return values[name];
    });
    // A query id of its own: plugins that keep state per query (none of ours yet) must not share it.
    const queryId = createQueryId();
    const statements = db.isTransaction && !ended(db) ? sqliteStatementCaches.get(adapter) : undefined;
    if (statements) return runOnConnection(statements.prepare(query.sql), parameters, db, queryId);
    const result = await db.executeQuery<R>({ ...query, parameters, queryId });
    return result.rows;
  };
}

/** A transaction from startTransaction() that has committed or rolled back: Kysely refuses its queries. */
const ended = (tx: DbOrTx): boolean => {
  const controlled = tx as Partial<Pick<ControlledTransaction<Database>, 'isCommitted' | 'isRolledBack'>>;
  return controlled.isCommitted === true || controlled.isRolledBack === true;
};

/**
 * Inside a SQLite transaction a prepared query runs on the connection at once, as Kysely's SQLite
 * driver would run it (the statement, then the plugins' result transforms), without its executor.
 * The transaction holds SQLite's one connection until it ends (Kysely's driver lets no other query
 * in meanwhile) and better-sqlite3 runs a statement synchronously, so nothing can come between.
 * The executor's layers (connection providers, the single-connection queue) made about ten promises
 * per query, each also passing through the async hooks behind the request context. A complaint filed
 * runs three prepared inserts in the group commit: without those layers the server collected its
 * young generation 5.25 times per 1,000 filings instead of 6.5 (issue 7, docs/scaling-history.md).
 */
async function runOnConnection<R>(
  statement: Statement,
  parameters: readonly unknown[],
  db: DbOrTx,
  queryId: CompiledQuery['queryId'],
): Promise<R[]> {
  let result: QueryResult<UnknownRow> = statement.reader
    ? { rows: statement.all(parameters) as UnknownRow[] }
    : (statement.run(parameters), { rows: [] });
  for (const plugin of db.getExecutor().plugins) result = await plugin.transformResult({ result, queryId });
  return result.rows as R[];
}

type Table = keyof Database & string;
const inserts = new Map<string, PreparedQuery<Record<string, unknown>, unknown>>();

/**
 * Inserts one row into `table` as `db.insertInto(table).values(row)` would (a column whose value is
 * undefined is left out), compiled once per table and set of columns.
 */
export async function insertRow<T extends Table>(
  db: DbOrTx,
  table: T,
  row: Insertable<Database[T]>,
): Promise<void> {
  const values = row as Record<string, unknown>;
  const columns = Object.keys(values).filter((column) => values[column] !== undefined);
  const signature = `${table}(${columns.join(',')})`;
  let insert = inserts.get(signature);
  if (!insert) {
    insert = prepared<Record<string, unknown>, unknown>((db, value) =>
      db.insertInto(table).values(Object.fromEntries(columns.map((c) => [c, value(c)])) as never),
    );
    inserts.set(signature, insert);
  }
  await insert(db, values);
}
