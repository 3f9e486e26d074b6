import { Readable } from 'node:stream';
import { etagOf } from './page-cache.rules.js';

/** One kept page: the bytes as sent and the headers that describe them. */
export interface Entry {
  version: number;
  /** Date.now() after which the entry is stale whatever the version; Infinity for none */
  expires: number;
  /** the headers that describe the body, set on a hit answered through Fastify */
  headers: [string, string][];
  body: Buffer;
  /** the body's strong validator, worked out once here */
  etag: string;
  /** every header the first answer had, flat for res.writeHead: the fast path's 200 and its 304 */
  raw200: string[];
  raw304: string[];
  /** whether the first answer carried its request's id: the fast path then sends one of its own */
  requestId: boolean;
  size: number;
  /** served since the store last looked at it for eviction (page-cache.store.ts: second chance) */
  used: boolean;
}

/** What the first answer sent: the headers that describe the body, and all the others too. */
export interface Sent {
  kept: [string, string][];
  all: [string, string][];
  requestId: boolean;
}

/** per entry: keys, headers and bookkeeping, roughly */
const OVERHEAD = 256;

/**
 * The page cache's memory: entries by key, bounded by bytes, the least recently used dropped first,
 * approximately: a hit only marks its entry as used, and eviction walks the entries oldest first,
 * dropping those not used since it last passed and giving the used ones a second chance at the
 * back (the "clock" policy). Moving each hit to the back of the Map instead cost ~3 µs a hit with
 * 2,000 pages kept: a tenth of the fast path's whole time.
 */
export class PageStore {
  private readonly entries = new Map<string, Entry>();
  bytes = 0;
  stores = 0;

  constructor(readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The largest body worth keeping: one page never pushes out a sixteenth of the rest. */
  get maxEntryBytes(): number {
    return this.maxBytes / 16;
  }

  /** The entry for key if it is still good for this version; a stale one is dropped. */
  current(key: string, version: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry || (entry.version === version && entry.expires > Date.now())) return entry;
    this.remove(key);
    return undefined;
  }

  /** Whether anything is kept for key, current or not: a cheap no before reading the version. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Marks a served entry as used: the next eviction passes it over once. */
  touch(entry: Entry): void {
    entry.used = true;
  }

  /** Keeps a page, unless it is too large or a newer render of the same key is already kept. */
  put(key: string, version: number, ttlMs: number | undefined, sent: Sent, body: Buffer): Entry | undefined {
    const size = body.length + key.length + OVERHEAD + JSON.stringify(sent.all).length;
    if (size > this.maxEntryBytes || (this.entries.get(key)?.version ?? 0) > version) return undefined;
    this.remove(key);
    const etag = etagOf(body);
    const raw304 = ['etag', etag, ...sent.all.filter(([name]) => name !== 'etag').flat()];
    const entry: Entry = {
      version,
      expires: ttlMs === undefined ? Infinity : Date.now() + ttlMs,
      headers: [...sent.kept.filter(([name]) => name !== 'etag'), ['etag', etag]],
      body,
      etag,
      raw200: [...raw304, 'content-length', String(body.length)],
      raw304,
      requestId: sent.requestId,
      size,
      used: false,
    };
    this.entries.set(key, entry);
    this.bytes += size;
    this.stores++;
    // Entries moved to the back are met again later in the same walk, by then unmarked; the page
    // just kept is passed over (it is at most a sixteenth of the budget, so the walk ends before).
    for (const [oldest, kept] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      if (kept === entry) continue;
      if (kept.used) {
        kept.used = false;
        this.entries.delete(oldest);
        this.entries.set(oldest, kept);
      } else this.remove(oldest);
    }
    return entry;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private remove(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.size;
  }
}

/**
 * A streamed body read whole into memory, when it is at most `max` bytes; a larger one comes back
 * as a stream of the same bytes (those read so far, then the rest), not held at all.
 */
export async function gather(source: Readable, max: number): Promise<Buffer | Readable> {
  const iterator: AsyncIterator<unknown> = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return Buffer.concat(chunks, size);
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(String(next.value));
    chunks.push(chunk);
    size += chunk.length;
    if (size > max) {
      return Readable.from(
        (async function* () {
          yield* chunks;
          for (let rest = await iterator.next(); !rest.done; rest = await iterator.next()) yield rest.value;
        })(),
      );
    }
  }
}
