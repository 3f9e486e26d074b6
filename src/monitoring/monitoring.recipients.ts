import type { DbOrTx } from '../db/database.js';

/** Email addresses of an OPD's admins whose accounts are not disabled. */
export async function adminEmailsOf(db: DbOrTx, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select('users.email')
    .where('memberships.agencyId', '=', agencyId)
    .where('memberships.role', '=', 'admin')
    .where('users.disabledAt', 'is', null)
    .orderBy('users.email')
    .execute();
  return rows.map((r) => r.email);
}

/** Email addresses of the super admins whose accounts are not disabled. */
export async function superAdminEmails(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('email')
    .where('installationRole', '=', 'super_admin')
    .where('disabledAt', 'is', null)
    .orderBy('email')
    .execute();
  return rows.map((r) => r.email);
}
