import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '../db/database.js';

/*
 * Row leases, so that of several app processes (each with its scheduler) one runs a given job at a
 * time: each tick a runner claims or renews its job's lease with one statement, and runs the job
 * only when it holds it. A holder that stops releases it; one that dies loses it when it expires,
 * and another process takes over on its next tick. Times are the app's clock: a few seconds of
 * skew between machines only shortens or lengthens a lease measured in minutes.
 * Leases save work and noise; they are not the exactly-once guarantee, which stays in each job's
 * own SQL (a run that outlives its lease may overlap the next holder's).
 */

/** Names this scheduler in the lease table: readable for an operator, unique per running app. */
export function leaseHolder(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Takes the lease on `name` for `ms` from `at`, or renews it, when it is free, expired, or already
 * ours; true when we hold it afterwards. The claim is one INSERT … ON CONFLICT DO UPDATE … WHERE, so
 * two processes claiming at once cannot both win: the loser's update finds the condition false.
 * A read first spares the write (on SQLite, the one write lock) where it would change nothing: a
 * lease another process holds, or ours with more than half its length left.
 */
export async function claimLease(
  db: DbOrTx,
  name: string,
  holder: string,
  ms: number,
  at: Date = new Date(),
): Promise<boolean> {
  const now = at.toISOString();
  const current = await db
    .selectFrom('jobLeases')
    .select(['holder', 'expiresAt'])
    .where('name', '=', name)
    .executeTakeFirst();
  if (current && current.expiresAt > now) {
    if (current.holder !== holder) return false;
    if (Date.parse(current.expiresAt) - at.getTime() > ms / 2) return true;
  }
  const row = await db
    .insertInto('jobLeases')
    .values({ name, holder, expiresAt: new Date(at.getTime() + ms).toISOString() })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet((eb) => ({ holder: eb.ref('excluded.holder'), expiresAt: eb.ref('excluded.expiresAt') }))
        .where((eb) => eb.or([eb('jobLeases.holder', '=', holder), eb('jobLeases.expiresAt', '<=', now)])),
    )
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === holder;
}

/** Gives the lease up (on stop), so another process need not wait for it to expire. */
export async function releaseLease(db: DbOrTx, name: string, holder: string): Promise<void> {
  await db.deleteFrom('jobLeases').where('name', '=', name).where('holder', '=', holder).execute();
}
