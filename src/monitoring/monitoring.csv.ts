import { localTimestamp, toCsv } from '../http/csv.js';
import { t } from '../i18n/index.js';
import { columns, labels } from './messages.js';
import type { HealthRow } from './monitoring.service.js';
import { num } from './views/format.js';

const HEADER = [
  columns.agency,
  columns.kind,
  columns.score,
  columns.zone,
  columns.lastPost,
  columns.daysSince,
  columns.posts7d,
  columns.posts30d,
  columns.photos,
  columns.activeAdmins,
  columns.twoFactor,
  columns.standards,
  columns.servicesTotal,
  columns.pledge,
  columns.received,
  columns.onTime,
  columns.overdue,
  columns.median,
  columns.reopened,
  columns.returned,
  columns.satisfaction,
  columns.problems,
];

/** The dashboard's rows as a spreadsheet (cells and quoting in src/http/csv.ts). */
export function monitoringCsv(rows: readonly HealthRow[], timeZone: string): string {
  return toCsv(
    HEADER,
    rows.map((r) => [
      r.name,
      t.agencyKinds[r.kind],
      r.score,
      labels.zone[r.zone],
      localTimestamp(r.lastPostAt, timeZone),
      r.daysSincePost,
      r.posts7d,
      r.posts30d,
      r.photoPercent30d,
      r.activeAdmins,
      r.activeAdminsTwoFactor,
      r.servicesComplete,
      r.servicesTotal,
      labels.yesNo(r.pledgePublished),
      r.complaintsReceived,
      num(r.inTimePercent),
      r.overdue,
      num(r.medianDays),
      r.reopened,
      r.returned,
      num(r.satisfaction),
      r.problems.join(' '),
    ]),
  );
}
