import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withRandomBytes } from './random.js';

describe('withRandomBytes', () => {
  it('lends different bytes to every caller, never the same twice', () => {
    const seen = new Set<string>();
    // More than one pool's worth, so a refill is crossed too.
    for (let i = 0; i < 1000; i++) seen.add(withRandomBytes(16, (b) => b.toString('hex')));
    assert.equal(seen.size, 1000);
  });

  it('wipes the lent bytes once the caller is done, so a kept reference shows nothing', () => {
    let kept: Buffer | undefined;
    const copy = withRandomBytes(32, (b) => {
      kept = b;
      return Buffer.from(b);
    });
    assert.notDeepEqual(copy, Buffer.alloc(32));
    assert.deepEqual(kept, Buffer.alloc(32));
  });

  it('refuses more than a pool holds rather than lending short', () => {
    assert.throws(() => withRandomBytes(5000, (b) => b), RangeError);
  });
});
