import { Type, type Static } from '@sinclair/typebox';
import { Email, Text } from '../http/schema.js';
import { AGENCY_ROLES, INSTALLATION_ROLES } from '../accounts/accounts.table.js';

export const POLICY_ROLES = [...INSTALLATION_ROLES, ...AGENCY_ROLES] as const;

const checkbox = Type.Optional(Type.Literal('ya'));

/**
 * The complaint numbers the super admin may change, with the bounds the service checks (whole
 * numbers; the form sends text). Bounds keep a typo from stopping the clock (0) or promising a
 * citizen an answer in a year.
 */
export const COMPLAINT_NUMBERS = {
  complaint_verify_days: { label: 'Batas verifikasi', min: 1, max: 30, unit: 'hari kerja' },
  complaint_follow_up_days: { label: 'Batas tindak lanjut OPD', min: 1, max: 60, unit: 'hari kerja' },
  complaint_auto_close_days: { label: 'Penutupan otomatis', min: 1, max: 60, unit: 'hari kerja' },
  complaint_max_days: { label: 'Batas penyelesaian', min: 7, max: 365, unit: 'hari' },
  complaint_retention_months: { label: 'Masa simpan data pribadi pelapor', min: 1, max: 120, unit: 'bulan' },
} as const;
export type ComplaintNumberField = keyof typeof COMPLAINT_NUMBERS;

const wholeNumber = (field: ComplaintNumberField) => {
  const { label, min, max, unit } = COMPLAINT_NUMBERS[field];
  return Type.Optional(
    Text(label, 40, {
      pattern: '^\\s*[0-9]{1,4}\\s*$',
      error: `${label} harus berupa bilangan bulat antara ${min} dan ${max} ${unit}.`,
    }),
  );
};

const time = (label: string) =>
  Type.Optional(
    Text(label, 20, {
      pattern: '^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$',
      error: `${label} harus berformat JJ:MM, misalnya 07:30.`,
    }),
  );

/*
 * The complaint numbers and office hours are optional in the body: a client that does not send them
 * leaves them as they are. The page always sends them, and a blank one is "wajib diisi".
 */
export const InstallationInput = Type.Object({
  name: Text('Nama pemerintah daerah', 150),
  short_name: Text('Nama singkat', 60),
  main_host: Text('Host utama', 253, {
    pattern: '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,}$',
    error: 'Host utama tidak sah, contoh: pontianak.go.id.',
  }),
  address: Text('Alamat', 300, { required: false }),
  phone: Text('Telepon', 40, {
    required: false,
    pattern: '^[0-9+() .-]*$',
    error: 'Telepon hanya boleh berisi angka, spasi, tanda +, tanda kurung dan tanda hubung.',
  }),
  email: Email('Email', false),
  office_opens: time('Jam buka layanan'),
  office_closes: time('Jam tutup layanan'),
  complaint_verify_days: wholeNumber('complaint_verify_days'),
  complaint_follow_up_days: wholeNumber('complaint_follow_up_days'),
  complaint_auto_close_days: wholeNumber('complaint_auto_close_days'),
  complaint_max_days: wholeNumber('complaint_max_days'),
  complaint_retention_months: wholeNumber('complaint_retention_months'),
  complaint_code_prefix: Type.Optional(
    Text('Awalan nomor tiket', 10, {
      pattern: '^\\s*[A-Za-z]{2,5}\\s*$',
      error: 'Awalan nomor tiket harus 2 sampai 5 huruf, misalnya PTK.',
    }),
  ),
  ...Object.fromEntries(POLICY_ROLES.map((r) => [`tfa_${r}`, checkbox])),
});
export type InstallationInput = Static<typeof InstallationInput> &
  Partial<Record<`tfa_${(typeof POLICY_ROLES)[number]}`, 'ya'>>;
