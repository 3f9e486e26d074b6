import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { CSRF_COOKIE } from '../http/csrf.js';
import { Choice, Text } from '../http/schema.js';
import { MAX_UPLOAD_BYTES } from '../media/limits.js';
import { actOnComplaint } from './complaints.actions.js';
import {
  ATTACHMENT_FIELD,
  attachmentMessages,
  MAX_ATTACHMENTS,
  prepareAttachment,
  removeStoredAttachments,
  storeAttachments,
  type PreparedAttachment,
} from './complaints.attachments.js';
import { CITIZEN_ACTIONS, type CitizenAction } from './complaints.schemas.js';
import type { StoredAttachment } from './complaints.service.js';
import { errors as e } from './messages.js';

/*
 * The citizen's forms on the tracking page (add information with files, accept, reopen, rate): the
 * body they post, how a multipart one is read, and the one step they take.
 */

/** The form's text fields; anything else in a multipart body is dropped. */
const TEXT_FIELDS = new Set(['_csrf', 'kode', 'kunci', 'action', 'message', 'reason', 'stars', 'comment']);

export const ActionBody = Type.Object({
  kode: Text('Nomor tiket', 40),
  kunci: Text('Kunci akses', 100),
  action: Choice('Tindakan', CITIZEN_ACTIONS),
  message: Type.Optional(Text('Informasi tambahan', 5000, { required: false })),
  reason: Type.Optional(Text('Alasan', 1000, { required: false })),
  stars: Type.Optional(Type.String({ title: 'Nilai', pattern: '^[1-5]?$', 'x-error': e.starsMissing })),
  comment: Type.Optional(Text('Komentar', 2000, { required: false })),
});
export type ActionBody = {
  kode?: string;
  kunci?: string;
  action?: CitizenAction;
  message?: string;
  reason?: string;
  stars?: string;
  comment?: string;
};

interface CitizenUpload {
  files: { buffer: Buffer; filename: string }[];
  error?: string;
}
const uploads = new WeakMap<FastifyRequest, CitizenUpload>();

/**
 * preValidation for the citizen's form: the add-information form is multipart (files), and the CSRF
 * check reads `_csrf` from the body, so the body is read here first. A request without the CSRF
 * cookie could never pass that check, so nothing it sends is buffered.
 */
export async function readCitizenForm(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const fields: Record<string, string> = {};
  const upload: CitizenUpload = { files: [] };
  uploads.set(request, upload);
  if (!request.cookies[CSRF_COOKIE]) {
    request.body = fields;
    return;
  }
  try {
    for await (const part of request.parts({
      limits: { files: MAX_ATTACHMENTS, fileSize: MAX_UPLOAD_BYTES },
    })) {
      if (part.type === 'file') {
        // Read even when unwanted: an unread file stream would stall the rest of the request.
        const buffer = await part.toBuffer();
        if (part.fieldname === ATTACHMENT_FIELD && buffer.length)
          upload.files.push({ buffer, filename: part.filename });
      } else if (TEXT_FIELDS.has(part.fieldname) && typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== 'FST_REQ_FILE_TOO_LARGE' && code !== 'FST_FILES_LIMIT') throw err;
    upload.error = code === 'FST_FILES_LIMIT' ? attachmentMessages.tooMany : attachmentMessages.tooLarge;
  }
  request.body = fields;
}

/** What a multipart body brought: the files, or why they were refused while reading. */
export const uploadOf = (request: FastifyRequest): CitizenUpload => uploads.get(request) ?? { files: [] };

/**
 * Takes the citizen's step: files cleaned and stored first (outside the transaction: image work is
 * slow), then the step; when the step is refused the stored files are taken away again.
 */
export async function takeCitizenStep(
  app: FastifyInstance,
  accessKey: string,
  code: string,
  body: ActionBody & { action: CitizenAction },
  files: readonly { buffer: Buffer; filename: string }[],
): Promise<void> {
  const { action } = body;
  let stored: StoredAttachment[] = [];
  try {
    const prepared: PreparedAttachment[] = [];
    if (action === 'add_info')
      for (const f of files) prepared.push(await prepareAttachment(f.buffer, f.filename));
    stored = await storeAttachments(app.complaintFiles, prepared);
    await actOnComplaint(
      app.db,
      { kind: 'citizen', accessKey },
      code,
      {
        action,
        ...(action === 'add_info' ? { message: body.message, attachments: stored } : {}),
        ...(action === 'reopen' ? { reason: body.reason } : {}),
        ...(action === 'rate'
          ? { stars: body.stars ? Number(body.stars) : undefined, comment: body.comment }
          : {}),
      },
      { baseUrl: app.config.baseUrl },
    );
  } catch (err) {
    await removeStoredAttachments(app.complaintFiles, stored);
    throw err;
  }
}
