import type { Installation } from '../agencies/agencies.table.js';
import { settingsOf } from '../agencies/settings.js';

/**
 * The rules an OPD's health is scored by, tuned by the super admin at /admin/monitoring/aturan and
 * kept in the installation settings (`monitoring`). Defaults follow Diskominfo's rules: a post at
 * least every 7 days, at least 2 admins who signed in within 90 days, every service standard
 * complete, at least 90% of complaints answered within the deadline.
 */
export interface MonitoringRules {
  /** days without a published post after which the site counts as stale */
  maxDaysWithoutPost: number;
  minActiveAdmins: number;
  /** an admin is active when they signed in within this many days */
  activeWithinDays: number;
  /** share of services whose standard is complete, 0–100 */
  minStandardsPercent: number;
  /** share of due complaints answered within the deadline, 0–100 */
  minOnTimePercent: number;
  weightPosts: number;
  weightAdmins: number;
  weightStandards: number;
  weightComplaints: number;
  /** score from which an OPD is hijau */
  greenFrom: number;
  /** score from which an OPD is kuning; below it, merah */
  yellowFrom: number;
}

export const DEFAULT_RULES: MonitoringRules = {
  maxDaysWithoutPost: 7,
  minActiveAdmins: 2,
  activeWithinDays: 90,
  minStandardsPercent: 100,
  minOnTimePercent: 90,
  weightPosts: 30,
  weightAdmins: 25,
  weightStandards: 20,
  weightComplaints: 25,
  // An OPD that meets every rule but has catalogued no service standard scores 80: kuning, not hijau.
  greenFrom: 85,
  yellowFrom: 60,
};

export type RuleKey = keyof MonitoringRules;

/** What the form asks, with the bounds the service checks (a typo must not turn every OPD green). */
export const RULE_FIELDS: Record<RuleKey, { label: string; min: number; max: number; unit: string }> = {
  maxDaysWithoutPost: { label: 'Berita paling lama', min: 1, max: 90, unit: 'hari sekali' },
  minActiveAdmins: { label: 'Admin aktif paling sedikit', min: 1, max: 10, unit: 'orang' },
  activeWithinDays: { label: 'Admin dihitung aktif bila masuk dalam', min: 7, max: 365, unit: 'hari' },
  minStandardsPercent: { label: 'Standar pelayanan lengkap paling sedikit', min: 0, max: 100, unit: '%' },
  minOnTimePercent: { label: 'Aduan dijawab tepat waktu paling sedikit', min: 0, max: 100, unit: '%' },
  weightPosts: { label: 'Bobot kesegaran berita', min: 0, max: 100, unit: '' },
  weightAdmins: { label: 'Bobot admin aktif', min: 0, max: 100, unit: '' },
  weightStandards: { label: 'Bobot standar pelayanan', min: 0, max: 100, unit: '' },
  weightComplaints: { label: 'Bobot penanganan aduan', min: 0, max: 100, unit: '' },
  greenFrom: { label: 'Zona hijau mulai skor', min: 1, max: 100, unit: '' },
  yellowFrom: { label: 'Zona kuning mulai skor', min: 0, max: 99, unit: '' },
};

export const RULE_KEYS = Object.keys(RULE_FIELDS) as RuleKey[];

/** The installation's rules with every default filled in; a stored value out of bounds falls back. */
export function rulesOf(installation: Installation): MonitoringRules {
  const stored = (settingsOf(installation).monitoring ?? {}) as Partial<Record<RuleKey, unknown>>;
  const rules = { ...DEFAULT_RULES };
  for (const key of RULE_KEYS) {
    const value = stored[key];
    const { min, max } = RULE_FIELDS[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)
      rules[key] = value;
  }
  return rules;
}

/** The form's text, checked: the rules, or field messages keyed by the form's names. */
export function parseRules(
  input: Partial<Record<RuleKey, string>>,
): { rules: MonitoringRules } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const rules = { ...DEFAULT_RULES };
  for (const key of RULE_KEYS) {
    const { label, min, max } = RULE_FIELDS[key];
    const text = (input[key] ?? '').trim();
    const n = Number(text);
    if (!text) errors[key] = `${label} wajib diisi.`;
    else if (!/^[0-9]{1,4}$/.test(text) || n < min || n > max)
      errors[key] = `${label} harus berupa bilangan bulat antara ${min} dan ${max}.`;
    else rules[key] = n;
  }
  if (!errors.greenFrom && !errors.yellowFrom && rules.yellowFrom >= rules.greenFrom)
    errors.yellowFrom = 'Zona kuning harus mulai pada skor di bawah zona hijau.';
  const weights = rules.weightPosts + rules.weightAdmins + rules.weightStandards + rules.weightComplaints;
  if (!Object.keys(errors).some((k) => k.startsWith('weight')) && weights === 0)
    errors.weightPosts = 'Paling sedikit satu bobot harus lebih dari 0.';
  return Object.keys(errors).length ? { errors } : { rules };
}
