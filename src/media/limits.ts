/** A 12-megapixel phone photo is about 5 MB; 15 MB leaves room without inviting abuse. */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
/** Checked from the header before decoding: no decompression bombs. 50 MP covers any phone camera. */
export const MAX_PIXELS = 50_000_000;
