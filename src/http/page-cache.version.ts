/**
 * The content version as this process knows it: read from the database at most once per window
 * (zero: on every request), and again at once after this process has handled a write of its own,
 * so whoever saves sees the result on their next page. See page-cache.ts.
 */
export class ContentVersion {
  private known: { version: number; at: number } | undefined;
  private reading: Promise<number> | undefined;
  /** counts this process's own writes: a read begun before one is not trusted after it */
  private writes = 0;

  constructor(
    private readonly read: () => Promise<number>,
    private readonly windowMs: number,
  ) {}

  /** The current content version, or the one read within the window. */
  current(): Promise<number> {
    if (this.windowMs <= 0) return this.read();
    const fresh = this.fresh();
    if (fresh !== undefined) return Promise.resolve(fresh);
    // Requests inside the window may share a read; with no window each reads after it arrived.
    if (this.reading) return this.reading;
    const begun = this.writes;
    const read = this.read()
      .then((version) => {
        if (this.writes === begun) this.known = { version, at: Date.now() };
        return version;
      })
      .finally(() => {
        if (this.reading === read) this.reading = undefined;
      });
    this.reading = read;
    return read;
  }

  /** The version at once when read within the window, else a read: the fast path's way to ask. */
  now(): number | Promise<number> {
    return this.fresh() ?? this.current();
  }

  /** How many writes this process has handled: a value kept from before a write is not trusted after it. */
  get generation(): number {
    return this.writes;
  }

  /** This process has just handled a write: nothing read before it is trusted. */
  wrote(): void {
    this.writes++;
    this.known = undefined;
    this.reading = undefined;
  }

  private fresh(): number | undefined {
    if (this.windowMs <= 0 || !this.known || Date.now() - this.known.at >= this.windowMs) return undefined;
    return this.known.version;
  }
}
