/**
 * What a person typed, reduced to words the index can look up, and the highlighting of those
 * words in a result. Pure functions: the same on both databases, so a snippet never depends on
 * which one answered.
 */

/** Words a query is made of: lower case, NFC; letters and digits only, so no search syntax survives. */
export interface SearchTerms {
  words: string[];
  /** the last word also matches longer words ("banj" finds "banjir") */
  prefixLast: boolean;
}

/** A piece of text, marked when it is a word the query matched. */
export interface TextPart {
  text: string;
  mark: boolean;
}

/** Beyond this many words a query only gets slower, not better. */
export const MAX_TERMS = 8;
const MAX_WORD_LENGTH = 40;
/** A one-letter prefix would match half the index. */
const MIN_PREFIX_LENGTH = 2;

// A word as both indexes see it: starts with a letter or digit; combining marks stay with it.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]+/g;

/** The query as shown back in the search box: control characters gone, spaces collapsed. */
export function cleanQuery(raw: string): string {
  return raw.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

const codePoints = (s: string) => Array.from(s);

export function parseQuery(raw: string): SearchTerms {
  const words: string[] = [];
  for (const [match] of cleanQuery(raw).normalize('NFC').toLowerCase().matchAll(WORD)) {
    const word = codePoints(match).slice(0, MAX_WORD_LENGTH).join('');
    if (!words.includes(word)) words.push(word);
    if (words.length === MAX_TERMS) break;
  }
  const last = words.at(-1);
  return { words, prefixLast: last !== undefined && codePoints(last).length >= MIN_PREFIX_LENGTH };
}

/** Case and accents do not count when marking ("Café" is marked for "cafe"), as in SQLite's index. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function matcher(terms: SearchTerms): (word: string) => boolean {
  const folded = terms.words.map(fold);
  const last = folded.length - 1;
  return (word) => {
    const w = fold(word);
    return folded.some((t, i) => w === t || (terms.prefixLast && i === last && w.startsWith(t)));
  };
}

/** The text split into plain and marked parts; joined back, the parts are the text unchanged. */
export function highlight(text: string, terms: SearchTerms): TextPart[] {
  const matches = matcher(terms);
  const parts: TextPart[] = [];
  const push = (part: string, mark: boolean) => {
    if (!part) return;
    const prev = parts.at(-1);
    if (prev && !prev.mark && !mark) prev.text += part;
    else parts.push({ text: part, mark });
  };
  let at = 0;
  for (const m of text.matchAll(WORD)) {
    if (!matches(m[0])) continue;
    push(text.slice(at, m.index), false);
    push(m[0], true);
    at = m.index + m[0].length;
  }
  push(text.slice(at), false);
  return parts;
}

/** Where the first matched word starts, or -1. */
function firstMatch(text: string, terms: SearchTerms): number {
  const matches = matcher(terms);
  for (const m of text.matchAll(WORD)) if (matches(m[0])) return m.index;
  return -1;
}

// Never cut between the two halves of a character outside the BMP (an emoji).
const safeCut = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff ? i + 1 : i;
};

/** At most `max` characters of `text` from `start`, cut at a space where there is one. */
function window(text: string, start: number, max: number): { from: number; to: number } {
  let from = start;
  if (from > 0) {
    const space = text.lastIndexOf(' ', from);
    from = space > 0 && start - space < 30 ? space + 1 : safeCut(text, from);
  }
  let to = Math.min(text.length, from + max);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    to = space > from + max / 2 ? space : safeCut(text, to);
  }
  return { from, to };
}

const SNIPPET_LENGTH = 220;
/** How much text is kept before the first match, so it reads in context. */
const LEAD = 60;

/**
 * A short passage of the first text that contains a matched word, around that word and marked;
 * or, when none does, the beginning of the first text that is not empty.
 */
export function snippet(texts: readonly string[], terms: SearchTerms, max = SNIPPET_LENGTH): TextPart[] {
  const candidates = texts.map((t) => t.trim()).filter(Boolean);
  let text = candidates[0] ?? '';
  let start = 0;
  for (const candidate of candidates) {
    const at = firstMatch(candidate, terms);
    if (at >= 0) {
      text = candidate;
      start = Math.max(0, at - LEAD);
      break;
    }
  }
  const { from, to } = window(text, start, max);
  const parts = highlight(text.slice(from, to).trim(), terms);
  if (from > 0) parts.unshift({ text: '… ', mark: false });
  if (to < text.length) parts.push({ text: ' …', mark: false });
  return parts;
}

export const plainText = (parts: readonly TextPart[]) => parts.map((p) => p.text).join('');
