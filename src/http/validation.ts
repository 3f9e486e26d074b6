import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { t } from '../i18n/index.js';

// ajv-formats ships CommonJS with a default export object
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    coerceTypes,
    useDefaults: true,
    removeAdditional: true,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

// JSON bodies keep their types (a number is not quietly a name); query strings and params are text, so coerce.
const bodyAjv = makeAjv(false);
const textAjv = makeAjv('array');

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  const validate: ValidateFunction = (httpPart === 'body' ? bodyAjv : textAjv).compile(schema);
  return validate as ReturnType<FastifySchemaCompiler<object>>;
};

interface FieldSchema {
  title?: string;
  minLength?: number;
  'x-error'?: string;
  properties?: Record<string, FieldSchema>;
}

const typeNames: Record<string, string> = {
  string: 'teks',
  integer: 'bilangan bulat',
  number: 'angka',
  boolean: 'ya/tidak',
  array: 'daftar',
  object: 'objek',
};

function fieldName(error: ErrorObject): string {
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return path ? `${path}.${missing}` : missing;
  }
  return path;
}

function label(error: ErrorObject, field: string): string {
  const parent = error.parentSchema as FieldSchema | undefined;
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return parent?.properties?.[missing]?.title ?? missing;
  }
  return parent?.title ?? (field || 'Data');
}

const isRequired = (schema: FieldSchema | undefined) => (schema?.minLength ?? 0) >= 1;

function message(error: ErrorObject, field: string): string {
  const name = label(error, field);
  const parent = error.parentSchema as FieldSchema | undefined;
  const params = error.params as Record<string, unknown>;
  const m = t.validation;
  switch (error.keyword) {
    case 'required':
      return m.required(name);
    case 'minLength':
      // An empty field is missing, whatever its minimum: "wajib diisi" rather than "at least 5".
      if (params.limit === 1 || (typeof error.data === 'string' && error.data.trim() === ''))
        return m.required(name);
      return m.minLength(name, Number(params.limit));
    case 'maxLength':
      return m.maxLength(name, Number(params.limit));
    case 'pattern':
      if (typeof error.data === 'string' && error.data.trim() === '' && isRequired(parent))
        return m.required(name);
      return parent?.['x-error'] ?? m.pattern(name);
    case 'format':
      return params.format === 'email' ? m.email(name) : m.format(name);
    case 'type':
      if (!field) return m.bodyType;
      return m.type(name, typeNames[String(params.type)] ?? String(params.type));
    case 'enum':
      return m.enum(name);
    case 'minimum':
      return m.minimum(name, Number(params.limit));
    case 'maximum':
      return m.maximum(name, Number(params.limit));
    case 'minItems':
      return m.minItems(name, Number(params.limit));
    case 'maxItems':
      return m.maxItems(name, Number(params.limit));
    case 'additionalProperties':
      return m.unknownField(String(params.additionalProperty));
    default:
      return parent?.['x-error'] ?? m.format(name);
  }
}

/** AJV errors → one Indonesian message per field (the first one found for that field). */
export function fieldErrors(errors: readonly ErrorObject[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const field = fieldName(error);
    const key = field || '_';
    fields[key] ??= message(error, field);
  }
  return fields;
}

/**
 * Validates data a route has normalised itself (a form whose checkboxes and comma lists become
 * arrays) against the same schema the API uses. Returns field messages, or null when valid.
 */
export function validateBody(schema: object, data: unknown): Record<string, string> | null {
  const validate = bodyAjv.compile(schema);
  return validate(data) ? null : fieldErrors(validate.errors ?? []);
}
