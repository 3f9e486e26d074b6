import { Type, type Static } from '@sinclair/typebox';
import { Email, Text } from '../http/schema.js';
import { AGENCY_ROLES, INSTALLATION_ROLES } from '../accounts/accounts.table.js';

export const POLICY_ROLES = [...INSTALLATION_ROLES, ...AGENCY_ROLES] as const;

const checkbox = Type.Optional(Type.Literal('ya'));

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
  ...Object.fromEntries(POLICY_ROLES.map((r) => [`tfa_${r}`, checkbox])),
});
export type InstallationInput = Static<typeof InstallationInput> &
  Partial<Record<`tfa_${(typeof POLICY_ROLES)[number]}`, 'ya'>>;
