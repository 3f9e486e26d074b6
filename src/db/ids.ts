import { v7 } from 'uuid';
import { withRandomBytes } from '../security/random.js';

/**
 * A new row id: a UUID whose leading bits are the time it was made (version 7, RFC 9562), so ids
 * made one after another sort one after another. A b-tree keyed on them takes each new row at its
 * right edge, in the page the previous one went to, where a random (version 4) id lands on a page
 * of its own: a batch of 32 complaints then wrote ~200 pages to SQLite's write-ahead log instead of
 * a few dozen, and every write-ahead page is written again at the next checkpoint.
 *
 * The uuid package lays out the bits; the random bytes come from our pool (src/security/random.ts)
 * rather than one CSPRNG call per id. Handing it bytes means keeping its counter here: ids made within
 * one millisecond carry a counter that starts at a random 31-bit value and counts up (RFC 9562's
 * "fixed bit-length dedicated counter"), so they still sort in the order they were made.
 */
let lastMsecs = -Infinity;
let seq = 0;

export function newId(): string {
  return withRandomBytes(16, (random) => {
    const now = Date.now();
    if (now > lastMsecs) {
      lastMsecs = now;
      seq = random.readUInt32BE(6) & 0x7fffffff;
    } else {
      seq = (seq + 1) | 0;
      // The counter ran out within this millisecond: borrow the next one, as the uuid package does.
      if (seq === 0) lastMsecs++;
    }
    return v7({ msecs: lastMsecs, seq, random });
  });
}
