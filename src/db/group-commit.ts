import type { Db, Tx } from './database.js';

/*
 * Group commit. A durable COMMIT waits for the disk (an fsync: milliseconds on SQLite with
 * synchronous=FULL), and on the embedded default there is one writer. So small write transactions
 * that arrive while one is committing wait, then share the next transaction and its one COMMIT:
 * under load a hundred complaints cost one fsync; alone, a complaint commits at once. Each piece of
 * work runs inside its own SAVEPOINT, so one that fails (a validation error, a unique conflict) is
 * rolled back alone and the others still commit. Every caller's promise settles only after the
 * COMMIT, so nothing is reported stored before it is.
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
const groups = new WeakMap<Db, { queue: Pending[]; flushing: boolean }>();

async function runBatch(db: Db, batch: Pending[]): Promise<void> {
  let trx;
  try {
    trx = await db.startTransaction().execute();
  } catch (err) {
    for (const p of batch) p.reject(err);
    return;
  }
  const outcomes: Outcome[] = [];
  for (const [n, pending] of batch.entries()) {
    const name = `g${n}`;
    // The savepoint names are made at run time, which Kysely's typed savepoint list cannot follow.
    const sp = (await trx.savepoint(name as never).execute()) as unknown as typeof trx;
    try {
      const value = await pending.work(sp as unknown as Tx);
      await sp.releaseSavepoint(name as never).execute();
      outcomes.push({ pending, ok: true, value });
    } catch (err) {
      await sp.rollbackToSavepoint(name as never).execute();
      outcomes.push({ pending, ok: false, value: err });
    }
  }
  try {
    await trx.commit().execute();
  } catch (err) {
    await trx
      .rollback()
      .execute()
      .catch(() => undefined);
    for (const p of batch) p.reject(err);
    return;
  }
  for (const o of outcomes) (o.ok ? o.pending.resolve : o.pending.reject)(o.value);
}

async function flush(db: Db, group: { queue: Pending[]; flushing: boolean }): Promise<void> {
  group.flushing = true;
  try {
    while (group.queue.length) await runBatch(db, group.queue.splice(0, MAX_BATCH));
  } finally {
    group.flushing = false;
  }
}

/** Runs `work` in a transaction shared with whatever other grouped work is waiting; see above. */
export function inGroupCommit<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  let group = groups.get(db);
  if (!group) {
    group = { queue: [], flushing: false };
    groups.set(db, group);
  }
  const g = group;
  return new Promise<T>((resolve, reject) => {
    g.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!g.flushing) void flush(db, g);
  });
}
