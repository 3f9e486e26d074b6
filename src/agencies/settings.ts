import type { InstallationRole, AgencyRole } from '../accounts/accounts.table.js';
import type { Installation } from './agencies.table.js';

/** Installation-wide settings kept as JSON on the installation row. */
export interface InstallationSettings {
  /** roles whose holders must use two-factor sign-in */
  twoFactorRequiredFor: (InstallationRole | AgencyRole)[];
  /** true for the demo city: the admin home says two-factor is optional there */
  demo: boolean;
  /** office hours, local 'HH:MM': a complaint received outside them counts from the next working day */
  officeOpens?: string;
  officeCloses?: string;
}

export const defaultSettings: InstallationSettings = {
  twoFactorRequiredFor: ['super_admin', 'coordinator'],
  demo: false,
  officeOpens: '07:30',
  officeCloses: '16:00',
};

export function settingsOf(installation: Installation): InstallationSettings {
  try {
    return { ...defaultSettings, ...(JSON.parse(installation.settings) as Partial<InstallationSettings>) };
  } catch {
    return defaultSettings;
  }
}
