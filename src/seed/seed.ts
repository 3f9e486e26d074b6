import { randomBytes, randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../db/database.js';
import type { Config } from '../config.js';
import { hashPassword } from '../accounts/passwords.js';
import type { NewUser } from '../accounts/accounts.table.js';
import { findInstallation } from '../agencies/agencies.repository.js';
import { defaultSettings, type InstallationSettings } from '../agencies/settings.js';
import { now } from '../time/clock.js';
import { seedHolidays } from '../time/holidays.seed.js';
import * as pontianak from '../agencies/seed/pontianak.js';
import { seedDemoActivity } from '../monitoring/demo.seed.js';
import { seedDemoStandards } from '../standards/standards.seed.js';

export interface SeedResult {
  seeded: boolean;
  /** the generated demo password, to print once; undefined when it came from the environment */
  generatedPassword?: string;
}

/**
 * On an empty database: the demo city (BALAIRUNG_SEED=demo) or a bare installation to be filled in
 * by its first super admin (BALAIRUNG_SEED=none). Does nothing when the installation exists.
 */
export async function ensureInstallation(db: Db, config: Config): Promise<SeedResult> {
  if (await findInstallation(db)) return { seeded: false };
  if (config.seed === 'none') {
    await db.transaction().execute(async (tx) => {
      await insertInstallation(
        tx,
        {
          name: 'Pemerintah Daerah',
          shortName: 'Pemda',
          kind: 'kota',
          mainHost: new URL(config.baseUrl).hostname,
          address: '',
          phone: '',
          email: '',
          timeZone: 'Asia/Jakarta',
        },
        defaultSettings,
      );
      await seedHolidays(tx);
      await insertComplaintCategories(tx, [
        { code: 'lainnya', name: 'Lainnya', description: '', agencyId: null },
      ]);
    });
    return { seeded: true };
  }
  const generated = config.demoPassword ? undefined : randomBytes(9).toString('base64url');
  // The test suites count the demo's content: the recent posts and sign-ins are left to the suites that need them.
  await seedDemo(db, config.demoPassword ?? generated!, { activity: config.env !== 'test' });
  return { seeded: true, ...(generated ? { generatedPassword: generated } : {}) };
}

type InstallationFields = Omit<typeof pontianak.installation, 'hostSuffix'>;

async function insertInstallation(db: DbOrTx, fields: InstallationFields, settings: InstallationSettings) {
  const at = now();
  await db
    .insertInto('installation')
    .values({
      id: 'default',
      ...fields,
      logoPath: null,
      settings: JSON.stringify(settings),
      createdAt: at,
      updatedAt: at,
    })
    .execute();
}

async function insertComplaintCategories(
  db: DbOrTx,
  categories: { code: string; name: string; description: string; agencyId: string | null }[],
) {
  const at = now();
  for (const [position, c] of categories.entries()) {
    await db
      .insertInto('complaintCategories')
      .values({
        id: randomUUID(),
        code: c.code,
        name: c.name,
        description: c.description,
        defaultAgencyId: c.agencyId,
        position,
        createdAt: at,
      })
      .execute();
  }
}

/** The demo city: every OPD with two admins, except one with a single admin (a gap for monitoring to show). */
export async function seedDemo(
  db: Db,
  password: string,
  options: { activity?: boolean } = {},
): Promise<void> {
  const { hostSuffix, ...fields } = pontianak.installation;
  // One hash for every demo account: they share the password, and 80 argon2 hashes would slow the first start.
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    await insertInstallation(tx, fields, {
      ...defaultSettings,
      twoFactorRequiredFor: [],
      demo: true,
      complaintCodePrefix: pontianak.complaintCodePrefix,
    });
    await seedHolidays(tx);
    const at = now();
    const ids = new Map(pontianak.agencies.map((a) => [a.slug, randomUUID()]));
    for (const a of pontianak.agencies) {
      const id = ids.get(a.slug)!;
      await tx
        .insertInto('agencies')
        .values({
          id,
          slug: a.slug,
          name: a.name,
          shortName: a.shortName,
          kind: a.kind,
          parentId: null,
          description: a.description,
          address: a.address,
          phone: a.phone,
          email: a.email,
          serviceHours: a.serviceHours,
          socialLinks: JSON.stringify(a.socialLinks),
          logoPath: null,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
      await tx
        .insertInto('agencyHosts')
        .values({ host: `${a.slug}.${hostSuffix}`, agencyId: id })
        .execute();
    }
    for (const a of pontianak.agencies.filter((x) => x.parentSlug)) {
      await tx
        .updateTable('agencies')
        .set({ parentId: ids.get(a.parentSlug!)! })
        .where('id', '=', ids.get(a.slug)!)
        .execute();
    }
    await insertComplaintCategories(
      tx,
      pontianak.complaintCategories.map(({ agencySlug, ...c }) => ({
        ...c,
        agencyId: agencySlug ? (ids.get(agencySlug) ?? null) : null,
      })),
    );
    for (const k of pontianak.kecamatan) {
      const kecamatanId = randomUUID();
      await tx
        .insertInto('regions')
        .values({
          id: kecamatanId,
          slug: k.slug,
          name: k.name,
          kind: 'kecamatan',
          parentId: null,
          agencyId: ids.get(k.slug) ?? null,
        })
        .execute();
      for (const name of k.kelurahan) {
        const slug = `kel-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
        await tx
          .insertInto('regions')
          .values({ id: randomUUID(), slug, name, kind: 'kelurahan', parentId: kecamatanId, agencyId: null })
          .execute();
      }
    }
    const user = (email: string, name: string, role: NewUser['installationRole'] = null): NewUser => ({
      id: randomUUID(),
      email,
      name,
      passwordHash,
      installationRole: role,
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: null,
      passwordChangedAt: at,
      disabledAt: null,
      createdAt: at,
      updatedAt: at,
    });
    await tx
      .insertInto('users')
      .values(user(`admin@${hostSuffix}`, 'Super Admin Diskominfo', 'super_admin'))
      .execute();
    await tx
      .insertInto('users')
      .values(user(`aduan@${hostSuffix}`, 'Koordinator Aduan', 'coordinator'))
      .execute();
    for (const a of pontianak.agencies) {
      const count = a.slug === pontianak.agencyWithOneAdmin ? 1 : 2;
      for (let n = 1; n <= count; n++) {
        const u = user(`admin${n}@${a.slug}.${hostSuffix}`, `Admin ${n} ${a.shortName}`);
        await tx.insertInto('users').values(u).execute();
        await tx
          .insertInto('memberships')
          .values({ userId: u.id, agencyId: ids.get(a.slug)!, role: 'admin', createdAt: at })
          .execute();
      }
    }
    if (options.activity ?? true)
      await seedDemoActivity(tx, { at, timeZone: fields.timeZone, staleSlug: pontianak.agencyWithOneAdmin });
    await seedDemoStandards(tx, ids, at);
  });
}
