import type { FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import { SESSION_COOKIE } from '../accounts/sessions.js';
import { ValidationError, type AppError } from '../errors.js';
import { m } from './messages.js';
import { MAX_WXR_BYTES } from './wordpress.parse.js';

const FIELDS = new Set(['_csrf', 'fetch_media']);

export interface WxrUpload {
  fields: Record<string, string>;
  xml?: string;
  error?: AppError;
}

async function take(part: Multipart, upload: WxrUpload): Promise<void> {
  if (part.type === 'file') {
    // Read even when unwanted: an unread file stream would stall the rest of the request.
    const buffer = await part.toBuffer();
    if (part.fieldname === 'file' && buffer.length) upload.xml = buffer.toString('utf8');
  } else if (FIELDS.has(part.fieldname) && typeof part.value === 'string') {
    upload.fields[part.fieldname] = part.value;
  }
}

const uploads = new WeakMap<FastifyRequest, WxrUpload>();

/**
 * preValidation of the upload route, like src/media/upload.ts: the CSRF check reads `_csrf` from the
 * body, so the multipart body is read first, with this route's own cap (an export is larger than a
 * photo), and only for a caller who presents a session.
 */
export async function bufferWxr(request: FastifyRequest): Promise<void> {
  // A form sent without the file (urlencoded) keeps its fields: the handler then asks for the file.
  if (!request.isMultipart()) return;
  if (!request.cookies[SESSION_COOKIE]) {
    request.body = {};
    return;
  }
  const upload: WxrUpload = { fields: {} };
  try {
    const parts = request.parts({ limits: { fileSize: MAX_WXR_BYTES, files: 1, fields: 5 } });
    for await (const part of parts) await take(part, upload);
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    if (code !== 'FST_REQ_FILE_TOO_LARGE' && code !== 'FST_FILES_LIMIT') throw err;
    const message =
      code === 'FST_REQ_FILE_TOO_LARGE' ? m.tooLarge(MAX_WXR_BYTES / 1024 / 1024) : m.fileRequired;
    upload.error = new ValidationError({ file: message }, message);
    delete upload.xml;
  }
  uploads.set(request, upload);
  request.body = upload.fields;
}

export const wxrUploadOf = (request: FastifyRequest): WxrUpload => uploads.get(request) ?? { fields: {} };
