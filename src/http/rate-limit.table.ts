/** Shared request counters (migration 2026_11_29_1500; src/http/rate-limit.store.ts). */
export interface RateLimitTable {
  /** the limit (route or limiter) and the address it counts, e.g. "POST /api/v1/auth/token|203.0.113.9" */
  key: string;
  count: number;
  windowStartedAt: string;
  expiresAt: string;
}

export interface RateLimitTables {
  rateLimits: RateLimitTable;
}
