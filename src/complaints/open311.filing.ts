import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../db/database.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { validateBody } from '../http/validation.js';
import { formatDateTime } from '../time/format.js';
import { findCategoryByCode } from './complaints.repository.js';
import { ComplaintInput } from './complaints.schemas.js';
import { fileComplaint, type Filed } from './complaints.service.js';
import { Open311BadRequest } from './open311.requests.js';

/*
 * POST requests: a GeoReport v2 service request becomes an ordinary complaint (channel open311).
 *   - the class is pengaduan; the title is the first words of the description;
 *   - service_code is the category; lat/long, address_string, or address_id (our kelurahan slug)
 *     locate it, as the spec asks for at least one of them;
 *   - first_name + last_name are the reporter's name, email and phone the contact. Our complaints
 *     need a name and a way to reach the sender, so those are required here although the spec
 *     leaves them optional;
 *   - consent is implied by the client's terms: a client gets an api_key only after agreeing to
 *     show its users our purpose notice (UU 27/2022) and to send their data only with consent;
 *   - the report is public and not anonim (GeoReport v2 has no privacy options; GET requests
 *     shows it, never its sender); the coordinator may change the flags later;
 *   - media_url is ignored: we never fetch files from addresses a client names.
 */

const Field = (max: number) => Type.Optional(Type.String({ maxLength: max }));

export const Open311RequestBody = Type.Object({
  api_key: Field(200),
  jurisdiction_id: Field(200),
  service_code: Field(60),
  lat: Field(40),
  long: Field(40),
  address_string: Field(300),
  address_id: Field(60),
  email: Field(254),
  device_id: Field(200),
  account_id: Field(200),
  first_name: Field(60),
  last_name: Field(60),
  phone: Field(20),
  description: Field(4000),
  media_url: Field(2000),
});
export type Open311RequestBody = Static<typeof Open311RequestBody>;

/** Our field names back to the spec's, so the client is told about what it sent. */
const SPEC_FIELD: Record<string, string> = {
  title: 'description',
  description: 'description',
  category: 'service_code',
  kelurahan: 'address_id',
  address: 'address_string',
  lat: 'lat',
  lng: 'long',
  'reporter.name': 'first_name',
  reporter_name: 'first_name',
  'reporter.email': 'email',
  reporter_email: 'email',
  'reporter.phone': 'phone',
};

export const specFields = (fields: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [SPEC_FIELD[k] ?? k, v]));

const TITLE_LENGTH = 80;

/** The first words of the description, cut at a word, as the title the spec has no field for. */
export function titleFrom(description: string): string {
  const flat = description.replace(/\s+/g, ' ').trim();
  if (flat.length <= TITLE_LENGTH) return flat;
  const cut = flat.slice(0, TITLE_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function coordinate(value: string | undefined, name: string): number | undefined {
  if (!value?.trim()) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n))
    throw new ValidationError({ [name]: 'Harus berupa angka desimal (WGS84), misalnya -0.0263.' });
  return n;
}

export async function fileOpen311Request(
  db: Db,
  body: Open311RequestBody,
  context: { secret: string; baseUrl: string; timeZone: string },
): Promise<{ filed: Filed; notice: string }> {
  const code = body.service_code?.trim();
  if (!code) throw new Open311BadRequest('service_code wajib diisi.');
  if (!(await findCategoryByCode(db, code))) throw new NotFoundError(`service_code "${code}" tidak dikenal.`);
  const lat = coordinate(body.lat, 'lat');
  const lng = coordinate(body.long, 'long');
  const address = body.address_string?.trim() ?? '';
  const kelurahan = body.address_id?.trim() ?? '';
  if (lat === undefined && lng === undefined && !address && !kelurahan)
    throw new Open311BadRequest('Sertakan lokasi: lat dan long, address_string, atau address_id.');
  const description = body.description?.trim() ?? '';
  const input: ComplaintInput = {
    class: 'pengaduan',
    title: titleFrom(description),
    description,
    category: code,
    ...(kelurahan ? { kelurahan } : {}),
    ...(address ? { address } : {}),
    ...(lat !== undefined ? { lat } : {}),
    ...(lng !== undefined ? { lng } : {}),
    reporter: {
      name: [body.first_name, body.last_name]
        .map((s) => s?.trim() ?? '')
        .filter(Boolean)
        .join(' '),
      email: body.email?.trim() ?? '',
      phone: body.phone?.trim() ?? '',
    },
    anonymous: false,
    confidential: false,
    consent: true,
  };
  const invalid = validateBody(ComplaintInput, input);
  if (invalid) throw new ValidationError(specFields(invalid));
  const filed = await fileComplaint(db, input, {
    channel: 'open311',
    limitContact: true,
    secret: context.secret,
    baseUrl: context.baseUrl,
  }).catch((error: unknown) => {
    throw error instanceof ValidationError && error.fields
      ? new ValidationError(specFields(error.fields))
      : error;
  });
  const deadline = filed.complaint.deadlineAt;
  const notice = deadline
    ? `Laporan diterima dan akan diverifikasi paling lambat ${formatDateTime(deadline, context.timeZone)}.`
    : 'Laporan diterima.';
  return { filed, notice };
}
