import { PostgresAdapter } from 'kysely';
import type { Db, Tx } from './database.js';

/*
 * Group commit. A durable COMMIT waits for the disk (an fsync: milliseconds on SQLite with
 * synchronous=FULL), and on the embedded default there is one writer. So small write transactions
 * that arrive while one is committing wait, then share the next transaction and its one COMMIT:
 * under load a hundred complaints cost one fsync; alone, a complaint commits at once. Every caller's
 * promise settles only after the COMMIT, so nothing is reported stored before it is.
 *
 * A batch starts one turn of the event loop after the work that opens it (setImmediate, which runs
 * after the I/O callbacks of that turn). Started at once, it would take SQLite's one connection
 * before the requests arriving beside it had done their reads, and those would then wait for its
 * COMMIT and each open a batch of one: measured, every batch held one complaint, one fsync each
 * (a blocking one on SQLite), and filings queued behind each other's disk waits.
 *
 * One piece of work that fails (a unique conflict) must not take the others down with it. Failures
 * are rare, so a batch first runs every piece plainly; only when one throws is the transaction
 * rolled back and the batch run again with each piece inside its own SAVEPOINT, so the failing one
 * is rolled back alone and the others commit. (A savepoint and its release per piece were a tenth
 * of a filing's database time.) So a piece may run twice: it must only write through `tx`.
 */

interface Pending {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

interface Outcome {
  pending: Pending;
  ok: boolean;
  value: unknown;
}

const MAX_BATCH = 100;
/**
 * Batches in flight at once. SQLite has one writer (and one connection here). PostgreSQL commits
 * several transactions side by side, and each statement of a batch is a round trip: one batch at a
 * time left it idle between them (measured: filings at ~480 a second, p99 120 ms).
 */
const POSTGRES_BATCHES = 4;

interface Group {
  queue: Pending[];
  /** batches running now */
  active: number;
  parallel: number;
}
const groups = new WeakMap<Db, Group>();

/** Thrown inside a plain run when a piece failed: the batch is run again with savepoints. */
const RETRY = Symbol('retry with savepoints');

type Trx = Awaited<ReturnType<ReturnType<Db['startTransaction']>['execute']>>;

async function runPieces(trx: Trx, batch: Pending[], savepoints: boolean): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const [n, pending] of batch.entries()) {
    if (!savepoints) {
      try {
        outcomes.push({ pending, ok: true, value: await pending.work(trx as unknown as Tx) });
      } catch (err) {
        // Alone in its batch, the failure is simply its own; otherwise start again with savepoints.
        if (batch.length > 1) throw RETRY;
        outcomes.push({ pending, ok: false, value: err });
      }
      continue;
    }
    const name = `g${n}`;
    // The savepoint names are made at run time, which Kysely's typed savepoint list cannot follow.
    const sp = (await trx.savepoint(name as never).execute()) as unknown as Trx;
    try {
      const value = await pending.work(sp as unknown as Tx);
      await sp.releaseSavepoint(name as never).execute();
      outcomes.push({ pending, ok: true, value });
    } catch (err) {
      await sp.rollbackToSavepoint(name as never).execute();
      outcomes.push({ pending, ok: false, value: err });
    }
  }
  return outcomes;
}

/** One transaction for the batch; false when a plain run must be repeated with savepoints. */
async function runBatch(db: Db, batch: Pending[], savepoints: boolean): Promise<boolean> {
  let trx: Trx;
  try {
    trx = await db.startTransaction().execute();
  } catch (err) {
    for (const p of batch) p.reject(err);
    return true;
  }
  let outcomes: Outcome[];
  try {
    outcomes = await runPieces(trx, batch, savepoints);
    // A lone failed piece wrote nothing worth keeping: its transaction is rolled back, not committed.
    if (outcomes.length === 1 && !outcomes[0]!.ok) throw outcomes[0]!.value;
    await trx.commit().execute();
  } catch (err) {
    await trx
      .rollback()
      .execute()
      .catch(() => undefined);
    if (err === RETRY) return false;
    for (const p of batch) p.reject(err);
    return true;
  }
  for (const o of outcomes) (o.ok ? o.pending.resolve : o.pending.reject)(o.value);
  return true;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function flush(db: Db, group: Group): Promise<void> {
  group.active++;
  try {
    do {
      // Let the requests that arrived meanwhile (during the last COMMIT's fsync) finish their reads and join.
      await nextTurn();
      const batch = group.queue.splice(0, MAX_BATCH);
      if (batch.length === 0) continue; // another batch running beside this one took them
      if (!(await runBatch(db, batch, false))) await runBatch(db, batch, true);
    } while (group.queue.length);
  } finally {
    group.active--;
  }
}

/**
 * Runs `work` in a transaction shared with whatever other grouped work is waiting; see above.
 * `work` may be run a second time after a rollback, so it must write only through `tx`.
 */
export function inGroupCommit<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  let group = groups.get(db);
  if (!group) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    group = { queue: [], active: 0, parallel: postgres ? POSTGRES_BATCHES : 1 };
    groups.set(db, group);
  }
  const g = group;
  return new Promise<T>((resolve, reject) => {
    g.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (g.active < g.parallel) void flush(db, g);
  });
}
