import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { withRandomBytes } from '../security/random.js';

/*
 * Tracking codes: the prefix, a hyphen and six symbols from Crockford's base 32 (no I, L, O or U),
 * so a code read aloud over the phone or copied from a screenshot cannot be misread: PTK-7Q4M2X.
 * 32⁶ ≈ 1.07 billion codes, drawn from the system's CSPRNG, so they are not guessable in
 * sequence. What a code alone shows is public anyway; anything private needs the access key.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 6;

export function newTrackingCode(prefix: string): string {
  let body = '';
  for (let i = 0; i < CODE_LENGTH; i++) body += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${body}`;
}

/**
 * The code as stored from what a person typed: upper case, spaces gone, O read as 0 and I or L as
 * 1, the hyphen put back. Undefined when it cannot be a code.
 */
export function normalizeTrackingCode(input: string): string | undefined {
  const compact = input
    .toUpperCase()
    .replace(/[\s_-]+/g, '')
    .replace(/[^0-9A-Z]/g, '');
  const match = /^([A-Z]{2,5})([0-9A-Z]{6})$/.exec(compact);
  if (!match) return undefined;
  const body = match[2]!.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (![...body].every((c) => ALPHABET.includes(c))) return undefined;
  return `${match[1]}-${body}`;
}

/** The citizen's access key: 128 random bits, shown once and kept only as a hash. */
export function newAccessKey(): string {
  return withRandomBytes(16, (bytes) => bytes.toString('base64url'));
}

export function hashAccessKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function accessKeyMatches(key: string | undefined, hash: string): boolean {
  if (!key) return false;
  const a = Buffer.from(hashAccessKey(key), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
