import type { DbOrTx } from '../db/database.js';
import { everyColumn, prepared, type ValueOf } from '../db/prepared.js';
import { addMinutes, now } from '../time/clock.js';
import type { Actor } from './accounts.policy.js';
import { findUserById, membershipsOf } from './accounts.repository.js';
import type { Session, User, UserTable } from './accounts.table.js';
import { hashToken, newToken } from './tokens.js';

export const SESSION_COOKIE = 'balairung_sesi';
export const SESSION_MINUTES = 12 * 60;
/** Time allowed between the password and the two-factor code. */
export const SECOND_FACTOR_MINUTES = 10;
export const API_TOKEN_MINUTES = 24 * 60;

export async function actorFor(db: DbOrTx, user: User): Promise<Actor> {
  const memberships = await membershipsOf(db, user.id);
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    installationRole: user.installationRole,
    memberships: memberships.map((m) => ({ agencyId: m.agencyId, role: m.role })),
    twoFactorEnabled: user.totpEnabledAt !== null,
  };
}

export async function createSession(
  db: DbOrTx,
  userId: string,
  stage: Session['stage'],
  meta: { ip: string; userAgent: string },
): Promise<string> {
  const { token, hash } = newToken();
  const at = now();
  // Each sign-in sweeps the person's expired sessions, so the table does not grow without end.
  await db.deleteFrom('sessions').where('userId', '=', userId).where('expiresAt', '<=', at).execute();
  await db
    .insertInto('sessions')
    .values({
      id: hash,
      userId,
      stage,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: addMinutes(at, stage === 'active' ? SESSION_MINUTES : SECOND_FACTOR_MINUTES),
      ip: meta.ip,
      userAgent: meta.userAgent.slice(0, 300),
    })
    .execute();
  return token;
}

// One query for both, prepared (src/db/prepared.ts): every signed-in request asks. The session's
// columns are renamed beside the user's, whose are named one by one (prepared.ts: not `users.*`).
const userColumns = everyColumn<UserTable>()([
  'id',
  'email',
  'name',
  'passwordHash',
  'installationRole',
  'totpSecret',
  'totpEnabledAt',
  'totpLastStep',
  'failedLogins',
  'lockedUntil',
  'lastLoginAt',
  'passwordChangedAt',
  'disabledAt',
  'createdAt',
  'updatedAt',
]);
const sessionWithUser = prepared((db, value: ValueOf<{ id: string; at: string }>) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users', 'users.id', 's.userId')
    .select(userColumns.map((column) => `users.${column}` as const))
    .select([
      's.id as sessionId',
      's.stage as sessionStage',
      's.createdAt as sessionCreatedAt',
      's.lastSeenAt as sessionLastSeenAt',
      's.expiresAt as sessionExpiresAt',
      's.ip as sessionIp',
      's.userAgent as sessionUserAgent',
    ])
    .where('s.id', '=', value('id'))
    .where('s.expiresAt', '>', value('at')),
);

/** The live session behind a cookie value and its user, or undefined when expired, unknown or disabled. */
export async function findSession(
  db: DbOrTx,
  token: string,
): Promise<{ session: Session; user: User } | undefined> {
  const [row] = await sessionWithUser(db, { id: hashToken(token), at: now() });
  if (!row || row.disabledAt) return undefined;
  const {
    sessionId,
    sessionStage,
    sessionCreatedAt,
    sessionLastSeenAt,
    sessionExpiresAt,
    sessionIp,
    sessionUserAgent,
    ...user
  } = row;
  const session: Session = {
    id: sessionId,
    userId: user.id,
    stage: sessionStage,
    createdAt: sessionCreatedAt,
    lastSeenAt: sessionLastSeenAt,
    expiresAt: sessionExpiresAt,
    ip: sessionIp,
    userAgent: sessionUserAgent,
  };
  return { session, user };
}

export async function destroySession(db: DbOrTx, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

/** Ends every session of a user (password change, reset), except the one given. */
export async function destroyUserSessions(db: DbOrTx, userId: string, exceptToken?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptToken) query = query.where('id', '!=', hashToken(exceptToken));
  await query.execute();
}

export async function createApiToken(
  db: DbOrTx,
  userId: string,
): Promise<{ token: string; expiresAt: string }> {
  const { token, hash } = newToken();
  const at = now();
  const expiresAt = addMinutes(at, API_TOKEN_MINUTES);
  await db.deleteFrom('apiTokens').where('userId', '=', userId).where('expiresAt', '<=', at).execute();
  await db
    .insertInto('apiTokens')
    .values({ id: hash, userId, createdAt: at, expiresAt, lastUsedAt: null })
    .execute();
  return { token, expiresAt };
}

export async function findApiTokenUser(db: DbOrTx, token: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('apiTokens')
    .select('userId')
    .where('id', '=', hashToken(token))
    .where('expiresAt', '>', now())
    .executeTakeFirst();
  if (!row) return undefined;
  const user = await findUserById(db, row.userId);
  return user && !user.disabledAt ? user : undefined;
}
