import type { DbOrTx } from '../db/database.js';
import { parseComponents, type ServiceComponents } from './standards.components.js';
import type { ServicePledgeRow, ServiceRow, ServiceTable } from './standards.table.js';

/** A service with its components read from JSON. */
export type Service = Omit<ServiceRow, 'components'> & { components: ServiceComponents };
export type ServicePledge = ServicePledgeRow;

export const toService = (row: ServiceRow): Service => ({
  ...row,
  components: parseComponents(row.components),
});

const toRow = (service: Service): ServiceTable => ({
  ...service,
  components: JSON.stringify(service.components),
});

/** An agency's services, drafts included, by name. */
export async function listServices(db: DbOrTx, agencyId: string): Promise<Service[]> {
  const rows = await db
    .selectFrom('services')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .orderBy('name')
    .orderBy('slug')
    .execute();
  return rows.map(toService);
}

export async function findServiceBySlug(
  db: DbOrTx,
  agencyId: string,
  slug: string,
): Promise<Service | undefined> {
  const row = await db
    .selectFrom('services')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row && toService(row);
}

export async function findServiceById(
  db: DbOrTx,
  agencyId: string,
  id: string,
): Promise<Service | undefined> {
  const row = await db
    .selectFrom('services')
    .selectAll()
    .where('agencyId', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toService(row);
}

/** Which agency a service belongs to: the API names services by id alone, then scopes by that agency. */
export async function findServiceAgencyId(db: DbOrTx, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('services').select('agencyId').where('id', '=', id).executeTakeFirst();
  return row?.agencyId;
}

export async function insertService(db: DbOrTx, service: Service): Promise<void> {
  await db.insertInto('services').values(toRow(service)).execute();
}

/** Everything an edit may change; the SK file is attachDecreeFile's, so a stale form cannot drop it. */
export async function updateService(db: DbOrTx, agencyId: string, service: Service): Promise<void> {
  const row = toRow(service);
  await db
    .updateTable('services')
    .set({
      slug: row.slug,
      name: row.name,
      summary: row.summary,
      status: row.status,
      components: row.components,
      flowMediaId: row.flowMediaId,
      decreeNumber: row.decreeNumber,
      decreeDate: row.decreeDate,
      effectiveDate: row.effectiveDate,
      reviewedOn: row.reviewedOn,
      publishedAt: row.publishedAt,
      updatedAt: row.updatedAt,
    })
    .where('agencyId', '=', agencyId)
    .where('id', '=', row.id)
    .execute();
}

export async function slugTaken(
  db: DbOrTx,
  agencyId: string,
  slug: string,
  exceptId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('services')
    .select('id')
    .where('agencyId', '=', agencyId)
    .where('slug', '=', slug);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export interface PublishedServiceFilter {
  /** words to look for in the name and summary */
  q?: string | undefined;
  agencyId?: string | undefined;
}

/** Published services of every agency (or one), with the agency's slug and name, for /layanan. */
export async function listPublishedServices(db: DbOrTx, filter: PublishedServiceFilter = {}) {
  let query = db
    .selectFrom('services')
    .innerJoin('agencies', 'agencies.id', 'services.agencyId')
    .selectAll('services')
    .select(['agencies.slug as agencySlug', 'agencies.name as agencyName'])
    .where('services.status', '=', 'published');
  if (filter.agencyId) query = query.where('services.agencyId', '=', filter.agencyId);
  for (const word of (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['services.name']), 'like', like),
        eb(eb.fn('lower', ['services.summary']), 'like', like),
        eb(eb.fn('lower', ['agencies.name']), 'like', like),
      ]),
    );
  }
  const rows = await query.orderBy('services.name').orderBy('agencies.slug').limit(500).execute();
  return rows.map((row) => {
    const { agencySlug, agencyName, ...service } = row;
    return { ...toService(service), agencySlug, agencyName };
  });
}

/** Where each published service lives and when it last changed, for the sitemap; one agency's or all. */
export async function listPublishedServiceAddresses(
  db: DbOrTx,
  agencyId?: string,
): Promise<{ agencySlug: string; slug: string; updatedAt: string }[]> {
  let query = db
    .selectFrom('services')
    .innerJoin('agencies', 'agencies.id', 'services.agencyId')
    .select(['agencies.slug as agencySlug', 'services.slug', 'services.updatedAt'])
    .where('services.status', '=', 'published');
  if (agencyId) query = query.where('services.agencyId', '=', agencyId);
  return query.orderBy('agencies.slug').orderBy('services.slug').execute();
}

/** Every agency's services at once, for the summaries monitoring and the self-assessment read. */
export async function listAllServices(db: DbOrTx): Promise<Service[]> {
  const rows = await db.selectFrom('services').selectAll().execute();
  return rows.map(toService);
}

export function findPledge(db: DbOrTx, agencyId: string): Promise<ServicePledge | undefined> {
  return db.selectFrom('servicePledges').selectAll().where('agencyId', '=', agencyId).executeTakeFirst();
}

export async function listPublishedPledgeAgencyIds(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectFrom('servicePledges')
    .select('agencyId')
    .where('publishedAt', 'is not', null)
    .execute();
  return rows.map((r) => r.agencyId);
}

export async function savePledgeRow(db: DbOrTx, pledge: ServicePledge): Promise<void> {
  const { body, signedBy, signerPosition, signedOn, publishedAt, updatedAt } = pledge;
  await db
    .insertInto('servicePledges')
    .values(pledge)
    .onConflict((oc) =>
      oc.column('agencyId').doUpdateSet({ body, signedBy, signerPosition, signedOn, publishedAt, updatedAt }),
    )
    .execute();
}

/** The agency's photos, newest first, as choices for a service's flow chart. */
export async function listMediaOptions(
  db: DbOrTx,
  agencyId: string,
): Promise<{ value: string; label: string }[]> {
  const rows = await db
    .selectFrom('media')
    .select(['id', 'alt', 'originalName'])
    .where('agencyId', '=', agencyId)
    .orderBy('createdAt', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({ value: r.id, label: r.alt || r.originalName }));
}

/** The agencies that publish at least one service, by name, for the catalogue's filter. */
export function listAgenciesWithServices(db: DbOrTx): Promise<{ slug: string; name: string }[]> {
  return db
    .selectFrom('agencies')
    .select(['agencies.slug', 'agencies.name'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('services')
          .select('services.id')
          .whereRef('services.agencyId', '=', 'agencies.id')
          .where('services.status', '=', 'published'),
      ),
    )
    .orderBy('agencies.name')
    .execute();
}
