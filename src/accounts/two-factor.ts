import { randomBytes, randomUUID } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import type { DbOrTx } from '../db/database.js';
import { now } from '../time/clock.js';
import { updateUser } from './accounts.repository.js';
import type { User } from './accounts.table.js';
import { hashToken } from './tokens.js';

const PERIOD = 30;
const RECOVERY_CODE_COUNT = 10;
// Crockford-style alphabet without look-alikes (0/O, 1/I/L) for codes people copy by hand
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function totpFor(secret: string, issuer: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/** Starts enrolment: a new secret, kept but not in force until a code from it is confirmed. */
export async function startTotpEnrollment(
  db: DbOrTx,
  user: User,
  issuer: string,
): Promise<{ secret: string; uri: string }> {
  const secret =
    user.totpEnabledAt || !user.totpSecret ? new OTPAuth.Secret({ size: 20 }).base32 : user.totpSecret;
  if (secret !== user.totpSecret) await updateUser(db, user.id, { totpSecret: secret, updatedAt: now() });
  return { secret, uri: totpFor(secret, issuer, user.email).toString() };
}

/** True when `code` is a current TOTP code not used before; records its time step so it cannot be replayed. */
export async function acceptTotpCode(db: DbOrTx, user: User, code: string): Promise<boolean> {
  if (!user.totpSecret || !/^\d{6}$/.test(code)) return false;
  const delta = totpFor(user.totpSecret, 'Balairung', user.email).validate({ token: code, window: 1 });
  if (delta === null) return false;
  const step = Math.floor(Date.now() / 1000 / PERIOD) + delta;
  if (user.totpLastStep !== null && step <= user.totpLastStep) return false;
  // The guard on the old value makes two concurrent uses of one code accept only one.
  const result = await db
    .updateTable('users')
    .set({ totpLastStep: step })
    .where('id', '=', user.id)
    .where((eb) =>
      user.totpLastStep === null
        ? eb('totpLastStep', 'is', null)
        : eb('totpLastStep', '=', user.totpLastStep),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function recoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

const normalizeRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/\s+/g, '');

/** Confirms enrolment with a first code; returns the recovery codes, shown once. */
export async function confirmTotpEnrollment(db: DbOrTx, user: User, code: string): Promise<string[] | null> {
  if (user.totpEnabledAt || !(await acceptTotpCode(db, user, code))) return null;
  const at = now();
  await updateUser(db, user.id, { totpEnabledAt: at, updatedAt: at });
  return replaceRecoveryCodes(db, user.id);
}

export async function replaceRecoveryCodes(db: DbOrTx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
  await db.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
  await db
    .insertInto('recoveryCodes')
    .values(
      codes.map((c) => ({
        id: randomUUID(),
        userId,
        codeHash: hashToken(normalizeRecoveryCode(c)),
        usedAt: null,
      })),
    )
    .execute();
  return codes;
}

/** A recovery code works once. */
export async function useRecoveryCode(db: DbOrTx, userId: string, code: string): Promise<boolean> {
  const result = await db
    .updateTable('recoveryCodes')
    .set({ usedAt: now() })
    .where('userId', '=', userId)
    .where('codeHash', '=', hashToken(normalizeRecoveryCode(code)))
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function disableTotp(db: DbOrTx, userId: string): Promise<void> {
  await updateUser(db, userId, {
    totpSecret: null,
    totpEnabledAt: null,
    totpLastStep: null,
    updatedAt: now(),
  });
  await db.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
}

export async function remainingRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recoveryCodes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .where('usedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
