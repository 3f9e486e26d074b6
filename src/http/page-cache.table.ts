/**
 * The content version (migration 2026_11_28_2200): one row, id 1, whose number triggers bump on
 * every change to what anonymous public pages show; src/http/page-cache.ts compares against it.
 */
export interface ContentVersionTable {
  id: number;
  version: number;
}

export interface PageCacheTables {
  contentVersion: ContentVersionTable;
}
