import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';
import { getInstallation } from '../agencies/agencies.repository.js';
import type { DbOrTx } from '../db/database.js';
import { ValidationError } from '../errors.js';

/*
 * Password strength for what people type (invitation, reset, change, the API and the CLI):
 * zxcvbn-ts with the common-password list, the Indonesian dictionary (common words, names,
 * Wikipedia) and the words around the person (their name and email, the installation and its
 * OPD, the city). Accounts made directly in code (the demo seed, test factories) skip it.
 *
 * The dictionaries are large; they are loaded on the first check, not at start-up, and once.
 */

/** zxcvbn's 0–4: 3 is "safely unguessable" (about 10^8 guesses, online attack out of reach). */
export const MIN_PASSWORD_SCORE = 3;

/** Always in the context: the city every installation of this app is built for first. */
const ALWAYS = ['pontianak', 'kalimantan', 'balairung', 'admin', 'pemkot', 'pemda', 'kota', 'dinas'];

let loading: Promise<ZxcvbnFactory> | undefined;

function checker(): Promise<ZxcvbnFactory> {
  loading ??= (async () => {
    const [core, common, id] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-id'),
    ]);
    return new core.ZxcvbnFactory({
      translations: id.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...id.dictionary },
      // Near-misses of common passwords cost 5× the time with little gain over the l33t and
      // dictionary matchers; left off so a check stays around 10 ms.
      useLevenshteinDistance: false,
    });
  })();
  return loading;
}

/** The words of a name, email, agency or city a guesser would try first. */
export function contextWords(texts: readonly string[]): string[] {
  const words = new Set<string>(ALWAYS);
  for (const text of texts) {
    const lower = text.toLowerCase();
    if (lower.length >= 3) words.add(lower);
    const joined = lower.replace(/[^\p{L}\p{N}]+/gu, ''); // 'Siti Aminah' typed as 'sitiaminah'
    if (joined.length >= 3) words.add(joined);
    for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** What the installation adds to every person's context: its names and the OPD names. */
export async function installationWords(db: DbOrTx): Promise<string[]> {
  const installation = await getInstallation(db);
  const agencies = await db.selectFrom('agencies').select(['name', 'shortName']).execute();
  return [
    installation.name,
    installation.shortName,
    installation.mainHost,
    ...agencies.flatMap((a) => [a.name, a.shortName]),
  ];
}

export interface StrengthVerdict {
  score: number;
  ok: boolean;
  /** Bahasa Indonesia: why it is weak and what to do, empty when ok */
  message: string;
}

function messageOf(result: ZxcvbnResult): string {
  const { warning, suggestions } = result.feedback;
  const parts = [
    'Kata sandi ini terlalu mudah ditebak.',
    warning ?? '',
    ...suggestions,
    suggestions.length ? '' : 'Gunakan kalimat pendek dari beberapa kata yang tidak umum.',
  ];
  return parts.filter(Boolean).join(' ');
}

/** Scores a password against the dictionaries and the given context texts. */
export async function ratePassword(password: string, context: readonly string[]): Promise<StrengthVerdict> {
  const zxcvbn = await checker();
  // zxcvbn's cost grows with length; the length rule (≤ 200) already bounds it, and the first 100
  // characters decide whether a password is guessable.
  const result = zxcvbn.check(password.slice(0, 100), contextWords(context));
  const ok = result.score >= MIN_PASSWORD_SCORE;
  return { score: result.score, ok, message: ok ? '' : messageOf(result) };
}

/** Throws a ValidationError on `field` when the typed password is guessable. */
export async function assertStrongPassword(
  db: DbOrTx,
  password: string,
  person: { email: string; name: string },
  field: string,
): Promise<void> {
  const verdict = await ratePassword(password, [person.email, person.name, ...(await installationWords(db))]);
  if (!verdict.ok) throw new ValidationError({ [field]: verdict.message });
}
