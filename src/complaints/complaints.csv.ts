import { isOverdue } from './complaints.deadlines.js';
import type { QueueRow } from './complaints.queries.js';
import type { ComplaintChannel, ComplaintClass, DeadlineKind } from './complaints.table.js';
import { labels } from './messages.js';

/*
 * The queue as a spreadsheet. RFC 4180: every cell quoted (a title may hold commas, quotes and line
 * breaks), CRLF between rows, and a UTF-8 byte order mark so Excel reads "Kecamatan Pontianak
 * Tenggara – Jl. Ya’ M. Sabran" as written instead of as Windows-1252.
 *
 * The export deliberately leaves out every piece of the reporter's personal data (name, email,
 * phone, NIK), for the coordinator too: a file leaves the system's access control and its audit log
 * (UU 27/2022), so whoever needs to know who sent a complaint opens it in the app, where the view
 * is checked and recorded.
 */

export const BOM = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return in front of
 * one) gets a leading apostrophe, so "=HYPERLINK(…)" typed into a complaint stays text (OWASP's
 * advice on CSV injection).
 */
export function neutralize(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return `"${neutralize(text).replace(/"/g, '""')}"`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]) {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const localFormatters = new Map<string, Intl.DateTimeFormat>();

/** "2026-12-04 16:00": sortable in a spreadsheet, in the installation's zone. */
export function localTimestamp(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  let f = localFormatters.get(timeZone);
  if (!f) {
    // Swedish writes dates as ISO 8601 does; only the digits are used.
    f = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    localFormatters.set(timeZone, f);
  }
  return f.format(new Date(iso));
}

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

/** The queue rows as CSV text; `at` decides the overdue column. */
export function queueCsv(rows: readonly QueueRow[], timeZone: string, at: string): string {
  const yesNo = (flag: boolean) => (flag ? 'Ya' : 'Tidak');
  return toCsv(
    HEADER,
    rows.map((r) => [
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
    ]),
  );
}
