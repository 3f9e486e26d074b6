import type { Insertable, Selectable } from 'kysely';

/** Quality hints given at upload; warnings, never reasons to refuse. */
export const MEDIA_WARNINGS = ['too_small_for_cover', 'blurred', 'too_dark'] as const;
export type MediaWarning = (typeof MEDIA_WARNINGS)[number];

export interface MediaVariant {
  width: number;
  height: number;
  format: 'webp' | 'jpeg';
  /** storage key of the file */
  key: string;
  bytes: number;
}

export interface MediaTable {
  id: string;
  agencyId: string;
  originalName: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  /** folder (prefix) in storage that holds the cleaned original and the variants */
  storageKey: string;
  /** JSON: MediaVariant[] */
  variants: string;
  /** JSON: string[] of warning codes ('too_small_for_cover', 'blurred', 'too_dark') */
  warnings: string;
  createdBy: string | null;
  createdAt: string;
}

export interface MediaTables {
  media: MediaTable;
}

export type Media = Selectable<MediaTable>;
export type NewMedia = Insertable<MediaTable>;
