import { Type, type Static } from '@sinclair/typebox';
import { Choice, Email, Password, Text } from '../http/schema.js';
import { AGENCY_ROLES, INSTALLATION_ROLES } from './accounts.table.js';

export const InviteInput = Type.Object({
  email: Email('Email'),
  name: Text('Nama', 120),
  role: Choice('Peran', AGENCY_ROLES),
});
export type InviteInput = Static<typeof InviteInput>;

export const StaffInviteInput = Type.Object({
  email: Email('Email'),
  name: Text('Nama', 120),
  role: Choice('Peran', INSTALLATION_ROLES),
});
export type StaffInviteInput = Static<typeof StaffInviteInput>;

export const UserCreateInput = Type.Object({
  email: Email('Email'),
  name: Text('Nama', 120),
  password: Type.Optional(Password('Kata sandi')),
  installation_role: Type.Optional(Choice('Peran instalasi', INSTALLATION_ROLES)),
  memberships: Type.Array(
    Type.Object(
      { agency: Text('Perangkat daerah', 60), role: Choice('Peran', AGENCY_ROLES) },
      { additionalProperties: false },
    ),
    { title: 'Keanggotaan', maxItems: 50, default: [] },
  ),
});
export type UserCreateInput = Static<typeof UserCreateInput>;

export const TokenInput = Type.Object({
  email: Email('Email'),
  password: Password('Kata sandi'),
  otp: Type.Optional(Text('Kode verifikasi', 20)),
});

export const TokenJson = Type.Object({
  token: Type.String(),
  expires_at: Type.String({ format: 'date-time' }),
});

export const MembershipJson = Type.Object({ agency: Type.String(), role: Type.String() });

export const MeJson = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  installation_role: Type.Union([Type.String(), Type.Null()]),
  two_factor_enabled: Type.Boolean(),
  memberships: Type.Array(MembershipJson),
});

export const UserJson = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  memberships: Type.Array(MembershipJson),
  invitation_sent: Type.Boolean(),
  invitation_url: Type.Optional(Type.String()),
});
