import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import { changedFields, recordAudit } from '../audit/audit.repository.js';
import type { Storage } from '../storage/storage.js';
import { now } from '../time/clock.js';
import { processImage } from './image.js';
import { refuseSpam } from '../guard/guard.fields.js';
import {
  deleteMediaRow,
  getMedia,
  insertMedia,
  updateMediaTextRow,
  type MediaText,
} from './media.repository.js';
import type { Media, MediaVariant } from './media.table.js';

export interface UploadInput {
  agencyId: string;
  actorId: string | null;
  buffer: Buffer;
  /** as the browser named it: kept for the library's display only, never part of a storage key */
  filename: string;
  alt?: string;
  caption?: string;
  credit?: string;
}

/** Control characters and path parts out, length capped: the name is shown, never trusted. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const printable = [...base].filter((c) => c >= ' ' && c !== '\u007f').join('');
  return printable.trim().slice(0, 200);
}

/** The storage folder of one photo: `a/{first 8 of the agency id}/{media id}`, only [a-z0-9-]. */
export function mediaFolder(agencyId: string, mediaId: string): string {
  const agency =
    agencyId
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 8) || 'x';
  const media = mediaId.toLowerCase().replace(/[^a-z0-9-]/g, '');
  return `a/${agency}/${media}`;
}

const tidy = (text: MediaText): MediaText => ({
  alt: text.alt.trim(),
  caption: text.caption.trim(),
  credit: text.credit.trim(),
});

/**
 * Cleans the photo, stores its files, then records it. Files first: a row never points at nothing.
 * If anything after the first file fails, the folder goes too (no orphans).
 */
export async function uploadMedia(db: Db, storage: Storage, input: UploadInput): Promise<Media> {
  refuseSpam({ alt: input.alt, caption: input.caption, credit: input.credit });
  const processed = await processImage(input.buffer);
  const id = randomUUID();
  const folder = mediaFolder(input.agencyId, id);
  try {
    for (const file of [processed.original, ...processed.variants, processed.og]) {
      await storage.put(`${folder}/${file.name}`, file.data, file.contentType);
    }
    const variants: MediaVariant[] = processed.variants.map((v) => ({
      width: v.width,
      height: v.height,
      format: v.format,
      key: `${folder}/${v.name}`,
      bytes: v.data.length,
    }));
    const media: Media = {
      id,
      agencyId: input.agencyId,
      originalName: cleanFileName(input.filename),
      // What is served is always the cleaned JPEG, whatever came in.
      mime: processed.original.contentType,
      width: processed.original.width,
      height: processed.original.height,
      bytes: processed.original.data.length,
      ...tidy({ alt: input.alt ?? '', caption: input.caption ?? '', credit: input.credit ?? '' }),
      storageKey: folder,
      variants: JSON.stringify(variants),
      warnings: JSON.stringify(processed.warnings),
      createdBy: input.actorId,
      createdAt: now(),
    };
    await db.transaction().execute(async (tx) => {
      await insertMedia(tx, input.agencyId, media);
      await recordAudit(tx, {
        actorId: input.actorId,
        agencyId: input.agencyId,
        action: 'media.uploaded',
        subjectType: 'media',
        subjectId: id,
        details: { from: processed.sourceType, warnings: processed.warnings },
      });
    });
    return media;
  } catch (err) {
    await storage.remove(folder);
    throw err;
  }
}

/** Alt text, caption and credit; the photo itself never changes (its URLs are cached for a year). */
export async function updateMediaText(db: Db, agencyId: string, id: string, text: MediaText): Promise<Media> {
  const before = await getMedia(db, agencyId, id);
  const after = tidy(text);
  refuseSpam({ ...after });
  await db.transaction().execute(async (tx) => {
    await updateMediaTextRow(tx, agencyId, id, after);
    // The actor is the request's signed-in person (src/http/request-context.ts).
    await recordAudit(tx, {
      agencyId,
      action: 'media.updated',
      subjectType: 'media',
      subjectId: id,
      details: { name: before.originalName, changed: changedFields(before, after) },
    });
  });
  return getMedia(db, agencyId, id);
}

/** Removes the row (posts lose it as cover or from the gallery), then its files. */
export async function deleteMedia(
  db: Db,
  storage: Storage,
  agencyId: string,
  id: string,
  actorId: string | null,
): Promise<void> {
  const media = await getMedia(db, agencyId, id);
  await db.transaction().execute(async (tx) => {
    await deleteMediaRow(tx, agencyId, id);
    await recordAudit(tx, {
      actorId,
      agencyId,
      action: 'media.deleted',
      subjectType: 'media',
      subjectId: id,
      details: { name: media.originalName },
    });
  });
  // After the commit: a failure here leaves unlinked files behind, never a row without its files.
  await storage.remove(media.storageKey);
}
