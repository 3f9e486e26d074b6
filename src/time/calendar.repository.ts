import type { DbOrTx } from '../db/database.js';
import { getInstallation } from '../agencies/agencies.repository.js';
import { defaultSettings, settingsOf } from '../agencies/settings.js';
import { now } from './clock.js';
import type { Holiday, HolidayKind } from './calendar.table.js';
import { parseTime, type Calendar } from './working-days.js';

/** The installation's working week: Monday to Friday. */
export const WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];

export interface CalendarOptions {
  /** only the holidays of these years; by default all of them (a few dozen rows a year) */
  years?: { from: number; to: number };
}

let generation = 0;
/**
 * Bumped by every change to the holidays, an agency's calendar or the installation's settings in
 * this process, so cached complaint clocks (complaints.deadlines.ts) reload at once; changes made
 * by another process reach them when the short cache expires.
 */
export function calendarChanged(): void {
  generation++;
}
export const calendarGeneration = (): number => generation;

/** A holiday row exactly as stored. */
export function findHoliday(db: DbOrTx, date: string): Promise<Holiday | undefined> {
  return db.selectFrom('holidays').selectAll().where('date', '=', date).executeTakeFirst();
}

/** The holidays of one year, in date order. */
export function holidaysIn(db: DbOrTx, year: number): Promise<Holiday[]> {
  return db
    .selectFrom('holidays')
    .selectAll()
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
}

/** The years that have at least one holiday, ascending. */
export async function holidayYears(db: DbOrTx): Promise<number[]> {
  const rows = await db.selectFrom('holidays').select('date').execute();
  return [...new Set(rows.map((r) => Number(r.date.slice(0, 4))))].sort((a, b) => a - b);
}

/** Inserts a holiday; false when the date is already in the table (the table is left as it was). */
export async function insertHoliday(
  db: DbOrTx,
  holiday: { date: string; name: string; kind: HolidayKind },
): Promise<boolean> {
  const at = now();
  calendarChanged();
  const result = await db
    .insertInto('holidays')
    .values({ ...holiday, createdAt: at, updatedAt: at })
    .onConflict((oc) => oc.column('date').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteHoliday(db: DbOrTx, date: string): Promise<void> {
  calendarChanged();
  await db.deleteFrom('holidays').where('date', '=', date).execute();
}

export interface AgencyCalendarInput {
  workingDays: readonly number[];
  opens: string;
  closes: string;
  /** true for units that serve through holidays (RSUD, Damkar) */
  ignoresHolidays: boolean;
}

/** Gives an agency its own working days and hours (or replaces them). */
export async function saveAgencyCalendar(
  db: DbOrTx,
  agencyId: string,
  input: AgencyCalendarInput,
): Promise<void> {
  const opens = parseTime(input.opens);
  const closes = parseTime(input.closes);
  if (opens === undefined || closes === undefined || opens >= closes) {
    throw new RangeError(`Jam kerja tidak sah: ${input.opens}–${input.closes}`);
  }
  if (
    input.workingDays.length === 0 ||
    input.workingDays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)
  ) {
    throw new RangeError(`Hari kerja tidak sah: ${input.workingDays.join(',')}`);
  }
  const at = now();
  calendarChanged();
  const values = {
    workingDays: JSON.stringify([...new Set(input.workingDays)].sort((a, b) => a - b)),
    opens: input.opens,
    closes: input.closes,
    ignoresHolidaysAt: input.ignoresHolidays ? at : null,
    updatedAt: at,
  };
  await db
    .insertInto('agencyCalendars')
    .values({ agencyId, ...values, createdAt: at })
    .onConflict((oc) =>
      oc.column('agencyId').doUpdateSet({
        ...values,
        // keep the day it started rather than the day it was last saved
        ...(input.ignoresHolidays
          ? { ignoresHolidaysAt: (eb) => eb.fn.coalesce('agencyCalendars.ignoresHolidaysAt', eb.val(at)) }
          : {}),
      }),
    )
    .execute();
}

/** ISO weekdays from stored JSON; the default week when the value is unusable. */
function weekdaysFrom(json: string): number[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [...WEEKDAYS];
    const days = parsed.filter((d): d is number => Number.isInteger(d) && d >= 1 && d <= 7);
    return days.length > 0 ? [...new Set(days)].sort((a, b) => a - b) : [...WEEKDAYS];
  } catch {
    return [...WEEKDAYS];
  }
}

/** Office hours that parse and open before they close, or the defaults. */
function hoursOr(opens: string | undefined, closes: string | undefined): { opens: string; closes: string } {
  const o = opens === undefined ? undefined : parseTime(opens);
  const c = closes === undefined ? undefined : parseTime(closes);
  if (o !== undefined && c !== undefined && o < c) return { opens: opens!, closes: closes! };
  return { opens: defaultSettings.officeOpens!, closes: defaultSettings.officeCloses! };
}

/**
 * The calendar deadlines are counted on: the installation's zone and office hours with the holiday
 * table, or the agency's own working days and hours when it has set them.
 */
export async function loadCalendar(
  db: DbOrTx,
  agencyId?: string,
  options: CalendarOptions = {},
): Promise<Calendar> {
  const installation = await getInstallation(db);
  const own = agencyId
    ? await db.selectFrom('agencyCalendars').selectAll().where('agencyId', '=', agencyId).executeTakeFirst()
    : undefined;
  const settings = settingsOf(installation);
  const hours = own ? hoursOr(own.opens, own.closes) : hoursOr(settings.officeOpens, settings.officeCloses);
  let holidays = new Set<string>();
  if (!own?.ignoresHolidaysAt) {
    let query = db.selectFrom('holidays').select('date');
    if (options.years) {
      query = query
        .where('date', '>=', `${options.years.from}-01-01`)
        .where('date', '<=', `${options.years.to}-12-31`);
    }
    holidays = new Set((await query.execute()).map((r) => r.date));
  }
  return {
    timeZone: installation.timeZone,
    workingDays: own ? weekdaysFrom(own.workingDays) : [...WEEKDAYS],
    ...hours,
    holidays,
  };
}
