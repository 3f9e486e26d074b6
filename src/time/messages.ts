import type { HolidayKind } from './calendar.table.js';
import { formatDate } from './format.js';

/** A calendar date for people, whatever the zone: '2026-03-20' → "Jumat, 20 Maret 2026". */
export const formatDay = (date: string): string => formatDate(`${date}T12:00:00Z`, 'UTC');

/**
 * What the holiday pages say to people (Bahasa Indonesia). Kept beside the code like the other
 * domains' messages; they can move into the catalogue as `t.holidays` without changing a caller.
 */
export const m = {
  title: 'Hari libur',
  intro:
    'Hari libur nasional dan cuti bersama tidak dihitung sebagai hari kerja pada batas waktu aduan. ' +
    'Pemerintah menetapkannya setiap tahun lewat SKB 3 Menteri; masukkan tanggalnya di sini.',
  kinds: { libur_nasional: 'Libur nasional', cuti_bersama: 'Cuti bersama' } satisfies Record<
    HolidayKind,
    string
  >,
  yearLabel: 'Tahun',
  filterLabel: 'Pilih tahun',
  show: 'Tampilkan',
  summary: (year: number, nasional: number, cuti: number) =>
    `${year}: ${nasional} hari libur nasional dan ${cuti} hari cuti bersama.`,
  empty: (year: number) => `Belum ada hari libur untuk tahun ${year}.`,
  caption: (year: number) => `Hari libur tahun ${year}`,
  dateColumn: 'Tanggal',
  nameColumn: 'Nama',
  kindColumn: 'Jenis',
  actionColumn: 'Tindakan',
  deleteButton: 'Hapus',
  addTitle: 'Tambah hari libur',
  dateLabel: 'Tanggal',
  dateHint: 'Tulis tahun-bulan-tanggal, misalnya 2026-08-17.',
  dateInvalid: 'Tanggal harus berupa tanggal yang benar, misalnya 2026-08-17.',
  dateOutOfRange: (min: number, max: number) => `Tanggal harus antara tahun ${min} dan ${max}.`,
  dateTaken: 'Tanggal ini sudah ada.',
  nameLabel: 'Nama hari libur',
  nameHint: 'Misalnya Idul Fitri 1448 Hijriah.',
  kindLabel: 'Jenis',
  kindPlaceholder: 'Pilih jenis',
  addButton: 'Tambah',
  added: (day: string, name: string) => `${day} (${name}) sudah ditambahkan.`,
  deleted: (day: string, name: string) => `${day} (${name}) sudah dihapus.`,
};
