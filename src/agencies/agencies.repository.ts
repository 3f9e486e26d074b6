import type { DbOrTx } from '../db/database.js';
import { NotFoundError } from '../errors.js';
import { SLUG_PATTERN } from '../http/schema.js';
import type { Agency, AgencyUpdate, Installation, NewAgency, Region } from './agencies.table.js';

export async function getInstallation(db: DbOrTx): Promise<Installation> {
  const row = await db.selectFrom('installation').selectAll().executeTakeFirst();
  if (!row) throw new Error('Installation row missing: start-up should have created it');
  return row;
}

export function findInstallation(db: DbOrTx): Promise<Installation | undefined> {
  return db.selectFrom('installation').selectAll().executeTakeFirst();
}

export function findAgencyByHost(db: DbOrTx, host: string): Promise<Agency | undefined> {
  return db
    .selectFrom('agencyHosts')
    .innerJoin('agencies', 'agencies.id', 'agencyHosts.agencyId')
    .selectAll('agencies')
    .where('agencyHosts.host', '=', host)
    .executeTakeFirst();
}

const SLUG = new RegExp(SLUG_PATTERN);

export function findAgencyBySlug(db: DbOrTx, slug: string): Promise<Agency | undefined> {
  // Whatever cannot be a slug names no agency; PostgreSQL would also refuse some such text (NUL).
  if (slug.length > 60 || !SLUG.test(slug)) return Promise.resolve(undefined);
  return db.selectFrom('agencies').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function getAgencyBySlug(db: DbOrTx, slug: string): Promise<Agency> {
  const agency = await findAgencyBySlug(db, slug);
  if (!agency) throw new NotFoundError();
  return agency;
}

export function findAgencyById(db: DbOrTx, id: string): Promise<Agency | undefined> {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listAgencies(db: DbOrTx, filter: { ids?: string[]; query?: string } = {}): Promise<Agency[]> {
  let q = db.selectFrom('agencies').selectAll().orderBy('name');
  if (filter.ids) {
    if (filter.ids.length === 0) return Promise.resolve([]);
    q = q.where('id', 'in', filter.ids);
  }
  if (filter.query) {
    const like = `%${filter.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['name']), 'like', eb.val(like)),
        eb(eb.fn('lower', ['shortName']), 'like', eb.val(like)),
      ]),
    );
  }
  return q.execute();
}

export async function insertAgency(db: DbOrTx, agency: NewAgency, hosts: string[]): Promise<void> {
  await db.insertInto('agencies').values(agency).execute();
  if (hosts.length)
    await db
      .insertInto('agencyHosts')
      .values(hosts.map((host) => ({ host, agencyId: agency.id })))
      .execute();
}

export async function updateAgency(db: DbOrTx, id: string, changes: AgencyUpdate): Promise<void> {
  await db.updateTable('agencies').set(changes).where('id', '=', id).execute();
}

export async function hostsOf(db: DbOrTx, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('agencyHosts')
    .select('host')
    .where('agencyId', '=', agencyId)
    .orderBy('host')
    .execute();
  return rows.map((r) => r.host);
}

export async function replaceHosts(db: DbOrTx, agencyId: string, hosts: string[]): Promise<void> {
  await db.deleteFrom('agencyHosts').where('agencyId', '=', agencyId).execute();
  if (hosts.length)
    await db
      .insertInto('agencyHosts')
      .values(hosts.map((host) => ({ host, agencyId })))
      .execute();
}

export function hostTaken(db: DbOrTx, host: string, exceptAgencyId?: string) {
  let q = db.selectFrom('agencyHosts').select('agencyId').where('host', '=', host);
  if (exceptAgencyId) q = q.where('agencyId', '!=', exceptAgencyId);
  return q.executeTakeFirst();
}

export function listRegions(db: DbOrTx): Promise<Region[]> {
  return db.selectFrom('regions').selectAll().orderBy('name').execute();
}
