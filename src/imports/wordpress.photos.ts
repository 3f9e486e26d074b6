import type { Db } from '../db/database.js';
import type { Media } from '../media/media.table.js';
import { saveImported, type ImportedRow } from './imports.repository.js';
import type { ImportReport } from './imports.report.js';
import type { ImportOptions } from './wordpress.import.js';
import {
  importPhoto,
  inlineUrl,
  mediaFailure,
  photoHash,
  photosOf,
  uploadsPath,
  withoutSize,
} from './wordpress.media.js';
import { ORIGINAL_FILE } from '../media/image.js';

type Photo = Pick<Media, 'id' | 'storageKey' | 'variants'>;

export interface PhotoIndex {
  urlFor(src: string, attachmentId: number | null): string | null;
  idFor(attachmentId: number): string | null;
  childrenOf(postId: number): string[];
}

/**
 * Brings every photo over once: a photo imported before (same uploads path) is reused, a new one
 * goes through uploadMedia. Failures are reported per photo and do not stop the import.
 */
async function bringOver(
  db: Db,
  options: ImportOptions,
  existing: Map<string, ImportedRow>,
  report: ImportReport,
  redirects: Map<string, string>,
): Promise<Map<string, Photo>> {
  const agencyId = options.agency.id;
  const requests = photosOf(options.wxr.items);
  const knownIds = requests
    .map((r) => existing.get(`media:${r.rel}`)?.targetId)
    .filter((x): x is string => !!x);
  const rows: Photo[] = knownIds.length
    ? await db
        .selectFrom('media')
        .select(['id', 'storageKey', 'variants'])
        .where('agencyId', '=', agencyId)
        .where('id', 'in', knownIds)
        .execute()
    : [];
  const known = new Map(rows.map((r) => [r.id, r]));
  const byRel = new Map<string, Photo>();
  for (const req of requests) {
    const prior = known.get(existing.get(`media:${req.rel}`)?.targetId ?? '');
    if (prior) {
      byRel.set(req.rel, prior);
      report.media.unchanged++;
    } else if (!options.media) report.media.skipped++;
    else {
      try {
        const media = await importPhoto(db, options.storage, options.media, agencyId, options.actorId, req);
        await saveImported(db, agencyId, 'wordpress', [
          { kind: 'media', sourceKey: req.rel, targetId: media.id, contentHash: photoHash(req) },
        ]);
        byRel.set(req.rel, media);
        report.media.created++;
        redirects.set(`upload:${req.rel}`, options.storage.url(`${media.storageKey}/${ORIGINAL_FILE}`));
      } catch (err) {
        report.media.failed++;
        report.mediaFailures.push(mediaFailure(req, err));
      }
    }
  }
  return byRel;
}

export async function importPhotos(
  db: Db,
  options: ImportOptions,
  existing: Map<string, ImportedRow>,
  report: ImportReport,
  redirects: Map<string, string>,
): Promise<PhotoIndex> {
  const byRel = await bringOver(db, options, existing, report, redirects);
  const relOfAttachment = new Map<number, string>();
  const children = new Map<number, number[]>();
  for (const item of options.wxr.items) {
    if (item.kind !== 'attachment') continue;
    const rel = item.attachedFile || uploadsPath(item.attachmentUrl);
    if (rel) relOfAttachment.set(item.wpId, rel);
    children.set(item.parentId, [...(children.get(item.parentId) ?? []), item.wpId]);
  }
  const find = (rel: string | null | undefined) =>
    rel ? (byRel.get(rel) ?? byRel.get(withoutSize(rel))) : undefined;
  const idFor = (id: number) => find(relOfAttachment.get(id))?.id ?? null;
  return {
    urlFor(src, attachmentId) {
      const photo =
        (attachmentId ? find(relOfAttachment.get(attachmentId)) : undefined) ?? find(uploadsPath(src));
      return photo ? inlineUrl(options.storage, photo) : null;
    },
    idFor,
    childrenOf: (postId) => (children.get(postId) ?? []).map(idFor).filter((x): x is string => !!x),
  };
}
