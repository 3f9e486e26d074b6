import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../db/database.js';
import { ConflictError, ValidationError } from '../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { addMinutes, now } from '../time/clock.js';
import { t } from '../i18n/index.js';
import {
  addMembership,
  findUserByEmail,
  findUserById,
  insertUser,
  normalizeEmail,
  updateUser,
} from './accounts.repository.js';
import type { AgencyRole, InstallationRole, User } from './accounts.table.js';
import { assertStrongPassword } from './password-strength.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyAgainstDecoy, verifyPassword } from './passwords.js';
import { destroyUserSessions } from './sessions.js';
import { hashToken, newToken } from './tokens.js';

/** Failed attempts allowed before an account is locked; each further failure doubles the lock. */
export const LOCKOUT_THRESHOLD = 5;
export const MAX_LOCK_MINUTES = 60;
export const INVITATION_DAYS = 7;
export const RESET_MINUTES = 60;

export type SignInResult =
  | { kind: 'signed_in'; user: User }
  | { kind: 'second_factor'; user: User }
  | { kind: 'invalid' }
  | { kind: 'locked'; minutes: number };

function minutesUntil(iso: string): number {
  return Math.max(1, Math.ceil((Date.parse(iso) - Date.now()) / 60_000));
}

/** Checks a password, with lockout that grows with each failure (kept even when per-address limits are off). */
export async function signIn(db: Db, email: string, password: string): Promise<SignInResult> {
  const user = await findUserByEmail(db, email);
  if (!user || !user.passwordHash || user.disabledAt) {
    await verifyAgainstDecoy(password);
    return { kind: 'invalid' };
  }
  if (user.lockedUntil && user.lockedUntil > now())
    return { kind: 'locked', minutes: minutesUntil(user.lockedUntil) };
  if (!(await verifyPassword(user.passwordHash, password))) {
    const lockMinutes = await recordFailedSignIn(db, user.id);
    return lockMinutes ? { kind: 'locked', minutes: lockMinutes } : { kind: 'invalid' };
  }
  // The failure count is reset only by a complete sign-in: re-entering the password must not
  // restart the count of wrong two-factor codes.
  if (user.totpEnabledAt) return { kind: 'second_factor', user };
  await markSignedIn(db, user.id);
  return { kind: 'signed_in', user };
}

/** Counts a failed password or code; returns the minutes the account is now locked for, or 0. */
export async function recordFailedSignIn(db: DbOrTx, userId: string): Promise<number> {
  // Incremented in SQL, so concurrent failures are all counted.
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failedLogins: eb('failedLogins', '+', 1) }))
    .where('id', '=', userId)
    .returning('failedLogins')
    .executeTakeFirstOrThrow();
  const failures = Number(row.failedLogins);
  const user = { actorId: userId, subjectType: 'user', subjectId: userId };
  await recordAudit(db, { ...user, action: 'auth.sign_in_failed', details: { failures } });
  if (failures < LOCKOUT_THRESHOLD) return 0;
  const lockMinutes = Math.min(2 ** (failures - LOCKOUT_THRESHOLD), MAX_LOCK_MINUTES);
  await updateUser(db, userId, { lockedUntil: addMinutes(now(), lockMinutes) });
  await recordAudit(db, { ...user, action: 'auth.locked', details: { minutes: lockMinutes } });
  return lockMinutes;
}

/** Minutes left on a lock, or 0 when the account is not locked. */
export function lockedMinutes(user: User): number {
  return user.lockedUntil && user.lockedUntil > now() ? minutesUntil(user.lockedUntil) : 0;
}

export async function markSignedIn(db: DbOrTx, userId: string): Promise<void> {
  await updateUser(db, userId, { lastLoginAt: now(), failedLogins: 0, lockedUntil: null });
  await recordAudit(db, {
    actorId: userId,
    action: 'auth.signed_in',
    subjectType: 'user',
    subjectId: userId,
  });
}

export function validateNewPassword(password: string, email: string, field = 'new_password'): void {
  const m = t.accounts;
  if (password.length < MIN_PASSWORD_LENGTH) throw new ValidationError({ [field]: m.passwordTooShort });
  if (password.length > 200) throw new ValidationError({ [field]: m.passwordTooLong });
  const lower = password.toLowerCase();
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (lower === email.toLowerCase() || (local.length >= 4 && lower.includes(local))) {
    throw new ValidationError({ [field]: m.passwordLikeEmail });
  }
}

/** A new password ends every other way in: other sessions and all API tokens. Recorded. */
async function afterPasswordSet(tx: DbOrTx, userId: string, action: string, keepSessionToken?: string) {
  await destroyUserSessions(tx, userId, keepSessionToken);
  await tx.deleteFrom('apiTokens').where('userId', '=', userId).execute();
  await recordAudit(tx, { actorId: userId, action, subjectType: 'user', subjectId: userId });
}

/** Changes a password and ends every other session of the person. */
export async function changePassword(
  db: Db,
  user: User,
  current: string,
  next: string,
  keepSessionToken: string | undefined,
): Promise<void> {
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, current))) {
    throw new ValidationError({ current_password: t.accounts.currentPasswordWrong });
  }
  validateNewPassword(next, user.email);
  await assertStrongPassword(db, next, user, 'new_password');
  const hash = await hashPassword(next);
  await db.transaction().execute(async (tx) => {
    const at = now();
    await updateUser(tx, user.id, { passwordHash: hash, passwordChangedAt: at, updatedAt: at });
    await afterPasswordSet(tx, user.id, 'password.changed', keepSessionToken);
  });
}

export interface NewAccount {
  email: string;
  name: string;
  password?: string | undefined;
  installationRole?: InstallationRole | null;
  memberships: { agencyId: string; role: AgencyRole }[];
}

/**
 * Creates a person (or adds roles to one who exists, when no password is given) in one transaction.
 * Without a password the person is invited: the returned token goes into the emailed link.
 */
export async function createAccount(
  db: Db,
  actorId: string | null,
  input: NewAccount,
): Promise<{ user: User; invitationToken: string | null; created: boolean }> {
  const email = normalizeEmail(input.email);
  const passwordHash = input.password
    ? (validateNewPassword(input.password, email, 'password'), await hashPassword(input.password))
    : null;
  return db.transaction().execute(async (tx) => {
    const at = now();
    let user = await findUserByEmail(tx, email);
    const created = !user;
    if (user && input.password)
      throw new ConflictError(t.accounts.emailTaken, { email: t.accounts.emailTaken });
    if (!user) {
      await insertUser(tx, {
        id: randomUUID(),
        email,
        name: input.name.trim(),
        passwordHash,
        installationRole: input.installationRole ?? null,
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: null,
        passwordChangedAt: passwordHash ? at : null,
        disabledAt: null,
        createdAt: at,
        updatedAt: at,
      });
      user = (await findUserByEmail(tx, email))!;
    } else if (
      input.installationRole &&
      user.installationRole &&
      user.installationRole !== input.installationRole
    ) {
      const message = t.accounts.holdsOtherRole(t.roles[user.installationRole]);
      throw new ConflictError(message, { email: message });
    } else if (input.installationRole && !user.installationRole) {
      await updateUser(tx, user.id, { installationRole: input.installationRole, updatedAt: at });
    }
    if (input.installationRole && (created || !user.installationRole)) {
      await recordAudit(tx, {
        actorId,
        action: 'installation_role.granted',
        subjectType: 'user',
        subjectId: user.id,
        details: { before: { role: null }, after: { role: input.installationRole } },
      });
    }
    for (const m of input.memberships) {
      await addMembership(tx, { userId: user.id, agencyId: m.agencyId, role: m.role, createdAt: at });
      await recordAudit(tx, {
        actorId,
        agencyId: m.agencyId,
        action: 'membership.granted',
        subjectType: 'user',
        subjectId: user.id,
        details: { role: m.role },
      });
    }
    let invitationToken: string | null = null;
    if (!user.passwordHash) invitationToken = await issueUserToken(tx, user.id, 'invitation', actorId);
    return { user, invitationToken, created };
  });
}

async function issueUserToken(
  db: DbOrTx,
  userId: string,
  purpose: 'invitation' | 'password_reset',
  createdBy: string | null,
): Promise<string> {
  const { token, hash } = newToken();
  const at = now();
  const minutes = purpose === 'invitation' ? INVITATION_DAYS * 24 * 60 : RESET_MINUTES;
  await db
    .insertInto('userTokens')
    .values({
      id: hash,
      userId,
      purpose,
      createdBy,
      createdAt: at,
      expiresAt: addMinutes(at, minutes),
      usedAt: null,
    })
    .execute();
  return token;
}

/** A reset token for a known, enabled account; undefined otherwise (the page says the same either way). */
export async function requestPasswordReset(
  db: Db,
  email: string,
): Promise<{ user: User; token: string } | undefined> {
  const user = await findUserByEmail(db, email);
  if (!user || user.disabledAt) return undefined;
  return { user, token: await issueUserToken(db, user.id, 'password_reset', null) };
}

/** The person behind a live invitation or reset link. */
export async function findUserByLinkToken(db: DbOrTx, token: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('userTokens')
    .select('userId')
    .where('id', '=', hashToken(token))
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now())
    .executeTakeFirst();
  return row ? findUserById(db, row.userId) : undefined;
}

/** Sets the password from an invitation or reset link; the link works once; other sessions end. */
export async function setPasswordWithLink(
  db: Db,
  token: string,
  password: string,
): Promise<User | undefined> {
  const user = await findUserByLinkToken(db, token);
  if (!user) return undefined;
  validateNewPassword(password, user.email, 'password');
  await assertStrongPassword(db, password, user, 'password');
  const hash = await hashPassword(password);
  return db.transaction().execute(async (tx) => {
    const at = now();
    const used = await tx
      .updateTable('userTokens')
      .set({ usedAt: at })
      .where('id', '=', hashToken(token))
      .where('usedAt', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return undefined;
    await updateUser(tx, user.id, {
      passwordHash: hash,
      passwordChangedAt: at,
      failedLogins: 0,
      lockedUntil: null,
      updatedAt: at,
    });
    await afterPasswordSet(tx, user.id, 'password.set_by_link');
    return user;
  });
}
