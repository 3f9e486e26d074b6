import { randomUUID } from 'node:crypto';
import type { Actor } from '../accounts/accounts.policy.js';
import { findAgencyBySlug } from '../agencies/agencies.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db, DbOrTx } from '../db/database.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { now } from '../time/clock.js';
import type { CategoryCreateInput, CategoryUpdateInput } from './categories.schemas.js';
import { isCoordinator } from './complaints.policy.js';
import { findCategoryByCode } from './complaints.repository.js';
import type { ComplaintCategory } from './complaints.table.js';

/**
 * The category list every OPD site, the API and Open311 share. The coordinator (and the super
 * admin) keep it: it decides where complaints are suggested to go.
 */
export const canManageCategories = (actor: Actor): boolean => isCoordinator(actor);

export const categoryMessages = {
  codeTaken: 'Kode ini sudah dipakai kategori lain. Pilih kode lain.',
  agencyUnknown: 'Pilih OPD dari daftar.',
  inUse: (n: number) =>
    `Kategori ini tidak bisa dihapus karena dipakai ${n} aduan. Ubah namanya, atau pindahkan aduannya ke kategori lain lebih dulu.`,
};

async function agencyIdOf(db: DbOrTx, slug: string | undefined): Promise<string | null> {
  if (!slug?.trim()) return null;
  const agency = await findAgencyBySlug(db, slug.trim());
  if (!agency) throw new ValidationError({ default_agency: categoryMessages.agencyUnknown });
  return agency.id;
}

export async function getCategoryByCode(db: DbOrTx, code: string): Promise<ComplaintCategory> {
  const category = await findCategoryByCode(db, code);
  if (!category) throw new NotFoundError();
  return category;
}

/** How many complaints carry the category: one in use stays, so no complaint loses its category. */
export async function complaintsInCategory(db: DbOrTx, categoryId: string): Promise<number> {
  const row = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('categoryId', '=', categoryId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function addCategory(
  db: Db,
  actor: Actor,
  input: CategoryCreateInput,
): Promise<ComplaintCategory> {
  return db.transaction().execute(async (tx) => {
    if (await findCategoryByCode(tx, input.code))
      throw new ValidationError({ code: categoryMessages.codeTaken });
    const category: ComplaintCategory = {
      id: randomUUID(),
      code: input.code,
      name: input.name.trim(),
      description: input.description?.trim() ?? '',
      defaultAgencyId: await agencyIdOf(tx, input.default_agency),
      position: input.position,
      createdAt: now(),
    };
    await tx.insertInto('complaintCategories').values(category).execute();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'complaint_category.added',
      subjectType: 'complaint_category',
      subjectId: category.id,
      details: { code: category.code, name: category.name },
    });
    return category;
  });
}

export async function updateCategory(
  db: Db,
  actor: Actor,
  code: string,
  input: CategoryUpdateInput,
): Promise<ComplaintCategory> {
  return db.transaction().execute(async (tx) => {
    const before = await getCategoryByCode(tx, code);
    const changes = {
      name: input.name.trim(),
      description: input.description?.trim() ?? '',
      defaultAgencyId: await agencyIdOf(tx, input.default_agency),
      position: input.position,
    };
    await tx.updateTable('complaintCategories').set(changes).where('id', '=', before.id).execute();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'complaint_category.updated',
      subjectType: 'complaint_category',
      subjectId: before.id,
      details: {
        code,
        before: { name: before.name, defaultAgencyId: before.defaultAgencyId, position: before.position },
        after: changes,
      },
    });
    return { ...before, ...changes };
  });
}

export async function removeCategory(db: Db, actor: Actor, code: string): Promise<ComplaintCategory> {
  return db.transaction().execute(async (tx) => {
    const category = await getCategoryByCode(tx, code);
    const used = await complaintsInCategory(tx, category.id);
    if (used > 0) throw new ConflictError(categoryMessages.inUse(used));
    await tx.deleteFrom('complaintCategories').where('id', '=', category.id).execute();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'complaint_category.removed',
      subjectType: 'complaint_category',
      subjectId: category.id,
      details: { code, name: category.name },
    });
    return category;
  });
}

/** The next free place at the end of the list, for a category added without an order. */
export async function nextPosition(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('complaintCategories')
    .select((eb) => eb.fn.max('position').as('max'))
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Math.min(999, Number(row.max) + 1);
}

/** Complaints per category, for the list (a category in use cannot be removed). */
export async function categoryUsage(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('complaints')
    .select(['categoryId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('categoryId', 'is not', null)
    .groupBy('categoryId')
    .execute();
  return new Map(rows.map((r) => [r.categoryId!, Number(r.n)]));
}
