import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { SESSION_COOKIE } from '../accounts/sessions.js';
import { fieldId } from '../views/components.js';
import type { TestClient } from './client.js';

export interface Hostile {
  label: string;
  value: string;
}

/** What a careless person or a hostile script may type into any text field. */
export const HOSTILE_TEXT: readonly Hostile[] = [
  { label: 'empty', value: '' },
  { label: 'whitespace only', value: ' \t  ' },
  { label: '10,000 characters', value: 'a'.repeat(10_000) },
  { label: 'script tag', value: '<script>alert(1)</script>' },
  { label: 'attribute breakout', value: '"><img src=x onerror=alert(1)>' },
  { label: 'javascript URL', value: 'javascript:alert(1)' },
  { label: 'emoji', value: 'Dinas 🏥 Kesehatan' },
  { label: 'NUL', value: 'Dinas\u0000Kesehatan' },
  { label: 'BEL', value: 'Dinas\u0007Kesehatan' },
  { label: 'path traversal', value: '../../etc/passwd' },
  { label: 'SQL', value: "'; drop table users; --" },
];

export const EMOJI = 'Dinas 🏥 Kesehatan';

/** JSON values of the wrong type where a string is expected. */
export const WRONG_TYPES: readonly { label: string; value: unknown }[] = [
  { label: 'number', value: 42 },
  { label: 'array', value: ['Dinas'] },
  { label: 'object', value: { name: 'Dinas' } },
  { label: 'null', value: null },
  { label: 'boolean', value: true },
];

/** Larger than every body limit (1 MB for JSON, 256 KB for forms). */
export const TWO_MB = 'a'.repeat(2 * 1024 * 1024);

/** Bytes that are not UTF-8 at all. */
export const INVALID_UTF8 = Buffer.from([0xff, 0xfe]);

/** `levels` nested objects as JSON text (JSON.stringify itself would recurse that deep). */
export const deeplyNested = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

// An HTML start tag whose quoted attribute values may contain `>`.
const TAG = (name: string) => `<${name}\\b(?:[^>"]|"[^"]*")*>`;

/** What a form field shows, decoded: an input's value or a textarea's text; undefined when absent. */
export function fieldValue(html: string, name: string): string | undefined {
  for (const [tag] of html.matchAll(new RegExp(TAG('input'), 'g'))) {
    if (!tag.includes(` name="${name}"`)) continue;
    const value = /\svalue="([^"]*)"/.exec(tag);
    return decodeEntities(value?.[1] ?? '');
  }
  for (const match of html.matchAll(new RegExp(`(${TAG('textarea')})([\\s\\S]*?)</textarea>`, 'g'))) {
    if ((match[1] ?? '').includes(` name="${name}"`)) return decodeEntities(match[2] ?? '');
  }
  return undefined;
}

/** The message shown beside a form field (without its visually hidden prefix), or undefined. */
export function fieldError(html: string, name: string): string | undefined {
  const id = `${fieldId(name)}-error`;
  const match = new RegExp(`<p class="field__error" id="${id}">([\\s\\S]*?)</p>`).exec(html);
  return match
    ? decodeEntities((match[1] ?? '').replace(/<span class="visually-hidden">[^<]*<\/span>/, ''))
    : undefined;
}

/** Hostile markup only ever appears escaped. */
export function assertNoRawMarkup(html: string, what: string): void {
  assert.ok(!html.includes('<script>alert(1)</script>'), `${what}: raw <script> in the page`);
  assert.ok(!/<img src=x onerror/i.test(html), `${what}: raw <img onerror> in the page`);
}

/**
 * A refused form: 422, the "Ada masalah" summary, and every text field shown again exactly as typed
 * (the page escapes it; decoding gives back the typed text).
 */
export function assertRefusedForm(
  res: LightMyRequestResponse,
  sent: Record<string, string>,
  textFields: readonly string[],
  what: string,
): void {
  assert.equal(res.statusCode, 422, `${what}: status ${res.statusCode}`);
  assert.match(res.body, /Ada masalah/, `${what}: error summary`);
  assertNoRawMarkup(res.body, what);
  for (const field of textFields) {
    if (!(field in sent)) continue;
    const shown = fieldValue(res.body, field);
    const brief = JSON.stringify(shown)?.slice(0, 60);
    assert.equal(shown, sent[field], `${what}: ${field} shown again as typed (shows ${brief})`);
  }
}

const INDONESIAN =
  /\b(wajib|harus|tidak|bukan|terlalu|masalah|silakan|anda|permintaan|sudah|dipakai|paling|pilih|boleh|hanya|salah|berisi|berupa|ditemukan|dikenal|sesuai|karakter)\b/i;
const ENGLISH = /\b(must|should|expected|invalid|required|error|property|not found|unauthorized)\b/i;

/** A refused API call: a 4xx with `{error: {code, message, fields?}}`, every message in Indonesian. */
export function assertApiError(res: LightMyRequestResponse, what: string): void {
  assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${what}: status ${res.statusCode}`);
  const body = res.json() as { error?: { code?: unknown; message?: unknown; fields?: unknown } };
  assert.equal(typeof body.error?.code, 'string', `${what}: error.code`);
  assert.equal(typeof body.error?.message, 'string', `${what}: error.message`);
  const fields = (body.error?.fields ?? {}) as Record<string, unknown>;
  for (const message of [body.error?.message, ...Object.values(fields)]) {
    assert.equal(typeof message, 'string', `${what}: message is text`);
    assert.match(message as string, INDONESIAN, `${what}: "${String(message)}" is Indonesian`);
    assert.doesNotMatch(message as string, ENGLISH, `${what}: "${String(message)}" is not English`);
  }
}

/**
 * Posts raw bytes as a browser form would (same cookies and CSRF token as `client`), for payloads
 * URLSearchParams cannot express, such as invalid UTF-8. `formPage` is a page carrying the form.
 */
export async function postRawForm(
  client: TestClient,
  formPage: string,
  url: string,
  parts: (string | Buffer)[],
): Promise<LightMyRequestResponse> {
  const page = await client.get(formPage);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  assert.ok(csrf, `${formPage} carries a CSRF token`);
  const cookie = [SESSION_COOKIE, 'balairung_csrf']
    .map((name) => [name, client.cookie(name)] as const)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  return client.app.inject({
    method: 'POST',
    url,
    headers: { host: client.host, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: Buffer.concat([
      Buffer.from(`_csrf=${encodeURIComponent(csrf)}&`),
      ...parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)),
    ]),
  });
}

/** Collects failed checks so one run reports every broken case, not only the first. */
export class Problems {
  readonly list: string[] = [];
  tried = 0;

  async check(what: string, fn: () => Promise<void> | void): Promise<void> {
    this.tried += 1;
    try {
      await fn();
    } catch (err) {
      this.list.push(`${what}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
  }
}
