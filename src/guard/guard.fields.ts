import type { DbOrTx } from '../db/database.js';
import { ValidationError } from '../errors.js';
import { detect, type Verdict } from './guard.detect.js';
import { ownHosts } from './guard.repository.js';
import { m } from './messages.js';

/*
 * The short texts an agency publishes outside posts and pages: its profile (description, address,
 * hours, social links), its services' standards and pledge, photo captions. Defaced sites show
 * judi-online promotions in exactly these places, and no editor reviews them, so they get no hold:
 * text that reads as gambling spam is refused when saved, beside the field, with the guard's reasons,
 * and the form keeps what was typed. Each field is read on its own, so the message says which one.
 */

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Texts by field name; empty and missing ones are skipped. */
export type Texts = Record<string, string | null | undefined>;

const filled = (fields: Texts) => Object.entries(fields).filter((f): f is [string, string] => !!f[1]?.trim());

/** The fields whose text the guard flags, with its verdict; `hosts` are the installation's own. */
export function flaggedFields(fields: Texts, hosts: readonly string[]): [string, Verdict][] {
  return filled(fields).flatMap(([field, text]) => {
    const verdict = detect({ title: '', bodyHtml: `<p>${escapeHtml(text)}</p>` }, hosts);
    return verdict.flagged ? [[field, verdict] as [string, Verdict]] : [];
  });
}

/** The message for every field whose text the guard flags, by the field names given. */
export async function spamErrors(db: DbOrTx, fields: Texts): Promise<Record<string, string>> {
  if (!filled(fields).length) return {};
  const flagged = flaggedFields(fields, await ownHosts(db));
  return Object.fromEntries(flagged.map(([field, verdict]) => [field, m.fieldRefused(verdict.reasons)]));
}

/** Throws a ValidationError naming every field whose text the guard flags. */
export async function refuseSpam(db: DbOrTx, fields: Texts): Promise<void> {
  const errors = await spamErrors(db, fields);
  if (Object.keys(errors).length) throw new ValidationError(errors);
}
