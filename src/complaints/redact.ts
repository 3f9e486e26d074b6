/*
 * Personal data inside what people wrote: a reporter often types their own name, WhatsApp number,
 * e-mail or NIK into the description, and an officer's answer greets them by name. When a
 * complaint's personal data is removed (retention, or the citizen's erasure request), these go from
 * the title, the description, the rating comment and the timeline's messages as well, replaced by
 * "[dihapus]", and the rest of the text (what was reported and answered) stays:
 * - the reporter's own name as they gave it (whole words, any case), e-mail, number and NIK;
 * - any mobile number (08…, +62 8…), NIK-shaped number (16 digits, grouped or not) and e-mail
 *   address, whoever's it is, except addresses on go.id (an office's, written by its staff).
 * A first name alone is left: "Budi" is also a word ("budi pekerti"). Office landlines stay.
 */

export const REDACTED = '[dihapus]';

export interface Reporter {
  name: string;
  email: string;
  phone: string;
  nik: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// 08 or +62/62 then 8, then 7–11 more digits, spaces, dots or hyphens between them allowed.
const MOBILE = /(?<![\p{N}])(?:\+?62[\s.-]?|0)8(?:[\s.-]?\p{N}){7,11}(?![\p{N}])/gu;
const NIK = /(?<![\p{N}])\p{N}{4}(?:[\s.-]?\p{N}{4}){3}(?![\p{N}])/gu;

/** The text with the reporter's identity and any contact details replaced by [dihapus]. */
export function redactPersonalData(text: string, reporter: Reporter): string {
  if (!text) return text;
  let out = text;
  const name = reporter.name.trim().replace(/\s+/g, ' ');
  if (name.length >= 3) {
    const words = name.split(' ').map(escapeRegExp).join('\\s+');
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'giu'), REDACTED);
  }
  for (const exact of [reporter.email, reporter.nik].map((s) => s.trim()).filter((s) => s.length >= 3))
    out = out.replace(new RegExp(escapeRegExp(exact), 'gi'), REDACTED);
  out = out.replace(EMAIL, (address) => (/\.go\.id$/i.test(address) ? address : REDACTED));
  out = out.replace(MOBILE, REDACTED).replace(NIK, REDACTED);
  // The reporter's number in another shape than the pattern's (a landline, say): digits compared.
  const digits = reporter.phone.replace(/\D/g, '');
  if (digits.length >= 6) {
    const spaced = digits.split('').map(escapeRegExp).join('[\\s.()-]*');
    out = out.replace(new RegExp(`(?<![\\p{N}(])\\(?${spaced}(?![\\p{N}])`, 'gu'), REDACTED);
  }
  return out;
}
