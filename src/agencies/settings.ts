import type { InstallationRole, AgencyRole } from '../accounts/accounts.table.js';
import type { Installation } from './agencies.table.js';

/** Installation-wide settings kept as JSON on the installation row. */
export interface InstallationSettings {
  /** roles whose holders must use two-factor sign-in */
  twoFactorRequiredFor: (InstallationRole | AgencyRole)[];
  /** true for the demo city: the admin home says two-factor is optional there */
  demo: boolean;
}

export const defaultSettings: InstallationSettings = {
  twoFactorRequiredFor: ['super_admin', 'coordinator'],
  demo: false,
};

export function settingsOf(installation: Installation): InstallationSettings {
  try {
    return { ...defaultSettings, ...(JSON.parse(installation.settings) as Partial<InstallationSettings>) };
  } catch {
    return defaultSettings;
  }
}
