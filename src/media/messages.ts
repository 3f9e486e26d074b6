import type { MediaWarning } from './media.table.js';

/**
 * The media library's Indonesian strings. Kept beside the code while src/i18n/id.ts is being edited
 * elsewhere; they can move into the catalogue as `t.media` without changing a caller.
 */
export const mediaMessages = {
  empty: 'Berkas foto kosong. Pilih foto lalu kirim lagi.',
  notImage: 'Berkas ini bukan foto JPEG, PNG atau WebP.',
  heic:
    'Foto HEIC (format bawaan iPhone) belum bisa diterima. Kirim sebagai JPEG: di iPhone buka ' +
    'Pengaturan › Kamera › Format lalu pilih "Paling Kompatibel", atau bagikan foto lewat WhatsApp ' +
    'atau "Simpan sebagai JPEG" lalu unggah hasilnya.',
  tooManyPixels: 'Ukuran foto terlalu besar: paling banyak 50 megapiksel. Perkecil foto lalu kirim lagi.',
  corrupt: 'Foto ini rusak atau tidak terunggah utuh. Coba kirim lagi.',
  tooLarge: 'Berkas foto terlalu besar: paling besar 15 MB. Perkecil foto lalu kirim lagi.',
  fileRequired: 'Pilih foto yang akan diunggah.',
  oneFile: 'Kirim satu foto setiap kali unggah.',
  notMultipart: 'Kirim foto sebagai multipart/form-data di kolom "file".',

  warnings: {
    too_small_for_cover:
      'Foto ini kurang lebar untuk foto sampul (kurang dari 1200 piksel); pakai untuk galeri saja.',
    blurred: 'Foto ini tampak kabur atau tidak fokus.',
    too_dark: 'Foto ini tampak terlalu gelap.',
  } satisfies Record<MediaWarning, string>,

  libraryTitle: 'Pustaka foto',
  libraryIntro: (agency: string, n: number) =>
    `Foto untuk berita dan halaman ${agency}, yang terbaru di atas. Semuanya ${n} foto.`,
  uploadTitle: 'Unggah foto',
  uploadButton: 'Unggah foto',
  fileLabel: 'Foto',
  fileHint: 'JPEG, PNG atau WebP, paling besar 15 MB. Lokasi dan data kamera dihapus otomatis.',
  altLabel: 'Teks alternatif',
  altHint:
    'Jelaskan isi foto untuk pembaca yang tidak dapat melihatnya, misalnya "Kepala dinas membuka rapat ' +
    'koordinasi". Wajib sebelum foto diterbitkan.',
  captionLabel: 'Keterangan foto',
  creditLabel: 'Fotografer',
  saveText: 'Simpan keterangan',
  deleteTitle: 'Hapus foto',
  deleteButton: 'Hapus foto ini',
  deleteWarning: 'Foto yang dihapus hilang dari semua berita yang memakainya dan tidak dapat dikembalikan.',
  usedIn: (n: number) => (n === 0 ? 'Belum dipakai di berita mana pun.' : `Foto ini dipakai di ${n} berita.`),
  noAlt: 'Belum ada teks alternatif',
  emptyLibrary: 'Belum ada foto. Unggah foto pertama dengan formulir di atas.',
  edit: 'Ubah',
  uploaded: 'Foto sudah diunggah.',
  saved: 'Keterangan foto sudah disimpan.',
  deleted: 'Foto sudah dihapus.',
  detailsTitle: 'Foto',
  qualityTitle: 'Catatan mutu foto:',
  textTitle: 'Teks foto',
  sizeLabel: 'Ukuran',
  size: (w: number, h: number) => `${w} × ${h} piksel`,
  uploadedBy: 'Diunggah',
  usage: 'Dipakai',
  fullSize: 'Ukuran penuh',
  openFullSize: 'Buka foto ukuran penuh',
  notYours: 'Hanya pengunggah, editor atau admin OPD yang dapat mengubah atau menghapus foto ini.',
  fileName: 'Nama berkas asal',
} as const;
