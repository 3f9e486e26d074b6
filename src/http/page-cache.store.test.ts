import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PageStore, type Sent } from './page-cache.store.js';

const SENT: Sent = { kept: [['content-type', 'text/html; charset=utf-8']], all: [], requestId: false };
const page = (kb: number) => Buffer.alloc(kb * 1024, 'a');

describe('the page store', () => {
  it('stays within its budget, dropping pages not served since they were kept before those served', () => {
    const store = new PageStore(64 * 1024); // pages up to 4 KB (a sixteenth)
    for (const key of ['a', 'b', 'c', 'd']) store.put(key, 1, undefined, SENT, page(3));
    const each = store.bytes / 4;
    const full = Math.floor((64 * 1024) / each);
    for (let i = 4; i < full; i++) store.put(`fill${i}`, 1, undefined, SENT, page(3));
    assert.equal(store.size, full, 'a full store, nothing dropped yet');

    // "b" and "d" are served; then enough new pages arrive to push out most of the old ones.
    for (const key of ['b', 'd']) store.touch(store.current(key, 1)!);
    for (let i = 0; i < full - 4; i++) store.put(`new${i}`, 1, undefined, SENT, page(3));

    assert.ok(store.bytes <= 64 * 1024);
    assert.ok(store.has('b') && store.has('d'), 'the pages being served stay');
    assert.ok(!store.has('a') && !store.has('c'), 'the old pages nobody asked for went first');
    assert.ok(store.has(`new${full - 5}`), 'the page just kept stays');
  });

  it('refuses a page over a sixteenth of the budget, and drops a page of another version when asked', () => {
    const store = new PageStore(64 * 1024);
    assert.equal(store.put('big', 1, undefined, SENT, page(5)), undefined);
    assert.equal(store.size, 0);
    const entry = store.put('home', 1, undefined, SENT, page(1))!;
    assert.equal(entry.body.length, 1024);
    assert.equal(store.current('home', 1), entry);
    assert.equal(store.current('home', 2), undefined, 'the content changed since');
    assert.equal(store.has('home'), false);
    assert.equal(store.bytes, 0);
  });
});
