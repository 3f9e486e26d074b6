import { Type, type Static } from '@sinclair/typebox';
import { Slug, Text } from '../http/schema.js';

/*
 * The installation-wide complaint categories, as the category admin edits them. `code` is the
 * Open311 service_code that apps keep: set once at creation and never changed after.
 */

export const CategoryFields = {
  name: Text('Nama kategori', 100),
  description: Text('Keterangan', 300, { required: false }),
  /** the default OPD's slug; blank for none */
  default_agency: Text('OPD bawaan', 60, { required: false }),
  position: Type.Integer({ title: 'Urutan', minimum: 0, maximum: 999 }),
};

export const CategoryUpdateInput = Type.Object(CategoryFields);
export type CategoryUpdateInput = Static<typeof CategoryUpdateInput>;

export const CategoryCreateInput = Type.Object({
  code: Slug('Kode', 'Kode hanya boleh huruf kecil, angka dan tanda hubung, misalnya lampu-jalan.'),
  ...CategoryFields,
});
export type CategoryCreateInput = Static<typeof CategoryCreateInput>;
