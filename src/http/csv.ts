import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';

/*
 * Spreadsheets the admin area hands out (complaint queue, monitoring, self-assessment, audit log).
 * RFC 4180: every cell quoted (a title may hold commas, quotes and line breaks), CRLF between rows,
 * and a UTF-8 byte order mark so Excel reads "Kecamatan Pontianak Tenggara – Jl. Ya’ M. Sabran" as
 * written instead of as Windows-1252.
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

type Row = readonly (string | number | null)[];

export function toCsv(header: readonly string[], rows: readonly Row[]) {
  return BOM + csvLines([header, ...rows]);
}

/**
 * A CSV file in pieces: the BOM and header, then each batch of rows as it is read, so a large
 * export never sits in memory whole (send it with sendCsv(reply, name, Readable.from(…))).
 */
export async function* csvPieces<T>(
  header: readonly string[],
  batches: AsyncIterable<readonly T[]>,
  cells: (row: T) => Row,
): AsyncGenerator<string> {
  yield toCsv(header, []);
  for await (const rows of batches) yield csvLines(rows.map(cells));
}

/** Rows as CSV lines, each ended by CRLF: a piece of a file sent in pieces (after toCsv(header, [])). */
export function csvLines(rows: readonly Row[]): string {
  return rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
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

/**
 * Sends `csv` as a download named `fileName` (e.g. "aduan-2026-11-28.csv"), never cached; a stream of
 * pieces is sent as they come, so a large export never sits in memory whole.
 */
export function sendCsv(reply: FastifyReply, fileName: string, csv: string | Readable) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(csv);
}
