import type SharpModule from 'sharp';
import type { JpegOptions, Metadata, Sharp } from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, ValidationError } from '../errors.js';
import { MAX_PIXELS, MAX_UPLOAD_BYTES } from './limits.js';
import { mediaMessages as m } from './messages.js';
import type { MediaWarning } from './media.table.js';
import { analyse, warningsFor } from './quality.js';

/** The long side of the cleaned original: sharper than any phone screen, far smaller than the camera's file. */
export const ORIGINAL_MAX_SIDE = 2560;
/** Responsive widths for `srcset`; none wider than the source (a smaller source adds its own width). */
export const VARIANT_WIDTHS: readonly number[] = [320, 640, 960, 1280, 1920];
/** OpenGraph's recommended link-preview size (WhatsApp, Facebook, X). */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export const ORIGINAL_FILE = 'original.jpg';
export const OG_FILE = 'og.jpg';

const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp']);
const HEIF = new Set(['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence']);
const SHARP_FORMAT: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

// Every output is sRGB without metadata: sharp strips EXIF, GPS, XMP, IPTC and ICC unless told to keep them,
// and we never call keepMetadata/withMetadata. Decoding to raw pixels first makes that structural.
// mozjpeg's trellis search costs ~3× libjpeg's time: spent on the files shared and linked (original, og),
// not on the JPEG variants, which only browsers without WebP fetch.
const JPEG = { quality: 82, mozjpeg: true } as const;
const VARIANT_JPEG = { quality: 78, progressive: true, optimiseCoding: true } as const;
const WEBP = { quality: 76, effort: 4 } as const;

export type AcceptedType = 'image/jpeg' | 'image/png' | 'image/webp';

export interface ProcessedFile {
  /** file name inside the media's storage folder */
  name: string;
  data: Buffer;
  contentType: 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
}

export interface ProcessedVariant extends ProcessedFile {
  format: 'webp' | 'jpeg';
}

export interface Processed {
  /** what the upload really was, by its content */
  sourceType: AcceptedType;
  /** the cleaned original: rotated upright, at most ORIGINAL_MAX_SIDE, no metadata */
  original: ProcessedFile;
  variants: ProcessedVariant[];
  og: ProcessedFile;
  warnings: MediaWarning[];
}

export type ImageProblem = 'empty' | 'heic' | 'not_image' | 'too_many_pixels' | 'corrupt';

/** An upload that is not a photo we can publish. 422 with the message on the `file` field. */
export class ImageRejectedError extends ValidationError {
  constructor(
    readonly problem: ImageProblem,
    message: string,
  ) {
    super({ file: message }, message);
  }
}

/** More bytes than MAX_UPLOAD_BYTES. 413, still with the message on the `file` field for forms. */
export class ImageTooLargeError extends AppError {
  constructor() {
    super(413, 'file_too_large', m.tooLarge, { file: m.tooLarge });
  }
}

interface Raw {
  data: Buffer;
  width: number;
  height: number;
  channels: 3;
}

/** Recognises the upload by its content and checks its header, before a single pixel is decoded. */
async function inspect(input: Buffer): Promise<AcceptedType> {
  if (input.length === 0) throw new ImageRejectedError('empty', m.empty);
  if (input.length > MAX_UPLOAD_BYTES) throw new ImageTooLargeError();
  const type = await fileTypeFromBuffer(input);
  if (type && HEIF.has(type.mime)) throw new ImageRejectedError('heic', m.heic);
  if (!type || !ACCEPTED.has(type.mime)) throw new ImageRejectedError('not_image', m.notImage);
  // Outside the try: sharp failing to load is the installation's fault, not a corrupt photo.
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    // Reads the header only. No pixel limit here, so a bomb is named as one below rather than "corrupt";
    // the limit still guards the decode.
    meta = await sharp(input, { limitInputPixels: false, failOn: 'error' }).metadata();
  } catch {
    throw new ImageRejectedError('corrupt', m.corrupt);
  }
  // A forged header can claim anything; the pixel count decides before decoding (no decompression bombs).
  if (!meta.width || !meta.height || meta.format !== SHARP_FORMAT[type.mime])
    throw new ImageRejectedError('corrupt', m.corrupt);
  if (meta.width * meta.height > MAX_PIXELS) throw new ImageRejectedError('too_many_pixels', m.tooManyPixels);
  return type.mime as AcceptedType;
}

/**
 * The checks an upload meets before any pixel is decoded (content type, size, pixel count), for other
 * callers that clean photos their own way (complaint attachments). Throws ImageRejectedError / ImageTooLargeError.
 */
export const inspectImage = (input: Buffer): Promise<AcceptedType> => inspect(input);

/**
 * The photo upright (by its EXIF orientation), at most ORIGINAL_MAX_SIDE, flattened onto white, in
 * sRGB. sharp writes no EXIF, GPS, XMP, IPTC or ICC unless asked to, and we never ask. Shared by
 * news photos and complaint attachments; failOn 'error' refuses damaged pixel data.
 */
export const upright = async (input: Buffer): Promise<Sharp> =>
  (await loadSharp())(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
    .autoOrient()
    .resize({ width: ORIGINAL_MAX_SIDE, height: ORIGINAL_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb');

/** One decode: upright, flattened onto white, sRGB, at most ORIGINAL_MAX_SIDE. Metadata cannot survive raw pixels. */
async function decode(input: Buffer): Promise<Raw> {
  try {
    const { data, info } = await (
      await upright(input)
    )
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: 3 };
  } catch {
    // Truncated or damaged pixel data (failOn: 'error'): better refused than published half grey.
    throw new ImageRejectedError('corrupt', m.corrupt);
  }
}

type SharpFunction = typeof SharpModule;
let sharpLoaded: Promise<SharpFunction> | undefined;

/**
 * sharp, with libvips (~18 MB resident), loaded by the first image a process handles: most processes
 * mostly serve pages and never touch one, so they need not carry it (issue 7: memory under load).
 */
function loadSharp(): Promise<SharpFunction> {
  return (sharpLoaded ??= import('sharp').then(({ default: sharp }) => {
    // libvips caches operations for reuse; every upload is new pixels, so the cache would only hold memory.
    sharp.cache(false);
    // One libvips worker thread per image: sharp's own default on glibc Linux, made the same everywhere
    // (musl or jemalloc builds default to one per core). Each thread holds its own pixel buffers and
    // allocator arena, and uploads are rare beside page views: the web process stays small (issue 7).
    sharp.concurrency(1);
    return sharp;
  }));
}

/** A pipeline over the pixels `decode` made. */
const fromRaw = async (raw: Raw) =>
  (await loadSharp())(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } });

/** The widths to make for a source `width` px wide: the standard ones below it, and the source's own. */
export function variantWidths(width: number): number[] {
  const widths = VARIANT_WIDTHS.filter((w) => w < width);
  const top = Math.min(width, Math.max(...VARIANT_WIDTHS));
  return widths.includes(top) ? widths : [...widths, top];
}

async function encode(
  raw: Raw,
  name: string,
  format: 'webp' | 'jpeg',
  width: number,
  quality: JpegOptions = VARIANT_JPEG,
): Promise<ProcessedVariant> {
  const pipeline = (await fromRaw(raw)).resize({ width, withoutEnlargement: true });
  const out = await (format === 'webp' ? pipeline.webp(WEBP) : pipeline.jpeg(quality)).toBuffer({
    resolveWithObject: true,
  });
  return {
    name,
    data: out.data,
    contentType: format === 'webp' ? 'image/webp' : 'image/jpeg',
    format,
    width: out.info.width,
    height: out.info.height,
  };
}

async function coverCrop(raw: Raw): Promise<ProcessedFile> {
  const sharp = await loadSharp();
  const data = await (
    await fromRaw(raw)
  )
    .resize(OG_WIDTH, OG_HEIGHT, { fit: 'cover', position: sharp.strategy.attention })
    .jpeg(JPEG)
    .toBuffer();
  return { name: OG_FILE, data, contentType: 'image/jpeg', width: OG_WIDTH, height: OG_HEIGHT };
}

// Phone uploads can arrive together. Each job already uses sharp's thread pool (one thread per core) and
// ~40 MB of pixels, so more jobs at once only queue inside libuv and grow memory; they wait here instead.
const MAX_JOBS = 1;
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_JOBS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/**
 * Turns an uploaded photo into what we publish: a cleaned original, WebP and JPEG variants, a
 * link-preview crop, and quality warnings. Throws ImageRejectedError / ImageTooLargeError.
 */
export async function processImage(input: Buffer): Promise<Processed> {
  const sourceType = await inspect(input);
  return inTurn(async () => {
    const raw = await decode(input);
    // One encode at a time: each already spreads over sharp's threads, and memory stays flat.
    const original = await encode(raw, ORIGINAL_FILE, 'jpeg', raw.width, JPEG);
    const variants: ProcessedVariant[] = [];
    for (const width of variantWidths(raw.width)) {
      variants.push(await encode(raw, `w${width}.webp`, 'webp', width));
      variants.push(await encode(raw, `w${width}.jpg`, 'jpeg', width));
    }
    const og = await coverCrop(raw);
    const warnings = warningsFor(raw.width, await analyse(await fromRaw(raw)));
    return { sourceType, original, variants, og, warnings };
  });
}
