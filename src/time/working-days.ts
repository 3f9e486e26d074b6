import { zoneOffsetMinutes } from './zone.js';
/*
 * Working days (hari kerja) for complaint deadlines, in the installation's zone.
 *
 * The counting rule
 * - A working day is a local date whose ISO weekday is in `workingDays` and, unless the calendar
 *   ignores them, is not in `holidays` (national holidays and cuti bersama alike).
 * - Office hours are [opens, closes) local time on a working day.
 * - The start day: a complaint received during office hours, or before opening on a working day,
 *   counts from that day. One received after closing, or on a day that is not a working day,
 *   counts from the next working day's opening (`startOfCount`).
 * - The start day is day 0. A deadline of n working days falls at closing time on the n-th working
 *   day after the start day (`addWorkingDays`), returned as a UTC ISO instant.
 *     received Monday 10:00 WIB, verify within 3 → due Thursday 16:00 WIB;
 *     received Friday 17:00 WIB → counts from Monday → due Thursday 16:00 WIB;
 *     received Tuesday 17 March 2026 10:00 WIB → 18–24 March are Nyepi, Idul Fitri, cuti bersama
 *     and a weekend → due Friday 27 March 2026 16:00 WIB.
 * - An answer is in time when it is at or before the deadline. `workingDaysBetween(a, b)` is the
 *   smallest n whose deadline b meets, so `workingDaysBetween(a, b) <= n` exactly when
 *   `b <= addWorkingDays(a, n)`: an answer the same working day is 0, one the next working day 1,
 *   and one after closing counts as the next working day. This is the figure behind "median working
 *   days to answer".
 *
 * Times inside are local wall-clock milliseconds (UTC milliseconds plus the zone's offset at that
 * instant), so a local day is a whole multiple of 86,400,000 even where clocks change; Indonesian
 * zones have kept one offset since 1988.
 */

/** What the counting needs: the zone, the working weekdays, office hours and the days off. */
export interface Calendar {
  timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday */
  workingDays: readonly number[];
  /** local 'HH:MM' */
  opens: string;
  /** local 'HH:MM'; '24:00' is midnight at the end of the day */
  closes: string;
  /** local dates 'YYYY-MM-DD' that are not working days; empty for units that work through them */
  holidays: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** How far to look for a working day before deciding the calendar has none (about ten years). */
const MAX_SEARCH_DAYS = 3660;

export const TIME_PATTERN = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
export const DATE_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Minutes after local midnight of an 'HH:MM' time; undefined when malformed. */
export function parseTime(hhmm: string): number | undefined {
  const match = TIME_PATTERN.exec(hhmm);
  if (!match) return undefined;
  return Number(match[1] ?? match[3]) * 60 + Number(match[2] ?? match[4]);
}

/** True for a real calendar date written 'YYYY-MM-DD' (not 2026-02-30). */
export function isDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** Days since 1970-01-01 of a local date. */
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** 1970-01-01 was a Thursday (ISO weekday 4). */
const isoWeekday = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

interface Hours {
  opens: number;
  closes: number;
}

function hoursOf(calendar: Calendar): Hours {
  const opens = parseTime(calendar.opens);
  const closes = parseTime(calendar.closes);
  if (opens === undefined || closes === undefined || opens >= closes) {
    throw new RangeError(`Jam kerja tidak sah: ${calendar.opens}–${calendar.closes}`);
  }
  return { opens: opens * MINUTE_MS, closes: closes * MINUTE_MS };
}

function isWorkingDayNumber(calendar: Calendar, day: number): boolean {
  return calendar.workingDays.includes(isoWeekday(day)) && !calendar.holidays.has(dateOf(day));
}

/** The first working day at or after `day`. */
function workingDayFrom(calendar: Calendar, day: number): number {
  for (let d = day; d < day + MAX_SEARCH_DAYS; d++) {
    if (isWorkingDayNumber(calendar, d)) return d;
  }
  throw new RangeError('Kalender ini tidak punya hari kerja.');
}

const offsetMs = (ms: number, timeZone: string): number => zoneOffsetMinutes(new Date(ms), timeZone) * 60_000;

function toLocalMs(iso: string, timeZone: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Waktu tidak sah: ${iso}`);
  return ms + offsetMs(ms, timeZone);
}

/** The UTC instant of a local time; the offset is checked again at the result, for zones that shift. */
function fromLocalMs(local: number, timeZone: string): string {
  const first = local - offsetMs(local, timeZone);
  return new Date(local - offsetMs(first, timeZone)).toISOString();
}

/** The start day and the local instant counting starts from. */
function countStart(calendar: Calendar, receivedAt: string): { day: number; local: number } {
  const hours = hoursOf(calendar);
  const local = toLocalMs(receivedAt, calendar.timeZone);
  const today = Math.floor(local / DAY_MS);
  const sinceMidnight = local - today * DAY_MS;
  if (isWorkingDayNumber(calendar, today) && sinceMidnight < hours.closes) {
    return { day: today, local: today * DAY_MS + Math.max(sinceMidnight, hours.opens) };
  }
  const day = workingDayFrom(calendar, today + 1);
  return { day, local: day * DAY_MS + hours.opens };
}

/** Whether a local date ('YYYY-MM-DD') is a working day. */
export function isWorkingDay(calendar: Calendar, date: string): boolean {
  if (!isDate(date)) throw new RangeError(`Tanggal tidak sah: ${date}`);
  return isWorkingDayNumber(calendar, dayNumber(date));
}

/** The next working day after a local date. */
export function nextWorkingDay(calendar: Calendar, date: string): string {
  if (!isDate(date)) throw new RangeError(`Tanggal tidak sah: ${date}`);
  return dateOf(workingDayFrom(calendar, dayNumber(date) + 1));
}

/**
 * When counting starts for something received at `receivedAt` (UTC ISO): that instant during office
 * hours, the day's opening before them, otherwise the next working day's opening.
 */
export function startOfCount(calendar: Calendar, receivedAt: string): string {
  return fromLocalMs(countStart(calendar, receivedAt).local, calendar.timeZone);
}

/** The deadline n working days after receipt: closing time of the n-th working day after the start day. */
export function addWorkingDays(calendar: Calendar, receivedAt: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Jumlah hari kerja tidak sah: ${n}`);
  const hours = hoursOf(calendar);
  let day = countStart(calendar, receivedAt).day;
  for (let i = 0; i < n; i++) day = workingDayFrom(calendar, day + 1);
  return fromLocalMs(day * DAY_MS + hours.closes, calendar.timeZone);
}

/**
 * Working days from receipt at `from` to `to`: the smallest n with `to <= addWorkingDays(from, n)`;
 * 0 when `to` falls on the start day (or before it).
 */
export function workingDaysBetween(calendar: Calendar, from: string, to: string): number {
  const hours = hoursOf(calendar);
  const start = countStart(calendar, from).day;
  const end = toLocalMs(to, calendar.timeZone);
  // The day the answer counts for: the first working day whose closing it does not pass.
  let day = Math.max(start, workingDayFrom(calendar, Math.floor(end / DAY_MS) - 1));
  while (day * DAY_MS + hours.closes < end) day = workingDayFrom(calendar, day + 1);
  let count = 0;
  for (let d = start + 1; d <= day; d++) if (isWorkingDayNumber(calendar, d)) count++;
  return count;
}
