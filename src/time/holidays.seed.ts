import type { DbOrTx } from '../db/database.js';
import { now } from './clock.js';
import type { HolidayKind } from './calendar.table.js';

export interface HolidaySeed {
  date: string;
  name: string;
  kind: HolidayKind;
}

const nasional = (date: string, name: string): HolidaySeed => ({ date, name, kind: 'libur_nasional' });
const cuti = (date: string, name: string): HolidaySeed => ({ date, name, kind: 'cuti_bersama' });

/** 2026: SKB Menteri Agama 1497/2025, Menteri Ketenagakerjaan 2/2025 and MenPANRB 5/2025. */
export const HOLIDAYS_2026: readonly HolidaySeed[] = [
  nasional('2026-01-01', 'Tahun Baru 2026 Masehi'),
  nasional('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'),
  cuti('2026-02-16', 'Cuti bersama Tahun Baru Imlek 2577 Kongzili'),
  nasional('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
  cuti('2026-03-18', 'Cuti bersama Hari Suci Nyepi (Tahun Baru Saka 1948)'),
  nasional('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'),
  cuti('2026-03-20', 'Cuti bersama Idul Fitri 1447 Hijriah'),
  nasional('2026-03-21', 'Idul Fitri 1447 Hijriah'),
  nasional('2026-03-22', 'Idul Fitri 1447 Hijriah'),
  cuti('2026-03-23', 'Cuti bersama Idul Fitri 1447 Hijriah'),
  cuti('2026-03-24', 'Cuti bersama Idul Fitri 1447 Hijriah'),
  nasional('2026-04-03', 'Wafat Yesus Kristus'),
  nasional('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
  nasional('2026-05-01', 'Hari Buruh Internasional'),
  nasional('2026-05-14', 'Kenaikan Yesus Kristus'),
  cuti('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus'),
  nasional('2026-05-27', 'Idul Adha 1447 Hijriah'),
  cuti('2026-05-28', 'Cuti bersama Idul Adha 1447 Hijriah'),
  nasional('2026-05-31', 'Hari Raya Waisak 2570 BE'),
  nasional('2026-06-01', 'Hari Lahir Pancasila'),
  nasional('2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah'),
  nasional('2026-08-17', 'Proklamasi Kemerdekaan Republik Indonesia'),
  nasional('2026-08-25', 'Maulid Nabi Muhammad SAW'),
  cuti('2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus'),
  nasional('2026-12-25', 'Kelahiran Yesus Kristus (Natal)'),
];

/**
 * 2027: only the fixed dates. The decree for 2027 was not at hand; Islamic, lunar and Easter dates
 * move every year, so the super admin enters them from the decree.
 */
export const HOLIDAYS_2027: readonly HolidaySeed[] = [
  nasional('2027-01-01', 'Tahun Baru 2027 Masehi'),
  nasional('2027-05-01', 'Hari Buruh Internasional'),
  nasional('2027-06-01', 'Hari Lahir Pancasila'),
  nasional('2027-08-17', 'Proklamasi Kemerdekaan Republik Indonesia'),
  nasional('2027-12-25', 'Kelahiran Yesus Kristus (Natal)'),
];

/**
 * Writes the seeded holidays, leaving any date already in the table as it is. Called once, when the
 * installation is created: run again later it would bring back a day the super admin deleted.
 */
export async function seedHolidays(
  db: DbOrTx,
  holidays: readonly HolidaySeed[] = [...HOLIDAYS_2026, ...HOLIDAYS_2027],
): Promise<void> {
  const at = now();
  await db
    .insertInto('holidays')
    .values(holidays.map((h) => ({ ...h, createdAt: at, updatedAt: at })))
    .onConflict((oc) => oc.column('date').doNothing())
    .execute();
}
