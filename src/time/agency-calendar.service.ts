import { Type, type Static } from '@sinclair/typebox';
import { authorize, isSuperAdmin, type Actor } from '../accounts/accounts.policy.js';
import type { Agency } from '../agencies/agencies.table.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db, DbOrTx } from '../db/database.js';
import { ValidationError } from '../errors.js';
import { Text } from '../http/schema.js';
import type { AgencyCalendar } from './calendar.table.js';
import { calendarChanged, saveAgencyCalendar } from './calendar.repository.js';
import { parseTime } from './working-days.js';

/*
 * An OPD's own working days and hours, for units that serve outside the city's week (RSUD, Damkar):
 * their follow-up deadlines are counted on it. Only the super admin sets it, as with the holiday
 * table: a unit that set its own week could stretch its own deadlines.
 */

export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_NAMES = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'] as const;

const checkbox = Type.Optional(Type.Literal('ya'));
const time = (label: string) =>
  Text(label, 20, {
    pattern: '^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$',
    error: `${label} harus berformat JJ:MM, misalnya 07:30.`,
  });

export const AgencyCalendarForm = Type.Object({
  opens: time('Jam buka'),
  closes: time('Jam tutup'),
  ignores_holidays: checkbox,
  ...Object.fromEntries(ISO_WEEKDAYS.map((d) => [`day_${d}`, checkbox])),
});
export type AgencyCalendarForm = Static<typeof AgencyCalendarForm> & Partial<Record<`day_${number}`, 'ya'>>;

export const canSetAgencyCalendar = (actor: Actor): boolean => isSuperAdmin(actor);

export function findAgencyCalendar(db: DbOrTx, agencyId: string): Promise<AgencyCalendar | undefined> {
  return db.selectFrom('agencyCalendars').selectAll().where('agencyId', '=', agencyId).executeTakeFirst();
}

/** Gives the OPD its own week and hours; its deadlines set from now on are counted on them. */
export async function setAgencyCalendar(db: Db, actor: Actor, agency: Agency, form: AgencyCalendarForm) {
  authorize(canSetAgencyCalendar(actor));
  const workingDays = ISO_WEEKDAYS.filter((d) => form[`day_${d}`] === 'ya');
  const errors: Record<string, string> = {};
  if (!workingDays.length) errors.day_1 = 'Pilih paling sedikit satu hari kerja.';
  if ((parseTime(form.opens) ?? 0) >= (parseTime(form.closes) ?? 0))
    errors.closes = 'Jam tutup harus setelah jam buka.';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const input = {
    workingDays,
    opens: form.opens,
    closes: form.closes,
    ignoresHolidays: !!form.ignores_holidays,
  };
  await db.transaction().execute(async (tx) => {
    await saveAgencyCalendar(tx, agency.id, input);
    await recordAudit(tx, {
      actorId: actor.userId,
      agencyId: agency.id,
      action: 'agency_calendar.saved',
      subjectType: 'agency',
      subjectId: agency.id,
      details: input,
    });
  });
}

/** Back to the city's calendar. */
export async function resetAgencyCalendar(db: Db, actor: Actor, agency: Agency) {
  authorize(canSetAgencyCalendar(actor));
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('agencyCalendars').where('agencyId', '=', agency.id).execute();
    calendarChanged();
    await recordAudit(tx, {
      actorId: actor.userId,
      agencyId: agency.id,
      action: 'agency_calendar.removed',
      subjectType: 'agency',
      subjectId: agency.id,
    });
  });
}
