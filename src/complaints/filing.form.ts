import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import { AppError } from '../errors.js';
import { MAX_UPLOAD_BYTES } from '../media/limits.js';
import { ATTACHMENT_FIELD, attachmentMessages, MAX_ATTACHMENTS } from './complaints.attachments.js';
import type { ComplaintInput } from './complaints.schemas.js';
import { errors as e } from './messages.js';

/*
 * Reading the public complaint form: a multipart body (the files travel with the form, so it works
 * without JavaScript) or, from a client that sends no files, a urlencoded one. Only known fields are
 * kept; a file too large or one too many is noted and the rest of the form still read, so what the
 * person typed after the file input is not lost.
 */

/** The visually hidden field a person never sees: a value in it means a robot filled the form. */
export const HONEYPOT_FIELD = 'situs_web';

export const TEXT_FIELDS = [
  'class',
  'title',
  'description',
  'category',
  'kelurahan',
  'address',
  'lat',
  'lng',
  'occurred_on',
  'reporter_name',
  'reporter_email',
  'reporter_phone',
  'reporter_nik',
] as const;
const CHECKBOXES = ['anonymous', 'confidential', 'consent'] as const;
const FIELDS = new Set<string>([
  '_csrf',
  'submission_key',
  'altcha',
  HONEYPOT_FIELD,
  ...TEXT_FIELDS,
  ...CHECKBOXES,
]);

export interface FilingForm {
  fields: Record<string, string>;
  files: { buffer: Buffer; filename: string }[];
  /** a problem with the files found while reading (too large, too many) */
  fileError?: string;
}

/** Bytes of one text field: room for the longest description (5,000 characters of 4-byte UTF-8). */
const FIELD_BYTES = 32 * 1024;

async function take(part: Multipart, form: FilingForm): Promise<void> {
  if (part.type === 'file') {
    if (part.fieldname !== ATTACHMENT_FIELD || form.files.length >= MAX_ATTACHMENTS) {
      // Drained, not buffered: an unread stream would stall the rest of the form.
      for await (const chunk of part.file) void chunk;
      if (part.fieldname === ATTACHMENT_FIELD && part.filename) form.fileError ??= attachmentMessages.tooMany;
      return;
    }
    const buffer = await part.toBuffer();
    if (part.file.truncated) {
      form.fileError ??= `${part.filename}: ${attachmentMessages.tooLarge}`;
      return;
    }
    // An empty file input still sends a part, with no name and no bytes.
    if (part.filename || buffer.length) form.files.push({ buffer, filename: part.filename });
  } else if (FIELDS.has(part.fieldname) && typeof part.value === 'string') {
    form.fields[part.fieldname] = part.value;
  }
}

function refusal(err: unknown): AppError {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  if (status === 413)
    return new AppError(413, 'body_too_large', 'Kiriman terlalu besar atau berisi terlalu banyak isian.');
  return new AppError(
    400,
    'bad_multipart',
    'Formulir tidak terkirim utuh. Muat ulang halaman, lalu kirim lagi.',
  );
}

export async function readFilingForm(request: FastifyRequest): Promise<FilingForm> {
  const form: FilingForm = { fields: {}, files: [] };
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(body))
      if (FIELDS.has(name) && typeof value === 'string') form.fields[name] = value;
    return form;
  }
  try {
    // The app's default allows one file; this form takes several, each as large as a news photo. A
    // file over the size is cut short and flagged (`truncated`) rather than thrown, so reading goes on.
    // (The plugin honours throwFileSizeLimit here; its type for parts() leaves it out.)
    const options = {
      limits: { files: 20, fileSize: MAX_UPLOAD_BYTES, fields: 40, parts: 80, fieldSize: FIELD_BYTES },
      throwFileSizeLimit: false,
    };
    for await (const part of request.parts(options)) await take(part, form);
  } catch (err) {
    throw refusal(err);
  }
  return form;
}

/** The form's one-time key: 128 random bits. */
export const newSubmissionKey = (): string => randomBytes(16).toString('base64url');
export const isSubmissionKey = (value: string | undefined): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{22}$/.test(value);

/** A coordinate as a person types it: a decimal point or comma (Indonesian), a sign, spaces around. */
function coordinate(value: string | undefined): number | undefined | 'bad' {
  const text = (value ?? '')
    .trim()
    .replace(/^\u2212/, '-')
    .replace(',', '.');
  if (text === '') return undefined;
  return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : 'bad';
}

const PIN = {
  lat: { max: 90, messages: { bad: e.latNotNumber, range: e.latRange } },
  lng: { max: 180, messages: { bad: e.lngNotNumber, range: e.lngRange } },
} as const;

/**
 * The map pin's two fields, checked here so each gets its own words: not a number, out of range, or
 * one without the other (said beside the empty one).
 */
export function pinErrors(fields: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  const values = { lat: coordinate(fields.lat), lng: coordinate(fields.lng) };
  for (const name of ['lat', 'lng'] as const) {
    const value = values[name];
    if (value === 'bad') errors[name] = PIN[name].messages.bad;
    else if (value !== undefined && Math.abs(value) > PIN[name].max) errors[name] = PIN[name].messages.range;
  }
  if (values.lat === undefined && values.lng !== undefined) errors.lat = e.pinIncomplete;
  if (values.lng === undefined && values.lat !== undefined) errors.lng = e.pinIncomplete;
  return errors;
}

const checked = (value: string | undefined) => value !== undefined && value !== '' && value !== 'false';

/** The flat form → the shape the JSON API and the service share. */
export function toComplaintInput(fields: Record<string, string>): ComplaintInput {
  const text = (name: string) => fields[name] ?? '';
  // Only a pin with both numbers goes on; pinErrors() has the words for anything else.
  const lat = coordinate(fields.lat);
  const lng = coordinate(fields.lng);
  const pin = typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : {};
  return {
    class: text('class') as ComplaintInput['class'],
    title: text('title'),
    description: text('description'),
    category: text('category'),
    kelurahan: text('kelurahan'),
    address: text('address'),
    ...pin,
    occurred_on: text('occurred_on'),
    reporter: {
      name: text('reporter_name'),
      email: text('reporter_email'),
      phone: text('reporter_phone'),
      nik: text('reporter_nik'),
    },
    anonymous: checked(fields.anonymous),
    confidential: checked(fields.confidential),
    consent: checked(fields.consent),
  };
}

/** Field messages from the shared schema (`reporter.name`) → the form's names (`reporter_name`). */
export function formErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([key, message]) => [
      key.startsWith('reporter.') ? `reporter_${key.slice('reporter.'.length)}` : key,
      message,
    ]),
  );
}
