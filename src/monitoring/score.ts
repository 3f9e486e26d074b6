import type { MonitoringRules } from './rules.js';

/*
 * An OPD's health: four criteria, each met in part (0–1), weighted by the rules into a score 0–100
 * and a zone; every unmet rule is a problem worded for the admin who has to fix it. Pure, so the
 * dashboard, the API, the admin home and the reminders all read the same verdict.
 *
 * - news: met when the last post is at most maxDaysWithoutPost days old; half met up to twice that;
 *   not met beyond (or with no post at all);
 * - admins: active admins / minimum, at most 1;
 * - standards: met when the share of complete standards reaches the minimum, otherwise the share
 *   reached; an OPD with no service catalogued has published no standard, so 0;
 * - complaints: met when the on-time share reaches the minimum (or nothing is due yet), otherwise
 *   the share reached.
 * Complaints overdue now and a missing maklumat are listed as problems but not weighted: the rules
 * Diskominfo set name four things, and the overdue ones already weigh on the on-time share.
 */

export const ZONES = ['hijau', 'kuning', 'merah'] as const;
export type Zone = (typeof ZONES)[number];

/** What the scoring reads of an OPD's metrics. */
export interface ScoreInput {
  daysSincePost: number | null;
  activeAdmins: number;
  servicesTotal: number;
  servicesComplete: number;
  pledgePublished: boolean;
  inTimePercent: number | null;
  overdue: number;
}

export interface Verdict {
  score: number;
  zone: Zone;
  problems: string[];
}

function newsPart(days: number | null, rules: MonitoringRules): number {
  if (days === null) return 0;
  if (days <= rules.maxDaysWithoutPost) return 1;
  return days <= rules.maxDaysWithoutPost * 2 ? 0.5 : 0;
}

const share = (value: number, min: number): number => (value >= min ? 1 : min > 0 ? value / min : 1);

function problemsOf(m: ScoreInput, rules: MonitoringRules): string[] {
  const problems: string[] = [];
  if (m.daysSincePost === null) problems.push('Belum pernah menerbitkan berita.');
  else if (m.daysSincePost > rules.maxDaysWithoutPost)
    problems.push(
      `Berita terakhir ${m.daysSincePost} hari yang lalu (paling lama ${rules.maxDaysWithoutPost} hari).`,
    );
  if (m.activeAdmins < rules.minActiveAdmins)
    problems.push(`Admin aktif hanya ${m.activeAdmins} orang (paling sedikit ${rules.minActiveAdmins}).`);
  if (m.servicesTotal === 0) problems.push('Belum ada layanan dengan standar pelayanan.');
  else if ((m.servicesComplete / m.servicesTotal) * 100 < rules.minStandardsPercent)
    problems.push(`Standar pelayanan lengkap baru ${m.servicesComplete} dari ${m.servicesTotal} layanan.`);
  if (!m.pledgePublished) problems.push('Maklumat pelayanan belum diterbitkan.');
  if (m.inTimePercent !== null && m.inTimePercent < rules.minOnTimePercent)
    problems.push(
      `Aduan dijawab tepat waktu ${formatPercent(m.inTimePercent)} (paling sedikit ${rules.minOnTimePercent}%).`,
    );
  if (m.overdue > 0) problems.push(`${m.overdue} aduan lewat batas waktu.`);
  return problems;
}

export const formatPercent = (value: number): string => `${String(value).replace('.', ',')}%`;

export function zoneOf(score: number, rules: MonitoringRules): Zone {
  if (score >= rules.greenFrom) return 'hijau';
  return score >= rules.yellowFrom ? 'kuning' : 'merah';
}

export function scoreAgency(m: ScoreInput, rules: MonitoringRules): Verdict {
  const standards =
    m.servicesTotal === 0
      ? 0
      : share((m.servicesComplete / m.servicesTotal) * 100, rules.minStandardsPercent);
  const parts: [number, number][] = [
    [rules.weightPosts, newsPart(m.daysSincePost, rules)],
    [rules.weightAdmins, share(m.activeAdmins, rules.minActiveAdmins)],
    [rules.weightStandards, standards],
    [rules.weightComplaints, m.inTimePercent === null ? 1 : share(m.inTimePercent, rules.minOnTimePercent)],
  ];
  const weights = parts.reduce((sum, [w]) => sum + w, 0);
  const score = weights ? Math.round((parts.reduce((sum, [w, p]) => sum + w * p, 0) * 100) / weights) : 0;
  return { score, zone: zoneOf(score, rules), problems: problemsOf(m, rules) };
}
