import { Type, type Static } from '@sinclair/typebox';
import { Text, SLUG_PATTERN } from '../http/schema.js';
import { MEDIA_WARNINGS } from './media.table.js';

/** The words that go with a photo; shared by the upload form, the edit form and the API. */
export const mediaTextFields = {
  alt: Type.Optional(
    Text('Teks alternatif', 300, {
      required: false,
      description: 'Isi foto bagi pembaca yang tidak dapat melihatnya; wajib sebelum terbit',
    }),
  ),
  caption: Type.Optional(Text('Keterangan foto', 1000, { required: false })),
  credit: Type.Optional(Text('Fotografer', 150, { required: false })),
};

export const MediaTextInput = Type.Object(mediaTextFields);
export type MediaTextInput = Static<typeof MediaTextInput>;

/**
 * The multipart upload as the API documents it. The photo itself is read from the stream (see
 * upload.ts), so validation only ever sees the text fields.
 */
export const MediaUploadBody = Type.Object({
  file: Type.Optional(
    Type.Unsafe<string>({
      type: 'string',
      format: 'binary',
      title: 'Foto',
      description: 'JPEG, PNG atau WebP, paling besar 15 MB dan 50 megapiksel',
    }),
  ),
  ...mediaTextFields,
});

const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** An agency and one of its photos in a path; anything that cannot be either is simply not found. */
export const MediaParams = Type.Object({
  slug: Type.String({ maxLength: 60, pattern: SLUG_PATTERN }),
  id: Type.String({ maxLength: 36, pattern: UUID_PATTERN }),
});

export const MediaJsonSchema = Type.Object(
  {
    id: Type.String(),
    url: Type.String({ description: 'foto asli yang sudah dibersihkan (JPEG, sisi terpanjang ≤ 2560 px)' }),
    width: Type.Integer(),
    height: Type.Integer(),
    alt: Type.String(),
    caption: Type.String(),
    credit: Type.String(),
    variants: Type.Array(
      Type.Object({
        width: Type.Integer(),
        format: Type.Union([Type.Literal('webp'), Type.Literal('jpeg')]),
        url: Type.String(),
      }),
    ),
    warnings: Type.Array(Type.Unsafe<string>({ type: 'string', enum: [...MEDIA_WARNINGS] })),
    og_url: Type.String({ description: 'potongan 1200×630 untuk pratinjau tautan (og:image)' }),
  },
  { $id: 'Media' },
);
