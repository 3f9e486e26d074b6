/**
 * The importer's Indonesian strings, beside the code like src/media/messages.ts; they can move into
 * the catalogue as `t.imports` without changing a caller.
 */
export const m = {
  notXml: 'Berkas ini bukan berkas XML. Unggah berkas ekspor WordPress (Alat › Ekspor › Semua konten).',
  notWxr: 'Berkas XML ini bukan ekspor WordPress (WXR). Unggah berkas dari Alat › Ekspor di WordPress.',
  doctype:
    'Berkas ini memuat DOCTYPE atau ENTITY, yang tidak pernah ada di ekspor WordPress; berkas ditolak.',
  malformed: 'Berkas XML ini rusak atau terpotong. Ekspor ulang dari WordPress lalu coba lagi.',
  tooLarge: (mb: number) => `Berkas ekspor terlalu besar: paling besar ${mb} MB.`,
  fileRequired: 'Pilih berkas ekspor WordPress (.xml) yang akan diimpor.',
  agencyUnknown: (slug: string) => `Perangkat daerah "${slug}" tidak ditemukan.`,
  fileUnreadable: (file: string) => `Berkas ${file} tidak bisa dibaca.`,
  uploadsUnreadable: (dir: string) => `Folder unggahan ${dir} tidak ditemukan.`,
  usage:
    '  import-wordpress --agency SLUG --file EKSPOR.xml [--uploads FOLDER | --fetch-media]\n' +
    '      Mengimpor situs WordPress perangkat daerah (berita, halaman, kategori, foto) dan\n' +
    '      mengalihkan alamat lamanya (301). Aman dijalankan ulang: hanya yang berubah diperbarui.\n',
  eitherMedia: 'Pilih salah satu: --uploads FOLDER atau --fetch-media, tidak keduanya.',
  needAgencyFile: '--agency dan --file wajib diisi.',
  // warnings in the report, per item
  shortcode: (name: string) => `kode pendek [${name}] tidak dapat dibawa; isinya dipertahankan sebagai teks`,
  embed: (url: string) => `sematan ${url} tidak dapat dibawa; diganti tautan`,
  iframe: (url: string) => `iframe ${url} tidak dapat dibawa; diganti tautan`,
  script: 'skrip di dalam tulisan dibuang',
  mediaTag: (tag: string) => `<${tag}> tidak dapat dibawa; dibuang`,
  imageMissing: (src: string) => `gambar ${src} tidak ditemukan di unggahan; dibuang`,
  galleryMissing: (id: number) => `foto galeri #${id} tidak ditemukan`,
  coverMissing: (id: number) => `foto unggulan #${id} tidak ditemukan`,
  mediaFailed: (url: string, why: string) => `foto ${url} gagal diimpor: ${why}`,
  held: 'ditahan penjaga konten (judi online); menunggu tinjauan super admin',
  privateDraft: 'tulisan privat di WordPress diimpor sebagai draf',
  // the report
  report: {
    title: 'Laporan impor WordPress',
    posts: 'Berita',
    pages: 'Halaman',
    media: 'Foto',
    created: 'baru',
    updated: 'diperbarui',
    unchanged: 'tidak berubah',
    skipped: 'dilewati',
    failed: 'gagal',
    redirects: 'Alamat lama dialihkan',
    held: 'Ditahan penjaga konten',
    warnings: 'Catatan per tulisan',
    seconds: (s: string) => `Selesai dalam ${s} detik.`,
  },
  // the admin page
  admin: {
    title: 'Impor dari WordPress',
    intro:
      'Unggah berkas ekspor WordPress (di WordPress: Alat › Ekspor › Semua konten). Berita, halaman, ' +
      'kategori dan foto diimpor; alamat lama dialihkan ke alamat baru. Impor ulang hanya memperbarui yang berubah.',
    agency: 'Perangkat daerah',
    file: 'Berkas ekspor (.xml)',
    fetchMedia: 'Ambil foto dari situs lama (situs lama harus masih hidup)',
    submit: 'Mulai impor',
    progress: 'Kemajuan impor',
    queued: 'Menunggu giliran…',
    running: (done: number, total: number) => `Sedang mengimpor: ${done} dari ${total} butir.`,
    done: 'Impor selesai.',
    failed: 'Impor gagal.',
    recent: 'Impor terakhir',
    none: 'Belum ada impor.',
    started: 'Impor dimulai. Halaman ini memperbarui diri sampai selesai.',
  },
};
