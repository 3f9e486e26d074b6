import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newId } from './ids.js';

describe('newId', () => {
  it('makes ids that sort in the order they were made, many within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('makes a UUID of version 7, the form the id columns already hold', () => {
    assert.match(newId(), /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
