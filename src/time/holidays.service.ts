import type { Db } from '../db/database.js';
import { authorize, type Actor } from '../accounts/accounts.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { Holiday } from './calendar.table.js';
import { deleteHoliday, findHoliday, insertHoliday } from './calendar.repository.js';
import { canManageHolidays } from './holidays.policy.js';
import { YEAR_MAX, YEAR_MIN, type HolidayInput } from './holidays.schemas.js';
import { m } from './messages.js';
import { isDate } from './working-days.js';

/** Adds a day off for every agency's deadlines; a date already in the table is refused. */
export async function addHoliday(db: Db, actor: Actor, input: HolidayInput): Promise<Holiday> {
  authorize(canManageHolidays(actor));
  const date = input.date.trim();
  if (!isDate(date)) throw new ValidationError({ date: m.dateInvalid });
  const year = Number(date.slice(0, 4));
  if (year < YEAR_MIN || year > YEAR_MAX)
    throw new ValidationError({ date: m.dateOutOfRange(YEAR_MIN, YEAR_MAX) });
  const holiday = { date, name: input.name.trim(), kind: input.kind };
  return db.transaction().execute(async (tx) => {
    // Insert-or-nothing decides a race between two admins in the database, not here.
    if (!(await insertHoliday(tx, holiday))) throw new ConflictError(m.dateTaken, { date: m.dateTaken });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'holiday.added',
      subjectType: 'holiday',
      subjectId: date,
      details: { name: holiday.name, kind: holiday.kind },
    });
    return (await findHoliday(tx, date))!;
  });
}

/** Removes a day off: the day counts as a working day again for deadlines computed from now on. */
export async function removeHoliday(db: Db, actor: Actor, date: string): Promise<Holiday> {
  authorize(canManageHolidays(actor));
  return db.transaction().execute(async (tx) => {
    const holiday = await findHoliday(tx, date);
    if (!holiday) throw new NotFoundError();
    await deleteHoliday(tx, date);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'holiday.deleted',
      subjectType: 'holiday',
      subjectId: date,
      details: { name: holiday.name, kind: holiday.kind },
    });
    return holiday;
  });
}
