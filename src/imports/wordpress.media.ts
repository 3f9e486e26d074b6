import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { MAX_UPLOAD_BYTES } from '../media/limits.js';
import { uploadMedia } from '../media/media.service.js';
import type { Media } from '../media/media.table.js';
import { variantsOf } from '../media/media.presenter.js';
import { ORIGINAL_FILE } from '../media/image.js';
import type { Storage } from '../storage/storage.js';
import { m } from './messages.js';
import type { WxrItem } from './wordpress.parse.js';

/** Where the old site's photos come from: its uploads folder copied here, or fetched over HTTP. */
export type MediaSource = { kind: 'uploads'; dir: string } | { kind: 'fetch'; timeoutMs?: number } | null;

const FETCH_TIMEOUT_MS = 20_000;

/** "…/wp-content/uploads/2021/05/foto-300x200.jpg?x" → "2021/05/foto-300x200.jpg" */
export function uploadsPath(url: string): string | null {
  const match = /\/wp-content\/uploads\/([^?#]+)/.exec(url);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/** WordPress's resized copies ("foto-300x200.jpg") all lead back to the one original. */
export const withoutSize = (p: string): string => p.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, '$1');

/** The file served for an image inside a post: the widest JPEG variant up to 1280, else the original. */
export function inlineUrl(storage: Storage, media: Pick<Media, 'storageKey' | 'variants'>): string {
  const jpegs = variantsOf(media)
    .filter((v) => v.format === 'jpeg' && v.width <= 1280)
    .sort((a, b) => b.width - a.width);
  return storage.url(jpegs[0]?.key ?? `${media.storageKey}/${ORIGINAL_FILE}`);
}

async function fromUploads(dir: string, rel: string): Promise<Buffer> {
  const root = path.resolve(dir);
  const file = path.resolve(root, rel);
  // The export names the path; it must not lead out of the uploads folder.
  if (!file.startsWith(root + path.sep)) throw new Error('path outside uploads');
  const info = await stat(file);
  if (info.size > MAX_UPLOAD_BYTES) throw new Error('file too large');
  return readFile(file);
}

async function fetchCapped(url: string, timeoutMs: number): Promise<Buffer> {
  if (!/^https?:\/\//i.test(url)) throw new Error('not http');
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_UPLOAD_BYTES) throw new Error('file too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Uint8Array).length;
    if (size > MAX_UPLOAD_BYTES) throw new Error('file too large');
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

export interface ImportedPhoto {
  media: Media;
  created: boolean;
}

export interface PhotoRequest {
  /** the uploads path, also the dedupe key */
  rel: string;
  url: string;
  alt: string;
  caption: string;
}

export const photoHash = (req: PhotoRequest) => createHash('sha256').update(req.rel).digest('hex');

/** Reads or fetches one photo and sends it through the media pipeline (sniffing, EXIF out, variants). */
export async function importPhoto(
  db: Db,
  storage: Storage,
  source: Exclude<MediaSource, null>,
  agencyId: string,
  actorId: string | null,
  req: PhotoRequest,
): Promise<Media> {
  const buffer =
    source.kind === 'uploads'
      ? await fromUploads(source.dir, req.rel)
      : await fetchCapped(req.url, source.timeoutMs ?? FETCH_TIMEOUT_MS);
  return uploadMedia(db, storage, {
    agencyId,
    actorId,
    buffer,
    filename: path.basename(req.rel),
    alt: req.alt,
    caption: req.caption,
  });
}

/** Every photo the export names: attachments, then images in bodies that no attachment covers. */
export function photosOf(items: readonly WxrItem[]): PhotoRequest[] {
  const byRel = new Map<string, PhotoRequest>();
  for (const item of items) {
    if (item.kind !== 'attachment') continue;
    const rel = item.attachedFile || uploadsPath(item.attachmentUrl);
    if (!rel || !/\.(jpe?g|png|webp)$/i.test(rel)) continue;
    byRel.set(rel, { rel, url: item.attachmentUrl, alt: item.alt || item.title, caption: item.excerpt });
  }
  for (const item of items) {
    if (item.kind === 'attachment') continue;
    for (const match of item.content.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)) {
      const rel = uploadsPath(match[1]!);
      if (!rel) continue;
      const original = withoutSize(rel);
      if (byRel.has(original) || byRel.has(rel)) continue;
      byRel.set(original, { rel: original, url: match[1]!.replace(rel, original), alt: '', caption: '' });
    }
  }
  return [...byRel.values()];
}

/** The report's line for a photo that failed; a refused field (a spam caption) says what was wrong. */
export const mediaFailure = (req: PhotoRequest, err: unknown) =>
  m.mediaFailed(
    req.url || req.rel,
    err instanceof AppError && err.fields
      ? Object.values(err.fields).join(' ')
      : err instanceof Error
        ? err.message
        : String(err),
  );
