import { calendarChanged } from '../time/calendar.repository.js';
import type { Db } from '../db/database.js';
import type { Actor } from '../accounts/accounts.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { ConflictError, ValidationError } from '../errors.js';
import { now } from '../time/clock.js';
import { parseTime } from '../time/working-days.js';
import { getInstallation, hostTaken } from './agencies.repository.js';
import {
  COMPLAINT_NUMBERS,
  POLICY_ROLES,
  type ComplaintNumberField,
  type InstallationInput,
} from './installation.schemas.js';
import { settingsOf, type InstallationSettings } from './settings.js';

/** Where each complaint number of the form is kept in the settings. */
const SETTING_OF: Record<ComplaintNumberField, keyof InstallationSettings> = {
  complaint_verify_days: 'complaintVerifyDays',
  complaint_follow_up_days: 'complaintFollowUpDays',
  complaint_auto_close_days: 'complaintAutoCloseDays',
  complaint_max_days: 'complaintMaxDays',
  complaint_retention_months: 'complaintRetentionMonths',
};

/**
 * The complaint numbers and office hours sent, checked against their bounds; the ones not sent
 * stay as they are. New numbers count for deadlines set from now on: a deadline already running
 * keeps the date the citizen was told.
 */
export function complaintSettingsFrom(
  input: InstallationInput,
  current: InstallationSettings,
): Partial<InstallationSettings> {
  const errors: Record<string, string> = {};
  const changes: Record<string, number | string> = {};
  for (const [field, bounds] of Object.entries(COMPLAINT_NUMBERS) as [
    ComplaintNumberField,
    (typeof COMPLAINT_NUMBERS)[ComplaintNumberField],
  ][]) {
    const typed = input[field];
    if (typed === undefined) continue;
    const n = Number(typed.trim());
    if (!Number.isInteger(n) || n < bounds.min || n > bounds.max) {
      errors[field] =
        `${bounds.label} harus berupa bilangan bulat antara ${bounds.min} dan ${bounds.max} ${bounds.unit}.`;
    } else changes[SETTING_OF[field]] = n;
  }
  if (input.complaint_code_prefix !== undefined) {
    const prefix = input.complaint_code_prefix.trim().toUpperCase();
    if (/^[A-Z]{2,5}$/.test(prefix)) changes.complaintCodePrefix = prefix;
    else errors.complaint_code_prefix = 'Awalan nomor tiket harus 2 sampai 5 huruf, misalnya PTK.';
  }
  const opens = input.office_opens ?? current.officeOpens ?? '07:30';
  const closes = input.office_closes ?? current.officeCloses ?? '16:00';
  if ((parseTime(opens) ?? 0) >= (parseTime(closes) ?? 0)) {
    errors.office_closes = 'Jam tutup layanan harus setelah jam buka.';
  } else {
    changes.officeOpens = opens;
    changes.officeCloses = closes;
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return changes as Partial<InstallationSettings>;
}

/**
 * The super admin names the installation, its main host, contact, which roles need two-factor,
 * the office hours and the complaint centre's numbers.
 */
export async function updateInstallation(db: Db, actor: Actor, input: InstallationInput): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const installation = await getInstallation(tx);
    const current = settingsOf(installation);
    const complaintSettings = complaintSettingsFrom(input, current);
    const mainHost = input.main_host.trim().toLowerCase();
    if (await hostTaken(tx, mainHost)) {
      throw new ConflictError('Host ini sudah dipakai situs perangkat daerah.', {
        main_host: 'Host ini sudah dipakai situs perangkat daerah.',
      });
    }
    const settings: InstallationSettings = {
      ...current,
      ...complaintSettings,
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
    calendarChanged();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'installation.updated',
      subjectType: 'installation',
      subjectId: installation.id,
      details: { twoFactorRequiredFor: settings.twoFactorRequiredFor, ...complaintSettings },
    });
  });
}
