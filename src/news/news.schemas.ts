import { Type, type Static } from '@sinclair/typebox';
import { Text } from '../http/schema.js';

const MEDIA_ID = { maxLength: 60, pattern: '^[0-9a-f-]{36}$', 'x-error': 'Foto tidak dikenal.' };

/**
 * A post as the API sends it. The admin form posts the same names; its tags arrive as one
 * comma-separated text and its gallery as repeated fields, normalised in the route.
 */
export const PostInput = Type.Object({
  title: Text('Judul', 200),
  summary: Type.Optional(Text('Ringkasan', 500, { required: false })),
  body_html: Type.Optional(Type.String({ title: 'Isi', maxLength: 200_000 })),
  category: Type.Optional(Text('Kategori', 40, { required: false })),
  tags: Type.Optional(Type.Array(Text('Tag', 40), { title: 'Tag', maxItems: 20 })),
  cover_media_id: Type.Optional(
    Type.String({
      title: 'Foto sampul',
      maxLength: 60,
      pattern: '^$|^[0-9a-f-]{36}$',
      'x-error': 'Foto sampul tidak dikenal.',
    }),
  ),
  gallery_media_ids: Type.Optional(
    Type.Array(Type.String({ title: 'Galeri', ...MEDIA_ID }), { title: 'Galeri', maxItems: 30 }),
  ),
  activity_date: Type.Optional(
    Type.String({
      title: 'Tanggal kegiatan',
      maxLength: 10,
      pattern: '^$|^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
      'x-error': 'Tanggal kegiatan harus berupa tanggal, misalnya 2026-11-28.',
    }),
  ),
  region: Type.Optional(Text('Kelurahan', 60, { required: false })),
});
export type PostInput = Static<typeof PostInput>;

export const POST_ACTIONS = ['submit', 'publish', 'reject', 'unpublish', 'schedule'] as const;
export type PostAction = (typeof POST_ACTIONS)[number];
