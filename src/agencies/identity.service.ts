import type { Db, DbOrTx } from '../db/database.js';
import type { Actor } from '../accounts/accounts.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { ValidationError } from '../errors.js';
import { now } from '../time/clock.js';
import {
  findAgencyById,
  findAgencyBySlug,
  getInstallation,
  hostTaken,
  replaceHosts,
  updateAgency,
} from './agencies.repository.js';
import { HOST_PATTERN, type AgencyIdentityInput } from './agencies.schemas.js';
import type { Agency } from './agencies.table.js';

/** The host names typed one per line (or separated by commas/spaces), checked and de-duplicated. */
async function checkedHosts(tx: DbOrTx, agency: Agency, text: string): Promise<string[]> {
  const hosts = [
    ...new Set(
      text
        .toLowerCase()
        .split(/[\s,]+/)
        .filter(Boolean),
    ),
  ];
  const installation = await getInstallation(tx);
  for (const host of hosts) {
    if (!HOST_PATTERN.test(host))
      throw new ValidationError({ hosts: `Nama host "${host}" tidak sah, contoh: dinkes.pontianak.go.id.` });
    if (host === installation.mainHost || (await hostTaken(tx, host, agency.id))) {
      throw new ValidationError({ hosts: `Nama host ${host} sudah dipakai.` });
    }
  }
  return hosts;
}

/** A parent that exists and is not the agency itself nor one of its descendants (no cycles). */
async function checkedParent(tx: DbOrTx, agency: Agency, slug: string): Promise<string | null> {
  if (!slug.trim()) return null;
  const parent = await findAgencyBySlug(tx, slug.trim());
  if (!parent) throw new ValidationError({ parent: 'Induk tidak ditemukan. Pilih dari daftar.' });
  for (
    let at: Agency | undefined = parent;
    at;
    at = at.parentId ? await findAgencyById(tx, at.parentId) : undefined
  ) {
    if (at.id === agency.id)
      throw new ValidationError({ parent: 'Induk tidak boleh unit ini sendiri atau unit di bawahnya.' });
  }
  return parent.id;
}

/** The super admin re-files an agency: its kind, its parent and the host names its site answers on. */
export async function updateAgencyIdentity(
  db: Db,
  actor: Actor,
  agency: Agency,
  input: AgencyIdentityInput,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const hosts = await checkedHosts(tx, agency, input.hosts);
    const parentId = await checkedParent(tx, agency, input.parent);
    await updateAgency(tx, agency.id, { kind: input.kind, parentId, updatedAt: now() });
    await replaceHosts(tx, agency.id, hosts);
    await recordAudit(tx, {
      actorId: actor.userId,
      agencyId: agency.id,
      action: 'agency.identity_updated',
      subjectType: 'agency',
      subjectId: agency.id,
      details: { kind: input.kind, parent: input.parent, hosts },
    });
  });
}
