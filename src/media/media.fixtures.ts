// Test photos made with sharp at test time, so no binary fixture sits in the repository.
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A deterministic PRNG (mulberry32): the same "photo" every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** A busy scene with crisp edges (shapes, lines, text) and a little sensor noise, like a real photo. */
async function scene(width: number, height: number, seed = 1, grain = 12): Promise<Buffer> {
  const next = random(seed);
  const shapes: string[] = [];
  for (let i = 0; i < 120; i++) {
    const colour = `rgb(${Math.floor(next() * 255)},${Math.floor(next() * 255)},${Math.floor(next() * 255)})`;
    const x = Math.floor(next() * width);
    const y = Math.floor(next() * height);
    const size = Math.floor((0.02 + next() * 0.12) * width);
    shapes.push(
      i % 3 === 0
        ? `<circle cx="${x}" cy="${y}" r="${size / 2}" fill="${colour}"/>`
        : i % 3 === 1
          ? `<rect x="${x}" y="${y}" width="${size}" height="${size * 0.6}" fill="${colour}"/>`
          : `<line x1="${x}" y1="${y}" x2="${x + size}" y2="${y + size}" stroke="${colour}" stroke-width="${Math.max(2, width / 400)}"/>`,
    );
  }
  const text = `<text x="${width * 0.05}" y="${height * 0.9}" font-size="${width / 14}" fill="#fff" font-family="sans-serif">Rapat koordinasi</text>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#5b8fb9"/><stop offset="1" stop-color="#e8c07d"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${shapes.join('')}${text}</svg>`;
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: grain },
    },
  })
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: noise, blend: 'soft-light' }])
    .png()
    .toBuffer();
}

export interface PhotoOptions {
  width?: number;
  height?: number;
  seed?: number;
  /** EXIF GPS, camera make and a comment, as a phone writes them; with XMP and a Display P3 profile */
  gps?: boolean;
  /** EXIF orientation tag (6: the camera was turned a quarter clockwise) */
  orientation?: number;
  quality?: number;
  /** sensor noise (standard deviation): more grain, bigger file */
  grain?: number;
}

export const GPS_EXIF = {
  IFD0: { Make: 'BalairungCam', Model: 'Uji 12', Copyright: 'Rahasia Pelapor' },
  IFD3: {
    GPSLatitudeRef: 'S',
    GPSLatitude: '0/1 1/1 4410/100',
    GPSLongitudeRef: 'E',
    GPSLongitude: '109/1 19/1 3300/100',
  },
};

const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="0,1.735S"/></rdf:RDF></x:xmpmeta>';

/** A JPEG straight from a "phone": a sharp scene, optionally carrying GPS and an orientation tag. */
export async function photoJpeg(options: PhotoOptions = {}): Promise<Buffer> {
  const { width = 1600, height = 1200, seed = 1, gps = false, orientation, quality = 90, grain } = options;
  let image = sharp(await scene(width, height, seed, grain));
  if (gps) image = image.withExif(GPS_EXIF).withXmp(XMP).withIccProfile('p3');
  if (orientation) image = image.withMetadata({ orientation });
  return image.jpeg({ quality }).toBuffer();
}

export async function photoPng(width = 1400, height = 900): Promise<Buffer> {
  return sharp(await scene(width, height, 2))
    .png()
    .toBuffer();
}

export async function photoWebp(width = 1300, height = 1000): Promise<Buffer> {
  return sharp(await scene(width, height, 3))
    .webp({ quality: 85 })
    .toBuffer();
}

/** The same scene out of focus. */
export async function blurredJpeg(width = 1600, height = 1200): Promise<Buffer> {
  return sharp(await scene(width, height, 1))
    .blur(width / 200)
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** The same scene shot at dusk without flash. */
export async function darkJpeg(width = 1600, height = 1200): Promise<Buffer> {
  return sharp(await scene(width, height, 1))
    .linear(0.18, 0)
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function tinyJpeg(): Promise<Buffer> {
  return photoJpeg({ width: 100, height: 100 });
}

export const TEXT_AS_JPEG = Buffer.from('Ini bukan foto, hanya teks dengan nama photo.jpg.\n');

export const SVG_WITH_SCRIPT = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" onload="alert(1)">' +
    '<script>alert(document.cookie)</script><rect width="100" height="100" fill="red"/></svg>',
);

/** The first part of a real JPEG: the header is fine, the pixel data stops half way. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await photoJpeg();
  return whole.subarray(0, Math.floor(whole.length / 2));
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A tiny PNG whose header (with a correct CRC) claims `width`×`height`: a decompression bomb. */
export function pngBomb(width = 30_000, height = 30_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  // The first rows of zeros: it would inflate to 2.7 GB if anyone decoded it all.
  const idat = deflateSync(Buffer.alloc(width * 3 + 1), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ISO-BMFF box branded `heic`, as an iPhone's photo begins: enough for content sniffing. */
export function heicFile(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'ascii');
  ftyp.writeUInt32BE(0, 12);
  ftyp.write('mif1heic', 16, 'ascii');
  return Buffer.concat([ftyp, Buffer.alloc(200)]);
}

/** A large "12-megapixel phone photo" of about the size phones send (for the processing measurement). */
export async function phonePhoto(): Promise<Buffer> {
  return photoJpeg({ width: 4000, height: 3000, gps: true, quality: 94, grain: 25 });
}

export interface FilePart {
  data: Buffer;
  filename?: string;
  contentType?: string;
  field?: string;
}

/** A multipart/form-data body as a browser sends it: text fields first (the CSRF token), then the file. */
export function multipart(
  fields: Record<string, string>,
  file?: FilePart,
): { payload: Buffer; headers: { 'content-type': string } } {
  const boundary = '----balairung-uji-7d1f0c';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; ` +
          `filename="${file.filename ?? 'foto.jpg'}"\r\nContent-Type: ${file.contentType ?? 'image/jpeg'}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
