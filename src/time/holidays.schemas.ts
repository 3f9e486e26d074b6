import { Type, type Static } from '@sinclair/typebox';
import { Choice, Text } from '../http/schema.js';
import { HOLIDAY_KINDS } from './calendar.table.js';
import { m } from './messages.js';

const DATE = '^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$';

/** Adding a holiday: the form and any future API share this. The service checks the date is real. */
export const HolidayInput = Type.Object({
  date: Text(m.dateLabel, 30, { pattern: DATE, error: m.dateInvalid }),
  name: Text(m.nameLabel, 120),
  kind: Choice(m.kindLabel, HOLIDAY_KINDS),
});
export type HolidayInput = Static<typeof HolidayInput>;

export const HolidayParams = Type.Object({
  date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
});

/** The years a holiday may fall in: wide enough for any decree, narrow enough to catch a typo. */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

export const YearQuery = Type.Object({
  tahun: Type.Optional(Type.Integer({ title: m.yearLabel, minimum: YEAR_MIN, maximum: YEAR_MAX })),
});
export type YearQuery = Static<typeof YearQuery>;
