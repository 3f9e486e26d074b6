import type { Config } from '../config.js';

/**
 * Per-address limit for sign-in and token routes. BALAIRUNG_RATE_LIMIT=off turns it off for load
 * tests and trusted networks; the per-account lockout in the accounts service stays on regardless.
 */
export function signInRateLimit(config: Config) {
  return { rateLimit: config.rateLimit ? { max: 10, timeWindow: '1 minute' } : (false as const) };
}
