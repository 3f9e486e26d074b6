import type { DbOrTx } from '../db/database.js';
import { now } from '../time/clock.js';
import { zoneOffsetMinutes } from '../time/zone.js';

/*
 * Once-a-period bookkeeping for jobs that every app process checks on every tick (the daily digest,
 * retention). The row's primary key (name, period) is the exactly-once guarantee: claim it in the
 * same transaction as the work it guards, and a racing process's insert conflicts and does nothing.
 */

/** True when the job already ran for the period: a cheap read before trying to claim. */
export async function hasRun(db: DbOrTx, name: string, period: string): Promise<boolean> {
  const row = await db
    .selectFrom('jobRuns')
    .select('name')
    .where('name', '=', name)
    .where('period', '=', period)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records the run; false when another process (or an earlier run) already holds the period. */
export async function claimRun(db: DbOrTx, name: string, period: string, at = now()): Promise<boolean> {
  const result = await db
    .insertInto('jobRuns')
    .values({ name, period, ranAt: at })
    .onConflict((oc) => oc.columns(['name', 'period']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The local date ('YYYY-MM-DD') and minutes after local midnight of an instant in the zone. */
export function localClock(timeZone: string, at: string): { date: string; minutes: number } {
  const local = new Date(Date.parse(at) + zoneOffsetMinutes(new Date(at), timeZone) * 60_000);
  return {
    date: local.toISOString().slice(0, 10),
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}
