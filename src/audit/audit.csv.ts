import { localTimestamp, toCsv } from '../http/csv.js';
import { actorText, detailLines } from './audit.details.js';
import type { AuditRow } from './audit.queries.js';
import { a, actionLabel, csvHeader, subjectLabels } from './messages.js';

/** The log as a spreadsheet (cells and quoting in src/http/csv.ts); the summary lines joined by "; ". */
export function auditCsv(rows: readonly AuditRow[], timeZone: string): string {
  return toCsv(
    csvHeader,
    rows.map((r) => [
      localTimestamp(r.createdAt, timeZone),
      actorText(r),
      r.actorEmail ?? '',
      r.agencyName ?? a.noAgency,
      actionLabel(r.action),
      r.action,
      subjectLabels[r.subjectType] ?? r.subjectType,
      r.subjectId,
      r.ip,
      r.userAgent,
      r.requestId,
      detailLines(r.details).join('; '),
    ]),
  );
}
