import { randomBytes } from 'node:crypto';

/*
 * Random bytes for row ids and access keys, drawn from the CSPRNG 4 KB at a time, as Node itself
 * does for randomUUID and randomInt. Asking the CSPRNG for 16 bytes per id (what the uuid package
 * does) cost ~7 µs a call, ~5 % of a complaint filing's CPU (three ids and a key each). Each caller's
 * bytes are wiped from the pool once it has used them, so no two callers ever see the same bytes.
 */
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let used = 0;

/** Lends `n` fresh random bytes (at most 4 KB) to `use`, then wipes them. */
export function withRandomBytes<T>(n: number, use: (bytes: Buffer) => T): T {
  if (n > POOL_BYTES) throw new RangeError(`at most ${POOL_BYTES} random bytes at a time`);
  if (used + n > pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  const bytes = pool.subarray(used, used + n);
  used += n;
  try {
    return use(bytes);
  } finally {
    bytes.fill(0);
  }
}
