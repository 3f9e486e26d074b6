import type { DbOrTx } from '../db/database.js';
import { checkCompleteness } from '../standards/standards.completeness.js';
import { listServices } from '../standards/standards.repository.js';
import { COMPONENT_LABELS } from '../standards/messages.js';
import { formatDate } from '../time/format.js';
import { labels } from './messages.js';
import type { HealthRow } from './monitoring.service.js';
import type { AlertKind } from './monitoring.table.js';
import type { MonitoringRules } from './rules.js';
import { percent } from './views/format.js';

/** The words of the weekly digest and the alerts (Bahasa Indonesia), kept apart from the jobs' SQL. */

export interface DigestExtras {
  dueSoon: number;
  overdue: number;
  /** services whose standard is not complete, with the components still empty */
  services: { name: string; missing: string[] }[];
}

/** Services listed by name in one digest; the rest are counted. */
const LISTED = 15;

export async function missingStandards(
  db: DbOrTx,
  agencyId: string,
  at: string,
): Promise<DigestExtras['services']> {
  const services = await listServices(db, agencyId);
  return services
    .map((s) => ({ name: s.name, check: checkCompleteness(s, at) }))
    .filter((s) => !s.check.complete)
    .map((s) => ({
      name: s.name,
      missing: [
        ...s.check.missing.map((k) => COMPONENT_LABELS[k]),
        ...(s.check.hasDecree ? [] : ['SK penetapan']),
        ...(s.check.reviewedWithinYear ? [] : ['evaluasi dalam 12 bulan terakhir']),
        ...(s.check.publicPublished || s.check.missing.length ? [] : ['belum diterbitkan']),
      ],
    }));
}

function standardsLines(row: HealthRow, services: DigestExtras['services']): string[] {
  if (!row.servicesTotal) return ['Belum ada layanan dengan standar pelayanan.'];
  const listed = services.slice(0, LISTED).map((s) => `- ${s.name}: kurang ${s.missing.join(', ')}`);
  const more = services.length - listed.length;
  return [
    `Standar lengkap: ${row.servicesComplete} dari ${row.servicesTotal} layanan.`,
    ...listed,
    ...(more > 0 ? [`… dan ${more} layanan lainnya.`] : []),
  ];
}

export function digestText(row: HealthRow, extras: DigestExtras, timeZone: string, baseUrl: string): string {
  const lastPost = row.lastPostAt
    ? `${formatDate(row.lastPostAt, timeZone)} (${labels.daysAgo(row.daysSincePost ?? 0)})`
    : labels.never;
  return [
    `Keadaan ${row.name} minggu ini: skor ${row.score} dari 100, zona ${labels.zone[row.zone].toLowerCase()}.`,
    '',
    'Situs',
    `Berita terakhir: ${lastPost}`,
    `Berita 7 hari terakhir: ${row.posts7d}; 30 hari terakhir: ${row.posts30d}`,
    `Admin aktif: ${row.activeAdmins} dari ${row.admins} admin`,
    '',
    'Aduan',
    `Segera jatuh tempo (dalam 1 hari kerja): ${extras.dueSoon}`,
    `Lewat batas waktu: ${extras.overdue}`,
    `Dijawab tepat waktu tahun ini: ${percent(row.inTimePercent)}`,
    '',
    'Standar pelayanan',
    ...standardsLines(row, extras.services),
    `Maklumat pelayanan: ${row.pledgePublished ? 'sudah terbit' : 'belum terbit'}`,
    '',
    row.problems.length ? 'Yang perlu dibenahi:' : labels.noProblems,
    ...row.problems.map((p) => `- ${p}`),
    '',
    'Buka pemantauan:',
    `${baseUrl}/admin/monitoring/${row.slug}`,
  ].join('\n');
}

export function alertMail(kind: AlertKind, row: HealthRow, rules: MonitoringRules, baseUrl: string) {
  const what =
    kind === 'admins'
      ? `${row.name} kini hanya punya ${row.activeAdmins} admin aktif (paling sedikit ${rules.minActiveAdmins}).`
      : row.daysSincePost === null
        ? `${row.name} belum pernah menerbitkan berita.`
        : `${row.name} tidak menerbitkan berita selama ${row.daysSincePost} hari (paling lama ${rules.maxDaysWithoutPost} hari).`;
  return {
    subject:
      kind === 'admins'
        ? `Peringatan: admin aktif ${row.name} kurang`
        : `Peringatan: situs ${row.name} tidak diperbarui`,
    text: [
      what,
      '',
      `Skor ${row.score} dari 100, zona ${labels.zone[row.zone].toLowerCase()}.`,
      'Peringatan ini dikirim sekali; berikutnya bila keadaan membaik lalu memburuk lagi.',
      '',
      `${baseUrl}/admin/monitoring/${row.slug}`,
    ].join('\n'),
  };
}
