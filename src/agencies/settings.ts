import type { InstallationRole, AgencyRole } from '../accounts/accounts.table.js';
import type { Installation } from './agencies.table.js';
import type { MonitoringRules } from '../monitoring/rules.js';

/** Installation-wide settings kept as JSON on the installation row. */
export interface InstallationSettings {
  /** roles whose holders must use two-factor sign-in */
  twoFactorRequiredFor: (InstallationRole | AgencyRole)[];
  /** true for the demo city: the admin home says two-factor is optional there */
  demo: boolean;
  /** office hours, local 'HH:MM': a complaint received outside them counts from the next working day */
  officeOpens?: string;
  officeCloses?: string;
  /** complaint deadlines in working days, and the hard cap in calendar days (PRODUCT.md) */
  complaintVerifyDays?: number;
  complaintFollowUpDays?: number;
  complaintAutoCloseDays?: number;
  complaintMaxDays?: number;
  /** months after closing that a reporter's personal data is kept (UU 27/2022) */
  complaintRetentionMonths?: number;
  /** the letters before a tracking code: PTK-7Q4M2X */
  complaintCodePrefix?: string;
  /** the monitoring dashboard's rules (src/monitoring/rules.ts fills in the defaults) */
  monitoring?: Partial<MonitoringRules>;
}

export const defaultSettings: InstallationSettings = {
  twoFactorRequiredFor: ['super_admin', 'coordinator'],
  demo: false,
  officeOpens: '07:30',
  officeCloses: '16:00',
  complaintVerifyDays: 3,
  complaintFollowUpDays: 5,
  complaintAutoCloseDays: 10,
  complaintMaxDays: 60,
  complaintRetentionMonths: 24,
  complaintCodePrefix: 'ADU',
};

/** The complaint numbers with every default filled in. */
export function complaintSettingsOf(installation: Installation) {
  const s = settingsOf(installation);
  return {
    verifyDays: s.complaintVerifyDays ?? 3,
    followUpDays: s.complaintFollowUpDays ?? 5,
    autoCloseDays: s.complaintAutoCloseDays ?? 10,
    maxDays: s.complaintMaxDays ?? 60,
    retentionMonths: s.complaintRetentionMonths ?? 24,
    codePrefix: s.complaintCodePrefix ?? 'ADU',
  };
}
export type ComplaintSettings = ReturnType<typeof complaintSettingsOf>;

export function settingsOf(installation: Installation): InstallationSettings {
  try {
    return { ...defaultSettings, ...(JSON.parse(installation.settings) as Partial<InstallationSettings>) };
  } catch {
    return defaultSettings;
  }
}
