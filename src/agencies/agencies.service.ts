import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import { ConflictError, ValidationError } from '../errors.js';
import { refuseSpam } from '../guard/guard.fields.js';
import { changedFields, recordAudit } from '../audit/audit.repository.js';
import { now } from '../time/clock.js';
import type { Actor } from '../accounts/accounts.policy.js';
import {
  findAgencyBySlug,
  getInstallation,
  hostTaken,
  insertAgency,
  updateAgency,
} from './agencies.repository.js';
import type { AgencyCreateInput, AgencyProfileInput } from './agencies.schemas.js';
import type { Agency } from './agencies.table.js';

function profileColumns(input: Partial<AgencyProfileInput>) {
  const social = Object.fromEntries(
    (['instagram', 'facebook', 'youtube', 'x'] as const)
      .map((k) => [k, (input[k] ?? '').trim()])
      .filter(([, v]) => v !== ''),
  );
  return {
    description: (input.description ?? '').trim(),
    address: (input.address ?? '').trim(),
    phone: (input.phone ?? '').trim(),
    email: (input.email ?? '').trim().toLowerCase(),
    serviceHours: (input.service_hours ?? '').trim(),
    socialLinks: JSON.stringify(social),
  };
}

/** Creates an agency with its host names; by default `{slug}.{main host}`. */
export async function createAgency(db: Db, actor: Actor, input: AgencyCreateInput): Promise<Agency> {
  return db.transaction().execute(async (tx) => {
    if (await findAgencyBySlug(tx, input.slug)) {
      throw new ConflictError('Slug sudah dipakai perangkat daerah lain.', {
        slug: 'Slug sudah dipakai perangkat daerah lain.',
      });
    }
    let parentId: string | null = null;
    if (input.parent) {
      const parent = await findAgencyBySlug(tx, input.parent);
      if (!parent) throw new ValidationError({ parent: 'Induk tidak ditemukan. Pilih dari daftar.' });
      parentId = parent.id;
    }
    const installation = await getInstallation(tx);
    const hosts = [
      ...new Set(input.hosts?.length ? input.hosts : [`${input.slug}.${installation.mainHost}`]),
    ];
    for (const host of hosts) {
      if (host === installation.mainHost || (await hostTaken(tx, host))) {
        throw new ConflictError(`Nama host ${host} sudah dipakai.`, {
          hosts: `Nama host ${host} sudah dipakai.`,
        });
      }
    }
    const at = now();
    const agency: Agency = {
      id: randomUUID(),
      slug: input.slug,
      name: input.name.trim(),
      shortName: input.short_name.trim(),
      kind: input.kind,
      parentId,
      logoPath: null,
      createdAt: at,
      updatedAt: at,
      ...profileColumns(input),
    };
    await insertAgency(tx, agency, hosts);
    await recordAudit(tx, {
      actorId: actor.userId,
      agencyId: agency.id,
      action: 'agency.created',
      subjectType: 'agency',
      subjectId: agency.id,
      details: { name: agency.name },
    });
    return agency;
  });
}

export async function updateAgencyProfile(
  db: Db,
  actor: Actor,
  agency: Agency,
  input: AgencyProfileInput,
): Promise<void> {
  // Everything a visitor reads as text; the phone number and e-mail address have their own formats.
  refuseSpam({
    name: input.name,
    short_name: input.short_name,
    description: input.description,
    address: input.address,
    service_hours: input.service_hours,
    instagram: input.instagram,
    facebook: input.facebook,
    youtube: input.youtube,
    x: input.x,
  });
  await db.transaction().execute(async (tx) => {
    const changes = {
      name: input.name.trim(),
      shortName: input.short_name.trim(),
      ...profileColumns(input),
      updatedAt: now(),
    };
    await updateAgency(tx, agency.id, changes);
    await recordAudit(tx, {
      actorId: actor.userId,
      agencyId: agency.id,
      action: 'agency.profile_updated',
      subjectType: 'agency',
      subjectId: agency.id,
      details: { changed: changedFields(agency, changes) },
    });
  });
}

export interface SocialLinks {
  instagram?: string;
  facebook?: string;
  youtube?: string;
  x?: string;
}

export function socialLinksOf(agency: Agency): SocialLinks {
  try {
    return JSON.parse(agency.socialLinks) as SocialLinks;
  } catch {
    return {};
  }
}
