import type { Insertable, Selectable } from 'kysely';

export const INSTALLATION_ROLES = ['super_admin', 'coordinator'] as const;
export type InstallationRole = (typeof INSTALLATION_ROLES)[number];

export const AGENCY_ROLES = ['admin', 'editor', 'author', 'complaint_officer'] as const;
export type AgencyRole = (typeof AGENCY_ROLES)[number];

export interface UserTable {
  id: string;
  email: string;
  name: string;
  /** null until an invited person sets a password */
  passwordHash: string | null;
  installationRole: InstallationRole | null;
  totpSecret: string | null;
  totpEnabledAt: string | null;
  /** last accepted TOTP time step: a code is never accepted twice */
  totpLastStep: number | null;
  failedLogins: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MembershipTable {
  userId: string;
  agencyId: string;
  role: AgencyRole;
  createdAt: string;
}

export interface RecoveryCodeTable {
  id: string;
  userId: string;
  codeHash: string;
  usedAt: string | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie value */
  id: string;
  userId: string;
  /** 'second_factor': password accepted, TOTP still to come */
  stage: 'active' | 'second_factor';
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string;
  userAgent: string;
}

export interface ApiTokenTable {
  /** SHA-256 of the bearer token */
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
}

export interface UserTokenTable {
  /** SHA-256 of the emailed token */
  id: string;
  userId: string;
  purpose: 'invitation' | 'password_reset';
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface AccountTables {
  users: UserTable;
  memberships: MembershipTable;
  recoveryCodes: RecoveryCodeTable;
  sessions: SessionTable;
  apiTokens: ApiTokenTable;
  userTokens: UserTokenTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type Membership = Selectable<MembershipTable>;
export type Session = Selectable<SessionTable>;
