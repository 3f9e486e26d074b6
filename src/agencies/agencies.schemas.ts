import { Type, type Static } from '@sinclair/typebox';
import { Choice, Email, Slug, SLUG_PATTERN, Text } from '../http/schema.js';
import { AGENCY_KINDS } from './agencies.table.js';

const SocialUrl = (title: string) =>
  Text(title, 200, {
    required: false,
    pattern: '^\\s*$|^\\s*https?://[^\\s<>"]+\\s*$',
    error: `${title} harus berupa alamat lengkap yang diawali https://`,
  });

const HOST = '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,}$';

/** The profile an agency admin keeps current; shared by the admin form and the API. */
export const agencyProfileFields = {
  name: Text('Nama', 150),
  short_name: Text('Nama singkat', 40),
  description: Text('Tugas dan fungsi', 4000, { required: false }),
  address: Text('Alamat', 300, { required: false }),
  phone: Text('Telepon', 40, {
    required: false,
    pattern: '^[0-9+() .-]*$',
    error: 'Telepon hanya boleh berisi angka, spasi, tanda +, tanda kurung dan tanda hubung.',
  }),
  email: Email('Email', false),
  service_hours: Text('Jam layanan', 200, { required: false }),
  instagram: SocialUrl('Instagram'),
  facebook: SocialUrl('Facebook'),
  youtube: SocialUrl('YouTube'),
  x: SocialUrl('X (Twitter)'),
};

export const AgencyProfileInput = Type.Object(agencyProfileFields);
export type AgencyProfileInput = Static<typeof AgencyProfileInput>;

/** An agency named in a path; anything that cannot be a slug is simply not found (404). */
export const SlugParams = Type.Object({ slug: Type.String({ maxLength: 60, pattern: SLUG_PATTERN }) });

export const slugError =
  'Slug hanya boleh berisi huruf kecil, angka dan tanda hubung, 2–40 karakter, misalnya "dinkes".';

export const AgencyCreateInput = Type.Object({
  slug: Slug('Slug', slugError),
  kind: Choice('Jenis', AGENCY_KINDS),
  parent: Type.Optional(Text('Induk', 40, { required: false })),
  name: agencyProfileFields.name,
  short_name: agencyProfileFields.short_name,
  description: Type.Optional(agencyProfileFields.description),
  address: Type.Optional(agencyProfileFields.address),
  phone: Type.Optional(agencyProfileFields.phone),
  email: Type.Optional(agencyProfileFields.email),
  service_hours: Type.Optional(agencyProfileFields.service_hours),
  instagram: Type.Optional(agencyProfileFields.instagram),
  facebook: Type.Optional(agencyProfileFields.facebook),
  youtube: Type.Optional(agencyProfileFields.youtube),
  x: Type.Optional(agencyProfileFields.x),
  hosts: Type.Optional(
    Type.Array(
      Type.String({
        title: 'Nama host',
        maxLength: 253,
        pattern: HOST,
        'x-error': 'Nama host tidak sah, contoh: dinkes.pontianak.go.id.',
      }),
      {
        title: 'Nama host',
        maxItems: 10,
      },
    ),
  ),
});
export type AgencyCreateInput = Static<typeof AgencyCreateInput>;

export const AgencyJson = Type.Object(
  {
    slug: Type.String(),
    name: Type.String(),
    short_name: Type.String(),
    kind: Type.String(),
    parent: Type.Union([Type.String(), Type.Null()]),
    url: Type.String(),
  },
  { $id: 'Agency' },
);

/** What only the super admin changes: the kind, the parent and the host names (one per line). */
export const AgencyIdentityInput = Type.Object({
  kind: Choice('Jenis', AGENCY_KINDS),
  parent: Text('Induk', 40, { required: false }),
  hosts: Text('Nama host', 2000, { required: false }),
});
export type AgencyIdentityInput = Static<typeof AgencyIdentityInput>;

export const HOST_PATTERN = new RegExp(HOST);
