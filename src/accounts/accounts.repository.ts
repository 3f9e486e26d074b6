import type { DbOrTx } from '../db/database.js';
import { everyColumn, prepared, type ValueOf } from '../db/prepared.js';
import type { AgencyRole, Membership, MembershipTable, NewUser, User } from './accounts.table.js';

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export function findUserByEmail(db: DbOrTx, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
}

export function findUserById(db: DbOrTx, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: DbOrTx, user: NewUser): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(db: DbOrTx, id: string, changes: Partial<Omit<User, 'id'>>): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

// Prepared (src/db/prepared.ts): every signed-in request asks, to know who is acting.
const membershipColumns = everyColumn<MembershipTable>()(['userId', 'agencyId', 'role', 'createdAt']);
const membershipsOfUser = prepared((db, value: ValueOf<{ userId: string }>) =>
  db.selectFrom('memberships').select(membershipColumns).where('userId', '=', value('userId')),
);

export function membershipsOf(db: DbOrTx, userId: string): Promise<Membership[]> {
  return membershipsOfUser(db, { userId });
}

export async function addMembership(
  db: DbOrTx,
  membership: { userId: string; agencyId: string; role: AgencyRole; createdAt: string },
): Promise<void> {
  await db
    .insertInto('memberships')
    .values(membership)
    .onConflict((oc) => oc.columns(['userId', 'agencyId', 'role']).doNothing())
    .execute();
}

/** Members of one agency, with their roles. Scoped by agency like every agency-owned query. */
export async function listAgencyMembers(db: DbOrTx, agencyId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .where('memberships.agencyId', '=', agencyId)
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.lastLoginAt',
      'users.totpEnabledAt',
      'users.passwordHash',
      'memberships.role',
      'memberships.createdAt',
    ])
    .orderBy('users.name')
    .execute();
}

export async function removeMembership(db: DbOrTx, agencyId: string, userId: string, role: AgencyRole) {
  const result = await db
    .deleteFrom('memberships')
    .where('agencyId', '=', agencyId)
    .where('userId', '=', userId)
    .where('role', '=', role)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function listUsers(db: DbOrTx) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'installationRole', 'lastLoginAt', 'totpEnabledAt', 'disabledAt'])
    .orderBy('name')
    .execute();
}
