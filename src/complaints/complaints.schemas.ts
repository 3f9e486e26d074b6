import { Type, type Static } from '@sinclair/typebox';
import { Choice, Email, Text } from '../http/schema.js';
import { ARCHIVE_REASONS, COMPLAINT_CLASSES, STAFF_CHANNELS } from './complaints.table.js';

/*
 * What a complaint looks like on the way in, shared by the web form, the staff entry form and the
 * JSON API. The API nests the reporter (`reporter: {name, …}`); the forms post flat `reporter_*`
 * fields, which the routes fold into the same shape before the service sees them.
 */

const DATE = {
  maxLength: 10,
  pattern: '^$|^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
};

export const ReporterInput = Type.Object({
  name: Type.Optional(Text('Nama', 120, { required: false })),
  email: Type.Optional(Email('Email', false)),
  phone: Type.Optional(
    Type.String({
      title: 'Nomor WhatsApp',
      maxLength: 20,
      pattern: '^\\s*$|^\\s*\\+?[0-9][0-9 -]{7,17}\\s*$',
      'x-error': 'Nomor WhatsApp harus berupa angka, misalnya 0812 3456 7890.',
    }),
  ),
  nik: Type.Optional(
    Type.String({
      title: 'NIK',
      maxLength: 16,
      pattern: '^$|^[0-9]{16}$',
      'x-error': 'NIK harus 16 angka, atau kosongkan saja.',
    }),
  ),
});
export type ReporterInput = Static<typeof ReporterInput>;

export const ComplaintInput = Type.Object({
  class: Choice('Jenis laporan', COMPLAINT_CLASSES),
  title: Text('Judul laporan', 150, { min: 5 }),
  description: Text('Isi laporan', 5000, { min: 20 }),
  category: Text('Kategori', 60),
  kelurahan: Type.Optional(Text('Kelurahan', 60, { required: false })),
  address: Type.Optional(Text('Alamat atau patokan', 300, { required: false })),
  lat: Type.Optional(Type.Number({ title: 'Garis lintang', minimum: -90, maximum: 90 })),
  lng: Type.Optional(Type.Number({ title: 'Garis bujur', minimum: -180, maximum: 180 })),
  occurred_on: Type.Optional(
    Type.String({ title: 'Tanggal kejadian', ...DATE, 'x-error': 'Tanggal kejadian harus berupa tanggal.' }),
  ),
  reporter: ReporterInput,
  anonymous: Type.Boolean({ title: 'Anonim' }),
  confidential: Type.Boolean({ title: 'Rahasia' }),
  consent: Type.Boolean({ title: 'Persetujuan' }),
});
export type ComplaintInput = Static<typeof ComplaintInput>;

/** What staff add when they record a complaint that came by WhatsApp, phone, letter or in person. */
export const StaffEntryExtras = Type.Object({
  channel: Choice('Saluran', STAFF_CHANNELS),
  lapor_number: Type.Optional(Text('Nomor tiket LAPOR!', 40, { required: false })),
});

export const STAFF_ACTIONS = [
  'verify',
  'assign',
  'hold',
  'not_authority',
  'archive',
  'merge',
  'acknowledge',
  'answer',
  'return',
  'close',
  'note',
  'reclassify',
] as const;
export const CITIZEN_ACTIONS = ['add_info', 'accept', 'reopen', 'rate'] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];
export type CitizenAction = (typeof CITIZEN_ACTIONS)[number];
export type ComplaintAction = StaffAction | CitizenAction | 'auto_close';

/** One step, from staff or (with the access key) from the citizen. */
export const ActionInput = Type.Object({
  action: Choice('Tindakan', [...STAFF_ACTIONS, ...CITIZEN_ACTIONS]),
  /** the lead OPD's slug (assign) */
  agency: Type.Optional(Text('OPD', 60, { required: false })),
  /** co-assignee OPD slugs (assign) */
  co_agencies: Type.Optional(Type.Array(Text('OPD pendamping', 60), { maxItems: 5 })),
  message: Type.Optional(Text('Pesan', 5000, { required: false })),
  internal_note: Type.Optional(Text('Catatan internal', 5000, { required: false })),
  reason: Type.Optional(Text('Alasan', 1000, { required: false })),
  archive_reason: Type.Optional(Choice('Alasan pengarsipan', ARCHIVE_REASONS)),
  /** the tracking code of the complaint this one duplicates (merge) */
  merge_into: Type.Optional(Text('Nomor tiket', 20, { required: false })),
  category: Type.Optional(Text('Kategori', 60, { required: false })),
  anonymous: Type.Optional(Type.Boolean({ title: 'Anonim' })),
  confidential: Type.Optional(Type.Boolean({ title: 'Rahasia' })),
  access_key: Type.Optional(Text('Kunci akses', 100, { required: false })),
  stars: Type.Optional(Type.Integer({ title: 'Nilai', minimum: 1, maximum: 5 })),
  comment: Type.Optional(Text('Komentar', 2000, { required: false })),
});
export type ActionInput = Static<typeof ActionInput>;
