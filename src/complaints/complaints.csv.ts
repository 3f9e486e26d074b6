import { csvPieces, localTimestamp } from '../http/csv.js';
import { isOverdue } from './complaints.deadlines.js';
import type { QueueRow } from './complaints.queries.js';
import type { ComplaintChannel, ComplaintClass, DeadlineKind } from './complaints.table.js';
import { labels } from './messages.js';

/*
 * The queue as a spreadsheet (the cells and quoting in src/http/csv.ts).
 *
 * The export deliberately leaves out every piece of the reporter's personal data (name, email,
 * phone, NIK), for the coordinator too: a file leaves the system's access control and its audit log
 * (UU 27/2022), so whoever needs to know who sent a complaint opens it in the app, where the view
 * is checked and recorded.
 */

const HEADER = [
  'Nomor tiket',
  'Judul',
  'Jenis',
  'Saluran',
  'Kategori',
  'OPD',
  'Status',
  'Anonim',
  'Rahasia',
  'Jenis batas waktu',
  'Batas waktu',
  'Lewat batas',
  'Diterima',
  'Dikembalikan OPD',
  'Dibuka kembali',
] as const;

/** One queue row's cells; `at` decides the overdue column. */
function cells(r: QueueRow, timeZone: string, at: string) {
  const yesNo = (flag: boolean) => (flag ? 'Ya' : 'Tidak');
  return [
    r.trackingCode,
    r.title,
    labels.class[r.class as ComplaintClass] ?? r.class,
    labels.channel[r.channel as ComplaintChannel] ?? r.channel,
    r.categoryName ?? '',
    r.agencyName ?? '',
    labels.status[r.status],
    yesNo(r.anonymous === 1),
    yesNo(r.confidential === 1),
    r.deadlineKind ? labels.deadline[r.deadlineKind as DeadlineKind] : '',
    localTimestamp(r.deadlineAt, timeZone),
    yesNo(isOverdue(r.deadlineAt, at)),
    localTimestamp(r.receivedAt, timeZone),
    r.handoffs,
    r.reopened,
  ];
}

/**
 * The queue as CSV text in pieces, one per page of rows read: a year of a large city's complaints
 * (100,000 rows, ~19 MB) held whole took the server from ~155 to ~370 MB resident.
 */
export function queueCsv(pages: AsyncIterable<readonly QueueRow[]>, timeZone: string, at: string) {
  return csvPieces(HEADER, pages, (r) => cells(r, timeZone, at));
}
