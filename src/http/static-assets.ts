import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import mime from 'mime-types';
import { encodingClass, etagMatches, type Encoding } from './page-cache.rules.js';

/*
 * The fingerprinted files of public/ (src/views/assets.ts puts their content hash in each URL),
 * compressed once, not per request: brotli at its best quality and gzip at 9, in memory, the first
 * time each is asked for. Variants are keyed by the file's content hash, and the file is read
 * again whenever its size or modification time changes, so a compressed copy is never stale and
 * no .br or .gz file is ever written beside the sources. Served with a strong ETag per variant,
 * Last-Modified, Vary: Accept-Encoding and the year-long immutable cache the URLs allow.
 * @fastify/compress is told to leave these alone.
 */

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** What these files may be cached for: a new content means a new URL. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
const COMPRESSIBLE =
  /^(text\/|image\/svg\+xml|application\/(javascript|json|xml|manifest\+json|[a-z.+-]*\+(xml|json)))/;

interface Loaded {
  mtimeMs: number;
  size: number;
  hash: string;
  type: string;
  compressible: boolean;
  lastModified: string;
  body: Buffer;
}

interface Variant {
  encoding: Encoding;
  body: Buffer;
  etag: string;
}

function compress(body: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
  if (encoding === 'gzip') return gzip(body, { level: 9 });
  return brotli(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/** The files of one folder, each read and compressed once per content. */
export class AssetStore {
  private readonly files = new Map<string, Loaded>();
  /** by `hash encoding`; null when compressing made it no smaller */
  private readonly variants = new Map<string, Promise<Buffer | null>>();

  constructor(private readonly root: string) {}

  /** The absolute path of a file under the root, or undefined for anything outside it or hidden. */
  resolve(relative: string): string | undefined {
    if (relative.includes('\0')) return undefined;
    const segments = relative.split(/[\\/]/);
    if (segments.some((s) => s.startsWith('.'))) return undefined;
    const absolute = path.resolve(this.root, relative);
    return absolute.startsWith(this.root + path.sep) ? absolute : undefined;
  }

  /** The file as it is on disk now, or undefined when there is no such file. */
  async load(file: string): Promise<Loaded | undefined> {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const known = this.files.get(file);
    if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known;
    const body = await readFile(file);
    const type = mime.contentType(path.extname(file)) || 'application/octet-stream';
    const loaded: Loaded = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      hash: createHash('sha256').update(body).digest('base64url').slice(0, 27),
      type,
      compressible: COMPRESSIBLE.test(type),
      lastModified: info.mtime.toUTCString(),
      body,
    };
    if (known && known.hash !== loaded.hash) this.forget(known.hash);
    this.files.set(file, loaded);
    return loaded;
  }

  /** The representation for a visitor accepting `accepted`: compressed when that is smaller. */
  async variant(file: Loaded, accepted: Encoding): Promise<Variant> {
    if (file.compressible && accepted !== 'identity') {
      const key = `${file.hash} ${accepted}`;
      let compressed = this.variants.get(key);
      if (!compressed) {
        compressed = compress(file.body, accepted).then((out) =>
          out.length < file.body.length ? out : null,
        );
        this.variants.set(key, compressed);
      }
      const body = await compressed;
      if (body) return { encoding: accepted, body, etag: `"${file.hash}-${accepted}"` };
    }
    return { encoding: 'identity', body: file.body, etag: `"${file.hash}"` };
  }

  private forget(hash: string): void {
    this.variants.delete(`${hash} br`);
    this.variants.delete(`${hash} gzip`);
  }
}

/** RFC 9110's order: If-None-Match when sent, else If-Modified-Since. */
function notModified(request: FastifyRequest, etag: string, file: Loaded): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch) return etagMatches(ifNoneMatch, etag);
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(file.mtimeMs / 1000) * 1000 <= since;
}

async function serve(
  store: AssetStore,
  request: FastifyRequest<{ Params: { '*': string } }>,
  reply: FastifyReply,
) {
  const absolute = store.resolve(request.params['*']);
  const file = absolute === undefined ? undefined : await store.load(absolute);
  if (!file) return reply.callNotFound();
  const variant = await store.variant(file, encodingClass(request.headers['accept-encoding']));
  reply
    .header('content-type', file.type)
    .header('cache-control', ASSET_CACHE_CONTROL)
    .header('last-modified', file.lastModified)
    .header('etag', variant.etag);
  if (file.compressible) reply.header('vary', 'accept-encoding');
  if (variant.encoding !== 'identity') reply.header('content-encoding', variant.encoding);
  if (notModified(request, variant.etag, file)) return reply.code(304).send();
  return reply.send(variant.body);
}

/**
 * Serves the folder `root` at the URL path `base` (ending in a slash), as @fastify/static did, but
 * precompressed. (Not `prefix`: Fastify would prefix the route with it a second time.)
 */
export async function staticAssetsPlugin(app: FastifyInstance, opts: { root: string; base: string }) {
  const store = new AssetStore(path.resolve(opts.root));
  app.get<{ Params: { '*': string } }>(
    `${opts.base}*`,
    {
      compress: false,
      schema: { params: { type: 'object', properties: { '*': { type: 'string' } } } },
    },
    (request, reply) => serve(store, request, reply),
  );
}
