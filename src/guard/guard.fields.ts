import { ValidationError } from '../errors.js';
import { detect, type Verdict } from './guard.detect.js';
import { m } from './messages.js';

/*
 * The short texts an agency publishes outside posts and pages: its profile (description, address,
 * hours, social links), its services' standards and pledge, photo captions. Defaced sites show
 * judi-online promotions in exactly these places, and no editor reviews them, so they get no hold:
 * text that reads as gambling spam is refused when saved, beside the field, with the guard's reasons,
 * and the form keeps what was typed. Each field is read on its own, so the message says which one.
 * They are plain text: no links, so only the detector's words count (read as a title, unparsed).
 */

/** Texts by field name; empty and missing ones are skipped. */
export type Texts = Record<string, string | null | undefined>;

/** The fields whose text the guard flags, with its verdict. */
export function flaggedFields(fields: Texts): [string, Verdict][] {
  return Object.entries(fields).flatMap(([field, text]) => {
    if (!text?.trim()) return [];
    const verdict = detect({ title: text, bodyHtml: '' });
    return verdict.flagged ? [[field, verdict] as [string, Verdict]] : [];
  });
}

/** The message for every field whose text the guard flags, by the field names given. */
export function spamErrors(fields: Texts): Record<string, string> {
  return Object.fromEntries(flaggedFields(fields).map(([field, v]) => [field, m.fieldRefused(v.reasons)]));
}

/** Throws a ValidationError naming every field whose text the guard flags. */
export function refuseSpam(fields: Texts): void {
  const errors = spamErrors(fields);
  if (Object.keys(errors).length) throw new ValidationError(errors);
}
