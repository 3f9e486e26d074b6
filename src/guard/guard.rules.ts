/**
 * What judi-online spam looks like, as data. Patterns run on normalised text (src/guard/guard.detect.ts:
 * lower case, NFKC, no zero-width characters or diacritics, look-alike letters mapped, punctuation as
 * spaces, and a second reading with leetspeak undone and spaced-out letters joined).
 *
 * Weights add up; content is held at FLAG_THRESHOLD. A term only spam uses ("slot gacor", "maxwin")
 * reaches it alone. Words a government site also writes ("judi online" in a warning, "slot waktu",
 * Toto as a name, "jackpot" in a quote) weigh little, so they need other signals beside them.
 */

export const FLAG_THRESHOLD = 10;

export interface TermRule {
  /** shown to the editor and the super admin */
  label: string;
  pattern: RegExp;
  weight: number;
}

// `b` marks a word edge on normalised text (only a-z, 0-9 and single spaces remain).
const b = (source: string) => new RegExp(`(?<![a-z0-9])(?:${source})(?![a-z])`);

export const TERM_RULES: readonly TermRule[] = [
  // Spam only: enough alone.
  { label: 'slot gacor', pattern: /slot\s?gacor|gacor\s?slot/, weight: 12 },
  { label: 'gacor hari ini', pattern: /gacor\s?hari\s?ini/, weight: 12 },
  { label: 'maxwin', pattern: /max\s?win/, weight: 12 },
  { label: 'togel', pattern: /togel/, weight: 10 },
  {
    label: 'toto 4D/macau/SGP/HK',
    pattern: b('toto\\s?(?:4d|macau|sgp|hk|sdy|slot|gelap|online)'),
    weight: 12,
  },
  { label: 'RTP live/slot', pattern: b('rtp\\s?(?:live|slot|gacor|hari ini)'), weight: 12 },
  { label: 'bo slot', pattern: b('bo\\s?(?:slot|togel|judi)'), weight: 12 },
  { label: 'situs/agen/bandar slot', pattern: b('(?:situs|agen|bandar|link|akun)\\s?slot'), weight: 12 },
  {
    label: 'slot online',
    pattern: b('slot\\s?(?:online|88|77|777|303|demo|pulsa|dana|resmi|terpercaya)'),
    weight: 12,
  },
  {
    label: 'deposit pulsa/dana',
    pattern: b('(?:deposit|depo)\\s?(?:pulsa|dana|ovo|gopay|via|\\d+\\s?(?:k|rb|ribu))'),
    weight: 10,
  },
  { label: 'daftar slot', pattern: b('daftar\\s?(?:slot|togel|judi|akun\\s?(?:slot|gacor))'), weight: 12 },
  { label: 'pola gacor', pattern: b('pola\\s?(?:gacor|slot|maxwin)'), weight: 12 },
  { label: 'scatter hitam', pattern: b('scatter\\s?(?:hitam|mahjong)'), weight: 12 },
  { label: 'anti rungkad', pattern: /anti\s?rungkad|rungkad/, weight: 12 },
  { label: 'mahjong ways', pattern: b('mahjong\\s?ways?'), weight: 10 },
  { label: 'bonus new member', pattern: b('bonus\\s?(?:new\\s?member|deposit|member\\s?baru)'), weight: 10 },
  { label: 'wd lancar', pattern: b('(?:wd|withdraw)\\s?(?:lancar|cepat|kecil|pasti)'), weight: 10 },
  { label: 'sabung ayam online', pattern: b('sabung\\s?ayam\\s?online|sv388|s128'), weight: 10 },
  // Alone they may be a warning, an arrest or a name: they only add up.
  { label: 'gacor', pattern: /gacor/, weight: 6 },
  { label: 'link alternatif', pattern: b('link\\s?alternatif'), weight: 5 },
  { label: 'situs/agen judi', pattern: b('(?:situs|agen)\\s?judi'), weight: 4 },
  { label: 'bandar judi/bola', pattern: b('bandar\\s?(?:judi|bola|togel|slot|casino|kasino)'), weight: 3 },
  { label: 'judi online', pattern: b('judi\\s?(?:online|slot|bola|daring)'), weight: 3 },
  { label: 'scatter', pattern: b('scatter'), weight: 3 },
  { label: 'pragmatic play', pattern: b('pragmatic\\s?play|pg\\s?soft|habanero'), weight: 6 },
  { label: 'kasino', pattern: b('casino|kasino|poker\\s?online|baccarat|roulette'), weight: 4 },
  { label: 'jackpot', pattern: b('jackpot|jp\\s?paus'), weight: 2 },
  {
    label: 'situs terpercaya',
    pattern: b('situs\\s?(?:terpercaya|resmi\\s?terbaru)|terpercaya\\s?\\d{4}'),
    weight: 3,
  },
  { label: 'toto', pattern: b('toto'), weight: 1 },
];

/**
 * Words a government warning about gambling uses and a spammer does not: each takes a little off
 * the score, so an article on "bahaya judi online" is not held for naming what it warns about.
 */
export const WARNING_CONTEXT = b(
  'bahaya|berantas|pemberantasan|satgas|larangan|dilarang|sosialisasi|ditangkap|diamankan|tersangka|kecanduan|waspada|memblokir|diblokir|pidana',
);
export const WARNING_DISCOUNT = 6;

/** Words that, in a link's address or text, point at a gambling site. */
export const LINK_WORDS =
  /slot|gacor|togel|judi|maxwin|casino|kasino|poker|jackpot|scatter|sbobet|mahjong|rungkad|pragmatic/;

/**
 * On a go.id (or other verified) host only words no government page uses: a hacked go.id site
 * hosting slot pages is a classic, while "judi" in a ministry's warning article is not spam.
 */
export const TRUSTED_LINK_WORDS =
  /gacor|togel|maxwin|rungkad|sbobet|slot\s?(?:online|88|777|demo)|situs\s?slot/;

/** Top-level domains that spam links favour; a link there counts a little. */
export const SPAM_TLDS = new Set([
  'xyz',
  'top',
  'vip',
  'bet',
  'casino',
  'win',
  'click',
  'link',
  'site',
  'online',
  'fun',
  'icu',
  'buzz',
  'monster',
  'live',
  'pro',
  'shop',
  'store',
]);

/** Above this many links to outside sites a post looks like a link farm, not a news item. */
export const BULK_LINKS = 12;

export const SIGNAL_WEIGHTS = {
  gamblingLink: 12,
  bulkLinks: 8,
  /** many links in a short text: a list of links with a sentence around it */
  denseLinks: 5,
  hiddenLink: 6,
  spamTld: 3,
  /** a term only found after undoing leetspeak, spacing or invisible characters */
  evasion: 4,
  invisibleCharacters: 2,
} as const;
