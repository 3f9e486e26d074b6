import type { FastifyError, FastifyRequest } from 'fastify';
import type { FormState } from '../views/context.js';
import { AppError } from '../errors.js';
import { fieldErrors } from './validation.js';

/** Field messages from a route schema with `attachValidation: true`, or null when the body was valid. */
export function validationErrors(request: FastifyRequest): Record<string, string> | null {
  const error = request.validationError as FastifyError | undefined;
  return error?.validation ? fieldErrors(error.validation as never) : null;
}

/** What the person typed, to show again: text fields only, never passwords or the CSRF token. */
export function typedValues(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' && entry[0] !== '_csrf' && !entry[0].includes('password'),
    ),
  );
}

export function formState(request: FastifyRequest, errors: Record<string, string> = {}): FormState {
  return { values: typedValues(request.body), errors };
}

/** An AppError carrying field messages (validation, conflicts) becomes the form's messages. */
export function errorsFrom(err: unknown): Record<string, string> | null {
  if (err instanceof AppError && err.fields && err.status < 500) return err.fields;
  return null;
}

/** Only same-site paths: no open redirect through ?lanjut=. */
export function safeNext(next: unknown, fallback = '/admin'): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) && next.length < 500 ? next : fallback;
}
