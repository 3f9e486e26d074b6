import type { HoldStatus, HoldSubject } from './guard.table.js';

/** What the defacement and judi-online guard says (Bahasa Indonesia). */
const quoted = (items: readonly string[]) => items.map((i) => `“${i}”`).join(', ');

export const m = {
  reasonTerms: (terms: readonly string[]) => `Memuat istilah khas judi online: ${quoted(terms)}.`,
  reasonEvasion:
    'Tulisan disamarkan (angka pengganti huruf, huruf berspasi, karakter tak terlihat atau huruf mirip).',
  reasonGamblingLinks: (hosts: readonly string[]) =>
    `Menautkan ke situs luar yang berbau judi: ${quoted(hosts.slice(0, 5))}.`,
  reasonBulkLinks: (n: number) => `Terlalu banyak tautan ke situs luar (${n} tautan).`,
  reasonDenseLinks: (n: number) => `Banyak tautan ke situs luar (${n}) dalam teks yang pendek.`,
  reasonHiddenLinks: (n: number) => `Ada ${n} tautan tanpa teks yang terlihat (tautan tersembunyi).`,
  reasonSpamTld: (tlds: readonly string[]) =>
    `Menautkan ke domain yang sering dipakai spam: ${quoted(tlds.map((t) => `.${t}`))}.`,
  reasonInvisible: 'Memuat karakter tak terlihat di dalam teks.',

  postHeldNote: (reasons: readonly string[]) =>
    `Ditahan untuk ditinjau super admin karena terindikasi konten judi online. ${reasons.join(' ')}`,
  postHeldFlash:
    'Berita tidak diterbitkan: isinya terindikasi judi online dan ditahan untuk ditinjau super admin. Alasannya tertera di bawah.',
  pageHeldFlash:
    'Perubahan halaman tidak ditayangkan: terindikasi judi online dan ditahan untuk ditinjau super admin. Alasannya tertera di bawah.',
  pageHeldNotice: (reasons: readonly string[]) =>
    `Perubahan terakhir pada halaman ini ditahan untuk ditinjau super admin karena terindikasi judi online; yang tayang masih versi sebelumnya. ${reasons.join(' ')}`,
  fieldRefused: (reasons: readonly string[]) =>
    `Tidak disimpan: teks ini terindikasi promosi judi online. ${reasons.join(' ')} Perbaiki teksnya; bila ini keliru, hubungi super admin.`,
  rejectedNote:
    'Ditolak super admin: konten terindikasi judi online. Hapus bagian itu sebelum diajukan lagi.',

  mailSubject: (agency: string) => `[Balairung] Konten ditahan: terindikasi judi online (${agency})`,
  mailBody: (p: { agency: string; kind: string; title: string; reasons: string[]; link: string }) =>
    [
      `Konten ${p.kind} dari ${p.agency} ditahan dan tidak ditayangkan karena terindikasi judi online.`,
      '',
      `Judul: ${p.title}`,
      'Alasan:',
      ...p.reasons.map((r) => `- ${r}`),
      '',
      `Tinjau, terbitkan atau tolak di: ${p.link}`,
      '',
      'Bila konten ini tidak ditulis oleh petugas OPD, akun penulisnya mungkin dibobol: ganti kata sandinya.',
    ].join('\n'),

  reviewTitle: 'Tinjauan konten',
  reviewIntro:
    'Berita dan halaman yang ditahan karena terindikasi judi online. Terbitkan bila aman, tolak bila memang spam.',
  reviewEmpty: 'Tidak ada konten yang menunggu tinjauan.',
  reviewCaption: 'Konten yang ditahan',
  released: 'Konten diterbitkan.',
  rejected: 'Konten ditolak dan tetap tidak ditayangkan.',
  release: 'Terbitkan',
  reject: 'Tolak',
  holdGone: 'Konten ini sudah ditinjau atau tidak ada lagi.',

  linksTitle: 'Tautan keluar',
  linksIntro:
    'Setiap domain luar yang ditautkan dari berita terbit dan halaman OPD. Domain selain go.id di atas.',
  linksCaption: 'Domain luar yang ditautkan',
  linksEmpty: 'Tidak ada tautan ke situs luar.',
  linksCsv: 'Unduh CSV',
  linksColumns: { host: 'Domain', kind: 'Jenis', count: 'Jumlah tautan', sources: 'Ditautkan dari' },
  linksCsvHeader: [
    'Domain',
    'Domain terverifikasi (go.id dsb.)',
    'OPD',
    'Jenis',
    'Judul',
    'Alamat',
    'Jumlah tautan',
  ],
  trusted: 'Terverifikasi (go.id dsb.)',
  untrusted: 'Situs luar',
  opdLabel: 'OPD',
  allAgencies: 'Semua OPD',
  filter: 'Tampilkan',

  subject: { post: 'berita', page: 'halaman' } satisfies Record<HoldSubject, string>,
  subjectLabel: { post: 'Berita', page: 'Halaman' } satisfies Record<HoldSubject, string>,
  status: {
    open: 'Menunggu tinjauan',
    released: 'Diterbitkan',
    rejected: 'Ditolak',
    superseded: 'Diperbaiki penulis',
  } satisfies Record<HoldStatus, string>,

  cliUsage: `  scan-content [--agency SLUG] [--hold]
      Memeriksa berita terbit, halaman, profil OPD, layanan, maklumat dan teks foto terhadap pola judi
      online; --hold menahan berita dan halaman yang terindikasi.`,
  cliNone: 'Tidak ada konten yang terindikasi judi online.',
  cliFound: (n: number, held: number) =>
    `${n} konten terindikasi judi online${held ? `; ${held} berita/halaman ditahan untuk ditinjau` : ''}.`,
  cliFixTexts:
    'Profil, layanan, maklumat dan teks foto tidak ditahan: perbaiki teksnya di alamat admin yang tertera.',
  scanKind: {
    post: 'berita',
    page: 'halaman',
    profile: 'profil OPD',
    service: 'layanan',
    pledge: 'maklumat',
    photo: 'foto',
  },
  cliAgencyUnknown: (slug: string) => `OPD tidak dikenal: ${slug}`,
};
