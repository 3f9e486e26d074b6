import type { Db } from '../db/database.js';
import type { Actor } from '../accounts/accounts.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { ConflictError } from '../errors.js';
import { now } from '../time/clock.js';
import { getInstallation, hostTaken } from './agencies.repository.js';
import { POLICY_ROLES, type InstallationInput } from './installation.schemas.js';
import { settingsOf } from './settings.js';

/** The super admin names the installation, its main host, contact, and which roles need two-factor. */
export async function updateInstallation(db: Db, actor: Actor, input: InstallationInput): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const installation = await getInstallation(tx);
    const mainHost = input.main_host.trim().toLowerCase();
    if (await hostTaken(tx, mainHost)) {
      throw new ConflictError('Host ini sudah dipakai situs perangkat daerah.', {
        main_host: 'Host ini sudah dipakai situs perangkat daerah.',
      });
    }
    const settings = {
      ...settingsOf(installation),
      twoFactorRequiredFor: POLICY_ROLES.filter((r) => input[`tfa_${r}`] === 'ya'),
    };
    await tx
      .updateTable('installation')
      .set({
        name: input.name.trim(),
        shortName: input.short_name.trim(),
        mainHost,
        address: (input.address ?? '').trim(),
        phone: (input.phone ?? '').trim(),
        email: (input.email ?? '').trim().toLowerCase(),
        settings: JSON.stringify(settings),
        updatedAt: now(),
      })
      .where('id', '=', installation.id)
      .execute();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'installation.updated',
      subjectType: 'installation',
      subjectId: installation.id,
      details: { twoFactorRequiredFor: settings.twoFactorRequiredFor },
    });
  });
}
