import { labels as complaintLabels } from '../complaints/messages.js';
import { t } from '../i18n/index.js';
import { statusLabels as postStatusLabels } from '../news/views/admin-list.js';
import { a, detailLabels, fieldLabels } from './messages.js';

/*
 * An event's `details` (a small JSON object services write) as lines a person reads:
 * "Status: Draf → Terbit", "Diubah: judul, ringkasan", "Judul: Posyandu Melati". Used by the page
 * and the CSV alike. Whatever a service wrote is shown, cut short: nothing here is trusted markup
 * (the view escapes it), and a long value never floods the table.
 */

const MAX_VALUE = 120;
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const VALUE_LABELS: Record<string, Record<string, string>> = {
  status: { ...complaintLabels.status, ...postStatusLabels },
  role: t.roles,
};

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return a.empty_value;
  if (typeof value === 'string') return cut(VALUE_LABELS[key]?.[value] ?? value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return cut(JSON.stringify(value));
}

const cut = (text: string) => (text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text);
const keyText = (key: string) => detailLabels[key] ?? key;

/** "Status: Draf → Terbit" for each key of a before/after pair. */
function beforeAfter(before: Json, after: Json): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.map(
    (key) => `${keyText(key)}: ${valueText(key, before[key])} ${a.arrow} ${valueText(key, after[key])}`,
  );
}

export function detailLines(json: string): string[] {
  let details: unknown;
  try {
    details = JSON.parse(json);
  } catch {
    return [];
  }
  if (!isObject(details)) return [];
  const { before, after, from, to, changed, ...rest } = details;
  const lines: string[] = [];
  if (isObject(before) || isObject(after))
    lines.push(...beforeAfter(isObject(before) ? before : {}, isObject(after) ? after : {}));
  // Workflow steps (posts, complaints) write their status move as from/to.
  if (typeof from === 'string' && typeof to === 'string')
    lines.push(`${keyText('status')}: ${valueText('status', from)} ${a.arrow} ${valueText('status', to)}`);
  else if (from !== undefined) rest.from = from;
  if (Array.isArray(changed))
    lines.push(`${a.changed}: ${changed.map((f) => fieldLabels[String(f)] ?? String(f)).join(', ') || '—'}`);
  for (const [key, value] of Object.entries(rest)) lines.push(`${keyText(key)}: ${valueText(key, value)}`);
  return lines;
}

/**
 * Who, in words. A null actor is the system (a timed job) or a person whose account was removed
 * since (the foreign key sets it null); a request leaves its address, a job none.
 */
export function actorText(row: { actorId: string | null; actorName: string | null; ip: string }): string {
  if (row.actorId) return row.actorName ?? a.deletedAccount;
  return row.ip ? a.deletedAccount : a.system;
}
