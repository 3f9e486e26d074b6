import { htmlToText } from '../news/sanitize.js';
import { m } from './messages.js';
import {
  BULK_LINKS,
  FLAG_THRESHOLD,
  LINK_WORDS,
  SIGNAL_WEIGHTS,
  SPAM_TLDS,
  TERM_RULES,
  TRUSTED_LINK_WORDS,
  WARNING_CONTEXT,
  WARNING_DISCOUNT,
} from './guard.rules.js';

/**
 * The judi-online detector: pure, no database. It reads what survives sanitising (text, link
 * addresses and titles; style and class never do) and answers with a score, whether that reaches
 * the threshold, and the reasons in Indonesian.
 */

export interface GuardContent {
  title: string;
  summary?: string;
  bodyHtml: string;
}

export interface Verdict {
  flagged: boolean;
  score: number;
  reasons: string[];
}

export interface OutboundLink {
  href: string;
  host: string;
  text: string;
}

// Invisible marks one by one (a combining joiner among them, on purpose: it is stripped, not kept).
/* eslint-disable no-misleading-character-class */
const INVISIBLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u206a-\u206f\ufeff]/gu;

const HAS_INVISIBLE = new RegExp(INVISIBLE.source, 'u');
/* eslint-enable no-misleading-character-class */

/** Letters from other scripts that look Latin (Cyrillic, Greek), as spam uses to dodge filters. */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ӏ: 'l',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  ı: 'i',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};
const LEET: Record<string, string> = {
  '0': 'o',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

/** Lower case, compatibility forms folded (fullwidth, math letters), invisible marks and diacritics gone. */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(INVISIBLE, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x00-\x7f]/g, (ch) => LOOK_ALIKES[ch] ?? ch); // eslint-disable-line no-control-regex
}

const words = (text: string) => text.replace(/[^a-z0-9]+/g, ' ').trim();

/** Undoes leetspeak inside words that have letters (so "2024" stays a year) and joins s l o t. */
function deobfuscate(folded: string, one: 'i' | 'l'): string {
  const unleet = (text: string) =>
    text.replace(/\S+/g, (token) =>
      /[a-z]/.test(token) ? token.replace(/[0134578@$!]/g, (c) => (c === '1' ? one : (LEET[c] ?? c))) : token,
    );
  const joined = words(unleet(folded)).replace(/\b[a-z0-9](?: [a-z0-9]\b){2,}/g, (run) =>
    run.replace(/ /g, ''),
  );
  return unleet(joined);
}

/** The readings every rule runs on: as written, and with the disguises undone. */
export function readings(text: string): { plain: string; disguised: string[] } {
  const folded = fold(text);
  return { plain: words(folded), disguised: [deobfuscate(folded, 'i'), deobfuscate(folded, 'l')] };
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&lt;': '<',
  '&gt;': '>',
};
const decode = (s: string) => s.replace(/&(?:amp|quot|#39|lt|gt);/g, (e) => ENTITIES[e] ?? e);

interface Anchor {
  href: string;
  title: string;
  text: string;
  hasImage: boolean;
}

function anchorsOf(html: string): Anchor[] {
  return [...html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/gi)].map(([, attrs = '', inner = '']) => ({
    href: decode(/\bhref="([^"]*)"/i.exec(attrs)?.[1] ?? ''),
    title: decode(/\btitle="([^"]*)"/i.exec(attrs)?.[1] ?? ''),
    text: htmlToText(inner),
    hasImage: /<img\b/i.test(inner),
  }));
}

/** Second-level domains only verified institutions get: government, universities, schools, villages. */
const TRUSTED = /(?:^|\.)(?:go|ac|sch|mil|desa)\.id$/;
export const isTrustedHost = (host: string): boolean => TRUSTED.test(host);

/** Links to other sites (any but this installation's hosts), as written in the body. */
export function outboundLinks(html: string, ownHosts: readonly string[] = []): OutboundLink[] {
  const links: OutboundLink[] = [];
  for (const a of anchorsOf(html)) {
    if (!/^https?:\/\//i.test(a.href)) continue;
    let host: string;
    try {
      host = new URL(a.href).hostname.toLowerCase().replace(/^www\./, '');
    } catch {
      continue;
    }
    if (!ownHosts.includes(host)) links.push({ href: a.href, host, text: a.text });
  }
  return links;
}

interface Score {
  score: number;
  reasons: string[];
}

function termScore(text: string): Score {
  const { plain, disguised } = readings(text);
  const found: string[] = [];
  let score = 0;
  let evaded = false;
  for (const rule of TERM_RULES) {
    const inPlain = rule.pattern.test(plain);
    if (!inPlain && !disguised.some((d) => rule.pattern.test(d))) continue;
    found.push(rule.label);
    score += rule.weight;
    if (!inPlain && rule.weight >= 5) evaded = true;
  }
  const reasons = found.length ? [m.reasonTerms(found)] : [];
  if (evaded) {
    score += SIGNAL_WEIGHTS.evasion;
    reasons.push(m.reasonEvasion);
  }
  if (score > 0 && WARNING_CONTEXT.test(plain)) score = Math.max(0, score - WARNING_DISCOUNT);
  return { score, reasons };
}

function linkScore(html: string, textLength: number, ownHosts: readonly string[]): Score {
  const anchors = anchorsOf(html);
  const all = outboundLinks(html, ownHosts);
  const outbound = all.filter((l) => !isTrustedHost(l.host));
  const reasons: string[] = [];
  let score = 0;
  const gambling = all.filter((l) =>
    (isTrustedHost(l.host) ? TRUSTED_LINK_WORDS : LINK_WORDS).test(
      words(fold(`${l.host} ${l.href} ${l.text}`)),
    ),
  );
  if (gambling.length) {
    score += SIGNAL_WEIGHTS.gamblingLink;
    reasons.push(m.reasonGamblingLinks([...new Set(gambling.map((l) => l.host))]));
  }
  if (outbound.length > BULK_LINKS) {
    score += SIGNAL_WEIGHTS.bulkLinks;
    reasons.push(m.reasonBulkLinks(outbound.length));
  }
  if (outbound.length >= 4 && textLength < outbound.length * 40) {
    score += SIGNAL_WEIGHTS.denseLinks;
    reasons.push(m.reasonDenseLinks(outbound.length));
  }
  const hidden = anchors.filter((a) => !a.hasImage && fold(a.text).replace(/[\s\p{P}]/gu, '').length <= 1);
  if (hidden.length) {
    score += SIGNAL_WEIGHTS.hiddenLink;
    reasons.push(m.reasonHiddenLinks(hidden.length));
  }
  const tlds = new Set(outbound.map((l) => l.host.split('.').pop() ?? '').filter((t) => SPAM_TLDS.has(t)));
  if (tlds.size) {
    score += SIGNAL_WEIGHTS.spamTld;
    reasons.push(m.reasonSpamTld([...tlds]));
  }
  return { score, reasons };
}

/** Scores a post or page as it would be published; `ownHosts` are this installation's hosts. */
export function detect(content: GuardContent, ownHosts: readonly string[] = []): Verdict {
  const bodyText = htmlToText(content.bodyHtml);
  // Link titles show only on hover: spam hides its words there, so they are read too.
  const titles = anchorsOf(content.bodyHtml).map((a) => a.title);
  const text = [content.title, content.summary ?? '', bodyText, ...titles].join('\n');
  const terms = termScore(text);
  const links = linkScore(content.bodyHtml, bodyText.length, ownHosts);
  let score = terms.score + links.score;
  const reasons = [...terms.reasons, ...links.reasons];
  if (HAS_INVISIBLE.test(`${content.title}${content.bodyHtml}`) && score > 0) {
    score += SIGNAL_WEIGHTS.invisibleCharacters;
    reasons.push(m.reasonInvisible);
  }
  return { flagged: score >= FLAG_THRESHOLD, score, reasons };
}
