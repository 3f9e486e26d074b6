import { Type, type TString } from '@sinclair/typebox';

// Control characters (tab and newlines allowed) and U+FFFD, which is what invalid UTF-8 decodes to.
const CLEAN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\uFFFD]*$';
const CLEAN_NONBLANK = '^(?=[\\s\\S]*\\S)[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\uFFFD]*$';

interface TextOptions {
  required?: boolean;
  min?: number;
  pattern?: string;
  /** message when `pattern` fails, worded for a person */
  error?: string;
  description?: string;
}

/**
 * Text a person types. The title is the field's label in messages ("Nama wajib diisi.").
 * Forms and the JSON API share these schemas.
 */
export function Text(title: string, max: number, options: TextOptions = {}): TString {
  const required = options.required ?? true;
  return Type.String({
    title,
    maxLength: max,
    ...(required ? { minLength: options.min ?? 1 } : options.min ? { minLength: options.min } : {}),
    pattern: options.pattern ?? (required ? CLEAN_NONBLANK : CLEAN),
    ...(options.error ? { 'x-error': options.error } : {}),
    ...(options.description ? { description: options.description } : {}),
  });
}

// Blank is empty: optional fields are trimmed when stored.
const EMAIL_OR_EMPTY = '^\\s*$|^\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*$';

export function Email(title = 'Email', required = true): TString {
  return required
    ? Type.String({ title, format: 'email', maxLength: 254, minLength: 1 })
    : Type.String({
        title,
        maxLength: 254,
        pattern: EMAIL_OR_EMPTY,
        'x-error': `${title} harus berupa alamat email yang benar, seperti nama@pontianak.go.id.`,
      });
}

export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

export function Slug(title: string, error: string): TString {
  return Type.String({ title, minLength: 2, maxLength: 40, pattern: SLUG_PATTERN, 'x-error': error });
}

export function Choice<T extends string>(title: string, values: readonly T[]) {
  return Type.Unsafe<T>({ type: 'string', title, enum: [...values] });
}

/** Passwords are never trimmed or pattern-checked here; the accounts service judges them. */
export function Password(title: string): TString {
  return Type.String({ title, minLength: 1, maxLength: 1000 });
}

/** The error body every API route may answer with. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      fields: Type.Optional(Type.Record(Type.String(), Type.String())),
    }),
  },
  { $id: 'ErrorBody' },
);

/** The responses for these error statuses, each the shared ErrorBody: `response: { 200: X, ...errorResponses([401, 404]) }`. */
export const errorResponses = (codes: number[]) =>
  Object.fromEntries(codes.map((c) => [c, { $ref: 'ErrorBody#' }]));
