import type { FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import { SESSION_COOKIE } from '../accounts/sessions.js';
import type { Config } from '../config.js';
import { ValidationError, type AppError } from '../errors.js';
import { ImageTooLargeError } from './image.js';
import { mediaMessages as m } from './messages.js';

/** The text fields that travel with a photo; any other field is dropped. */
const FIELDS = new Set(['_csrf', 'alt', 'caption', 'credit']);
const PHOTO_FIELD = 'file';

export interface Upload {
  fields: Record<string, string>;
  file?: { buffer: Buffer; filename: string };
  /** a refusal found while reading (too large, two files): reported after the caller is authorised */
  error?: AppError;
}

function refusal(err: unknown): AppError | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new ImageTooLargeError();
  if (code === 'FST_FILES_LIMIT') return new ValidationError({ file: m.oneFile }, m.oneFile);
  return undefined;
}

async function take(part: Multipart, upload: Upload): Promise<void> {
  if (part.type === 'file') {
    // Read even when unwanted: an unread file stream would stall the rest of the request.
    const buffer = await part.toBuffer();
    if (part.fieldname === PHOTO_FIELD) upload.file = { buffer, filename: part.filename };
  } else if (FIELDS.has(part.fieldname) && typeof part.value === 'string') {
    upload.fields[part.fieldname] = part.value;
  }
}

/** Reads a multipart body whole: the photo into memory (at most MAX_UPLOAD_BYTES) and its text fields. */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  const upload: Upload = { fields: {} };
  try {
    for await (const part of request.parts()) await take(part, upload);
  } catch (err) {
    const error = refusal(err);
    if (!error) throw err;
    upload.error = error;
  }
  return upload;
}

const uploads = new WeakMap<FastifyRequest, Upload>();

/**
 * preValidation for the upload routes. The CSRF check (a preHandler) reads `_csrf` from the body, and
 * the body schema checks alt, caption and credit, so the multipart body is read here, before both.
 * Only for a caller who at least presents a session or a token: an anonymous stranger gets nothing
 * buffered (the CSRF check or the sign-in check then refuses them as usual).
 */
export async function bufferUpload(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const presentsCredentials = request.url.startsWith('/api/')
    ? /^Bearer\s/i.test(request.headers.authorization ?? '')
    : Boolean(request.cookies[SESSION_COOKIE]);
  if (!presentsCredentials) {
    // Nothing to validate: let the sign-in (401) or CSRF (403) check answer, not the body schema.
    request.body = {};
    return;
  }
  const upload = await readUpload(request);
  uploads.set(request, upload);
  request.body = upload.fields;
}

/** What bufferUpload read; a request that was not multipart at all gets "choose a photo". */
export function uploadOf(request: FastifyRequest): Upload {
  return uploads.get(request) ?? { fields: {} };
}

/** Per address: generous for an office sending a morning's photos behind one NAT, tight for a flood. */
export function uploadRateLimit(config: Config) {
  return { rateLimit: config.rateLimit ? { max: 120, timeWindow: '1 minute' } : (false as const) };
}
