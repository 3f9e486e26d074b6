/** One kept page: the bytes as sent and the headers that describe them. */
export interface Entry {
  version: number;
  /** Date.now() after which the entry is stale whatever the version; Infinity for none */
  expires: number;
  headers: [string, string][];
  body: Buffer;
  size: number;
}

/** per entry: keys, headers and bookkeeping, roughly */
const OVERHEAD = 256;

/**
 * The page cache's memory: entries by key, bounded by bytes, least recently used dropped first.
 * A Map iterates in insertion order and a hit re-inserts, so the first key is the least recent.
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

  /** Marks a served entry as the most recently used. */
  touch(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  /** Keeps a page, unless it is too large or a newer render of the same key is already kept. */
  put(
    key: string,
    version: number,
    ttlMs: number | undefined,
    headers: [string, string][],
    body: Buffer,
  ): void {
    const size = body.length + key.length + OVERHEAD;
    if (size > this.maxEntryBytes || (this.entries.get(key)?.version ?? 0) > version) return;
    this.remove(key);
    this.entries.set(key, {
      version,
      expires: ttlMs === undefined ? Infinity : Date.now() + ttlMs,
      headers,
      body,
      size,
    });
    this.bytes += size;
    this.stores++;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
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
