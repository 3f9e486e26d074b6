import type { Sharp } from 'sharp';
import type { MediaWarning } from './media.table.js';

/** Measured on a greyscale copy this wide: enough detail to judge focus, cheap to scan in JavaScript. */
const ANALYSIS_SIDE = 512;
/**
 * Below this (contrast-normalised) variance of the Laplacian a photo reads as out of focus at phone size.
 * Calibrated at ANALYSIS_SIDE (quality.test.ts): crisp fixtures and real photos measure 650–3,800; the same
 * 1600 px scene blurred with sigma 2 measures ~250, sigma 3 ~110, sigma 5 ~35, sigma 8 ~14.
 */
export const BLUR_THRESHOLD = 80;
/** A cover is cropped to 1200×630 for link previews; narrower photos are enlarged and look soft. */
export const COVER_MIN_WIDTH = 1200;
/** Mean luminance (0–255) under which a photo looks too dark on a phone screen outdoors. */
export const DARK_THRESHOLD = 60;

export interface ImageStats {
  meanLuminance: number;
  /** variance of the 4-neighbour Laplacian: high for crisp edges, low for blur */
  sharpness: number;
}

/** Contrast stretch from the 1st to the 99th percentile: a dim but crisp photo must not read as blurred. */
function contrastGain(grey: Uint8Array): number {
  const histogram = new Array<number>(256).fill(0);
  for (const v of grey) histogram[v] = (histogram[v] ?? 0) + 1;
  const cut = grey.length * 0.01;
  let low = 0;
  for (let seen = 0; low < 255 && seen + (histogram[low] ?? 0) <= cut; low++) seen += histogram[low] ?? 0;
  let high = 255;
  for (let seen = 0; high > 0 && seen + (histogram[high] ?? 0) <= cut; high--) seen += histogram[high] ?? 0;
  // Capped, so the noise of a nearly flat frame is not blown up into "detail".
  return Math.min(255 / Math.max(high - low, 1), 8);
}

/** Variance of the 4-neighbour Laplacian over the interior pixels. */
function laplacianVariance(grey: Uint8Array, width: number, height: number): number {
  let sum = 0;
  let squares = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const v =
        4 * (grey[i] ?? 0) -
        (grey[i - 1] ?? 0) -
        (grey[i + 1] ?? 0) -
        (grey[i - width] ?? 0) -
        (grey[i + width] ?? 0);
      sum += v;
      squares += v * v;
      n += 1;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return squares / n - mean * mean;
}

/** Mean luminance and focus of a photo, from a small greyscale copy. */
export async function analyse(image: Sharp): Promise<ImageStats> {
  const { data, info } = await image
    .resize({ width: ANALYSIS_SIDE, height: ANALYSIS_SIDE, fit: 'inside', withoutEnlargement: true })
    .greyscale()
    .extractChannel(0)
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const grey = new Uint8Array(data.buffer, data.byteOffset, info.width * info.height);
  let total = 0;
  for (const v of grey) total += v;
  const gain = contrastGain(grey);
  return {
    meanLuminance: grey.length ? total / grey.length : 0,
    sharpness: laplacianVariance(grey, info.width, info.height) * gain * gain,
  };
}

export function warningsFor(width: number, stats: ImageStats): MediaWarning[] {
  const warnings: MediaWarning[] = [];
  if (width < COVER_MIN_WIDTH) warnings.push('too_small_for_cover');
  if (stats.sharpness < BLUR_THRESHOLD) warnings.push('blurred');
  if (stats.meanLuminance < DARK_THRESHOLD) warnings.push('too_dark');
  return warnings;
}
