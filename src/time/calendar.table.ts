import type { Insertable, Selectable } from 'kysely';

export const HOLIDAY_KINDS = ['libur_nasional', 'cuti_bersama'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** A day off for the whole installation. */
export interface HolidayTable {
  /** the local date, 'YYYY-MM-DD' */
  date: string;
  name: string;
  kind: HolidayKind;
  createdAt: string;
  updatedAt: string;
}

/** An agency's own working days and hours (RSUD, Damkar); agencies without a row follow the installation. */
export interface AgencyCalendarTable {
  agencyId: string;
  /** JSON: ISO weekdays, 1 = Monday … 7 = Sunday */
  workingDays: string;
  /** local 'HH:MM' */
  opens: string;
  /** local 'HH:MM'; '24:00' is midnight at the end of the day */
  closes: string;
  /** set: the agency works through holidays, since then */
  ignoresHolidaysAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CalendarTables {
  holidays: HolidayTable;
  agencyCalendars: AgencyCalendarTable;
}

export type Holiday = Selectable<HolidayTable>;
export type NewHoliday = Insertable<HolidayTable>;
export type AgencyCalendar = Selectable<AgencyCalendarTable>;
