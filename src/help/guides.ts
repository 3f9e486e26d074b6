/** The guides, in the order the index lists them. */
export const HELP_PATH = '/admin/panduan';

export const guides = {
  writing: {
    slug: 'menulis-kegiatan',
    title: 'Menulis berita kegiatan yang baik',
    summary: 'Apa, siapa, kapan, di mana dan mengapa; judul dan paragraf pertama; nama dan jabatan.',
  },
  photos: {
    slug: 'foto',
    title: 'Memilih dan mengambil foto yang layak tayang',
    summary: 'Foto mendatar, cahaya, wajah dan izin, anak-anak, dokumen, ukuran dan teks alternatif.',
  },
  standards: {
    slug: 'standar-pelayanan',
    title: 'Mengisi standar pelayanan',
    summary:
      'Ke-14 komponen UU 25/2009 Pasal 21, enam yang wajib dipublikasikan, SK, maklumat dan peninjauan.',
  },
} as const;

export type GuideKey = keyof typeof guides;

export const guideHref = (key: GuideKey): string => `${HELP_PATH}/${guides[key].slug}`;

export const h = {
  indexTitle: 'Panduan untuk admin',
  indexIntro:
    'Panduan singkat dari Diskominfo agar situs OPD Anda terisi berita yang jelas, foto yang layak dan standar pelayanan yang lengkap. Setiap panduan bisa dibaca dalam lima menit, juga di ponsel.',
  otherGuides: 'Panduan lain',
  backToIndex: 'Semua panduan',
  readingTime: (minutes: number) => `Waktu baca sekitar ${minutes} menit.`,
  askHelp:
    'Masih ragu? Hubungi admin Diskominfo lewat kanal bantuan yang biasa Anda pakai; sertakan alamat halaman yang Anda kerjakan.',
  inBrief: 'Ringkasnya',
};
