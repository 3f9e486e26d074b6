/** What the agency pages say to people (Bahasa Indonesia). */
export const m = {
  titleLabel: 'Judul',
  bodyLabel: 'Isi',
  slugLabel: 'Alamat halaman',
  slugPattern:
    'Alamat halaman hanya boleh berisi huruf kecil, angka dan tanda hubung, misalnya "sejarah-dinas".',
  slugHint: (example: string) =>
    `Kosongkan untuk dibuat dari judul. Huruf kecil, angka dan tanda hubung, misalnya ${example}.`,
  slugEmpty: 'Judul perlu memuat huruf atau angka agar bisa dijadikan alamat halaman.',
  slugReserved: (slug: string) =>
    `Alamat "${slug}" sudah dipakai oleh bagian lain situs. Pakai judul lain atau isi alamat halaman sendiri.`,
  slugTaken: (slug: string) =>
    `Sudah ada halaman dengan alamat "${slug}". Pakai judul lain atau isi alamat halaman sendiri.`,
  defaultNotDeletable: 'Halaman bawaan tidak bisa dihapus. Kosongkan isinya agar tidak tampil di menu.',
  directionUnknown: 'Arah pemindahan tidak dikenal.',
  menuLabel: (shortName: string) => `Menu ${shortName}`,
  empty: 'Halaman ini belum diisi.',
  listTitle: (shortName: string) => `Halaman ${shortName}`,
  intro:
    'Halaman tetap situs perangkat daerah. Halaman yang isinya kosong tidak tampil di menu, kecuali Kontak.',
  added: (title: string) => `Halaman ${title} sudah ditambahkan.`,
  deleted: (title: string) => `Halaman ${title} sudah dihapus.`,
  moved: 'Urutan menu sudah diubah.',
  addTitle: 'Tambah halaman',
  editTitle: (title: string) => `Ubah halaman: ${title}`,
  bodyHint: 'Boleh memakai HTML sederhana: paragraf, judul kecil, tebal, miring, daftar, tabel dan tautan.',
  contactHint:
    'Alamat, telepon, email, jam layanan dan media sosial ditampilkan dari profil perangkat daerah. Tulis di sini hanya keterangan tambahan.',
  editProfile: 'Ubah profil perangkat daerah',
  view: 'Lihat di situs',
  deleteButton: 'Hapus halaman ini',
  up: 'Naik',
  down: 'Turun',
  shown: 'Tampil di menu',
  hidden: 'Belum diisi',
};
