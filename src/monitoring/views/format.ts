import { formatPercent } from '../score.js';

/** Numbers as the pages and CSV show them: Indonesian decimal comma, a dash for "nothing yet". */
export const num = (value: number | null, unit = ''): string =>
  value === null ? '–' : `${String(value).replace('.', ',')}${unit}`;

export const percent = (value: number | null): string => (value === null ? '–' : formatPercent(value));

/** The query string of the list, for links that keep the filters (sorting, CSV). */
export function queryOf(params: Record<string, string>): string {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
  const text = q.toString();
  return text ? `?${text}` : '';
}
