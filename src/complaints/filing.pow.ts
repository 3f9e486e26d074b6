import { createHmac } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

/*
 * The form's proof of work (ALTCHA, verified here: no third party sees who files a complaint).
 * The page carries a signed challenge; public/js/complaint-form.js finds the counter whose SHA-256
 * chain starts with the signed prefix and posts it back. Each challenge is bound to the form's
 * submission key, and one submission key files at most one complaint, so a solved challenge
 * replayed cannot file a second complaint: with another key it is refused, with the same key it
 * only shows the first complaint again.
 */

const ALGORITHM = 'SHA-256';
/** Hashes per attempt, and the range of the secret counter: about 20,000 hashes to find it on average. */
const COST = 10;
const COUNTER_MIN = 1_000;
const COUNTER_MAX = 3_000;
/** Long enough to write a careful complaint; the script fetches a fresh one if the page sat longer. */
export const CHALLENGE_TTL_SECONDS = 2 * 60 * 60;

export interface PowKeys {
  signature: string;
  keySignature: string;
}

/** Two HMAC keys derived from the installation's secret, so the secret itself never signs a challenge. */
export function powKeys(secret: string): PowKeys {
  const derive = (purpose: string) => createHmac('sha256', secret).update(purpose).digest('base64url');
  return { signature: derive('altcha-challenge-v2'), keySignature: derive('altcha-derived-key-v2') };
}

export function newChallenge(keys: PowKeys, submissionKey: string): Promise<Challenge> {
  return createChallenge({
    algorithm: ALGORITHM,
    cost: COST,
    counter: randomInt(COUNTER_MAX, COUNTER_MIN),
    deriveKey,
    data: { submission: submissionKey },
    expiresAt: new Date(Date.now() + CHALLENGE_TTL_SECONDS * 1000),
    hmacSignatureSecret: keys.signature,
    hmacKeySignatureSecret: keys.keySignature,
  });
}

/** What the posted `altcha` field amounts to. */
export type PowResult = 'none' | 'valid' | 'expired' | 'invalid';

interface Payload {
  challenge: Challenge;
  solution: Solution;
}

function decode(field: string): Payload | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(field, 'base64').toString('utf8'));
    const payload = value as Partial<Payload> | null;
    const parameters = payload?.challenge?.parameters as unknown;
    if (!parameters || typeof parameters !== 'object' || typeof payload?.solution !== 'object')
      return undefined;
    return payload as Payload;
  } catch {
    return undefined;
  }
}

/** The payload the browser solver posts: base64 of `{challenge, solution}`, as ALTCHA's widget sends it. */
export const encodePayload = (payload: Payload): string =>
  Buffer.from(JSON.stringify(payload)).toString('base64');

export async function checkSolution(
  keys: PowKeys,
  field: string | undefined,
  submissionKey: string,
): Promise<PowResult> {
  if (!field?.trim()) return 'none';
  if (field.length > 4096) return 'invalid';
  const payload = decode(field);
  if (!payload) return 'invalid';
  try {
    const result = await verifySolution({
      challenge: payload.challenge,
      solution: payload.solution,
      deriveKey,
      hmacSignatureSecret: keys.signature,
      hmacKeySignatureSecret: keys.keySignature,
    });
    if (!result.verified) return result.expired && result.invalidSignature === null ? 'expired' : 'invalid';
  } catch {
    return 'invalid';
  }
  return payload.challenge.parameters.data?.submission === submissionKey ? 'valid' : 'invalid';
}
