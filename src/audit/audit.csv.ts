import { csvPieces, localTimestamp } from '../http/csv.js';
import { actorText, detailLines } from './audit.details.js';
import type { AuditRow } from './audit.queries.js';
import { a, actionLabel, csvHeader, subjectLabels } from './messages.js';

/** One event's cells; the summary lines joined by "; ". */
function cells(r: AuditRow, timeZone: string) {
  return [
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
  ];
}

/** The log as a spreadsheet (cells and quoting in src/http/csv.ts), in pieces as the batches are read. */
export function auditCsv(batches: AsyncIterable<readonly AuditRow[]>, timeZone: string) {
  return csvPieces(csvHeader, batches, (r) => cells(r, timeZone));
}
