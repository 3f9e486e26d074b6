import type { Selectable } from 'kysely';

export type ImportedKind = 'post' | 'page' | 'media' | 'category';

export interface ImportedItemTable {
  agencyId: string;
  /** where it came from: 'wordpress' */
  source: string;
  /** the source's identifier: a post's GUID, a photo's URL, a category's slug */
  sourceKey: string;
  kind: ImportedKind;
  targetId: string;
  /** sha-256 of what the source said, so a rerun can tell what changed */
  contentHash: string;
  importedAt: string;
}

export interface LegacyRedirectTable {
  agencyId: string;
  /** 'p=123', 'page_id=7', 'cat=5', 'path:/2021/05/19/slug', 'upload:2021/05/foto.jpg' */
  oldKey: string;
  /** a path on the agency's site ('/berita/slug'); '/media/…' is the same on every host */
  newPath: string;
}

export type ImportJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportJobTable {
  id: string;
  agencyId: string;
  status: ImportJobStatus;
  done: number;
  total: number;
  /** JSON of the ImportReport once done; the Indonesian error message when failed */
  report: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ImportTables {
  importedItems: ImportedItemTable;
  legacyRedirects: LegacyRedirectTable;
  importJobs: ImportJobTable;
}

export type ImportJob = Selectable<ImportJobTable>;
