import type { FastifyInstance } from 'fastify';

/**
 * A value read from tables that bump the content version (page-cache.ts: the installation, agencies,
 * regions, posts …), kept while the version is unchanged, so a busy page does not read the same
 * rows on every request. The version is read at most once per the page cache's window, and at once
 * after a write through this process. Without a readable version it is loaded every time.
 */
export function versioned<T>(app: FastifyInstance, load: () => Promise<T>): () => Promise<T> {
  let kept: { version: number; value: Promise<T> } | undefined;
  return async () => {
    const version = app.hasDecorator('contentVersion')
      ? await app.contentVersion.current().catch(() => undefined)
      : undefined;
    if (version === undefined) return load();
    if (kept?.version !== version) {
      const entry = { version, value: load() };
      kept = entry;
      // A failed read is not kept: the next request tries again.
      entry.value.catch(() => {
        if (kept === entry) kept = undefined;
      });
    }
    return kept.value;
  };
}
