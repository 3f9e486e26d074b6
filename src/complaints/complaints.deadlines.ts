import type { DbOrTx } from '../db/database.js';
import { getInstallation } from '../agencies/agencies.repository.js';
import { complaintSettingsOf, type ComplaintSettings } from '../agencies/settings.js';
import { calendarGeneration, loadCalendar } from '../time/calendar.repository.js';
import { addWorkingDays, workingDaysBetween, type Calendar } from '../time/working-days.js';

/*
 * Complaint deadlines, in working days (src/time/working-days.ts has the counting rule):
 *   verify  — the coordinator verifies and assigns within `verifyDays` (3) on the city's calendar;
 *   follow_up — the OPD answers within `followUpDays` (5) on the OPD's own calendar (RSUD, Damkar);
 *   auto_close — the answer stands `autoCloseDays` (10) after it was given, unless the citizen replies.
 * The hard cap is `maxDays` (60) calendar days from receipt. On hold, no deadline runs: the working
 * days left are remembered and start again when the citizen sends what was asked for.
 */

export interface Clocks {
  settings: ComplaintSettings;
  timeZone: string;
  city: Calendar;
  forAgency(agencyId: string | null): Promise<Calendar>;
}

/** How long the city's clocks are reused: every filing needs them, they change a few times a year. */
const CLOCKS_TTL_MS = 10_000;
type CityClocks = Omit<Clocks, 'forAgency'>;
const cache = new WeakMap<object, { until: number; generation: number; clocks: CityClocks }>();

/**
 * The clocks deadlines are counted with. The installation's part is cached per database for a few
 * seconds (and dropped at once when this process changes the calendar or the settings); an
 * agency's own calendar is read when needed. `db` may be a transaction: then pass the database it
 * belongs to as `cacheKey`, so the cache is shared, while a miss reads inside the transaction (on
 * SQLite the one connection is the transaction's until it ends).
 */
export async function loadClocks(db: DbOrTx, cacheKey: object = db): Promise<Clocks> {
  const hit = cache.get(cacheKey);
  let city: CityClocks;
  if (hit && hit.until > Date.now() && hit.generation === calendarGeneration()) {
    city = hit.clocks;
  } else {
    const generation = calendarGeneration();
    const installation = await getInstallation(db);
    city = {
      settings: complaintSettingsOf(installation),
      timeZone: installation.timeZone,
      city: await loadCalendar(db),
    };
    cache.set(cacheKey, { until: Date.now() + CLOCKS_TTL_MS, generation, clocks: city });
  }
  return {
    ...city,
    forAgency: (agencyId) => (agencyId ? loadCalendar(db, agencyId) : Promise.resolve(city.city)),
  };
}

export const verifyDue = (clocks: Clocks, from: string): string =>
  addWorkingDays(clocks.city, from, clocks.settings.verifyDays);

export async function followUpDue(clocks: Clocks, agencyId: string, from: string): Promise<string> {
  return addWorkingDays(await clocks.forAgency(agencyId), from, clocks.settings.followUpDays);
}

export const autoCloseDue = (clocks: Clocks, from: string): string =>
  addWorkingDays(clocks.city, from, clocks.settings.autoCloseDays);

export const resolutionDue = (clocks: Clocks, receivedAt: string): string =>
  new Date(Date.parse(receivedAt) + clocks.settings.maxDays * 86_400_000).toISOString();

/** Working days left until `deadline`, counted from `at`: kept when the clock stops for a hold. */
export const workingDaysLeft = (calendar: Calendar, at: string, deadline: string): number =>
  deadline <= at ? 0 : workingDaysBetween(calendar, at, deadline);

/** After the deadline. */
export const isOverdue = (deadlineAt: string | null, at: string): boolean =>
  deadlineAt !== null && deadlineAt < at;

/** Due by the close of the next working day, and not yet overdue: the "due soon" flag. */
export function dueSoonBefore(clocks: Clocks, at: string): string {
  return addWorkingDays(clocks.city, at, 1);
}
