import { v7 } from 'uuid';

/**
 * A new row id: a UUID whose leading bits are the time it was made (version 7, RFC 9562), so ids
 * made one after another sort one after another. A b-tree keyed on them takes each new row at its
 * right edge, in the page the previous one went to, where a random (version 4) id lands on a page
 * of its own: a batch of 32 complaints then wrote ~200 pages to SQLite's write-ahead log instead of
 * a few dozen, and every write-ahead page is written again at the next checkpoint.
 */
export function newId(): string {
  return v7();
}
