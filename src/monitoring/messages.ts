import type { Sort } from './monitoring.service.js';
import type { Zone } from './score.js';

/** What the monitoring pages, the CSV and the reminders say (Bahasa Indonesia). */
export const labels = {
  title: 'Pemantauan perangkat daerah',
  rulesTitle: 'Aturan pemantauan',
  zone: { hijau: 'Hijau', kuning: 'Kuning', merah: 'Merah' } satisfies Record<Zone, string>,
  sort: {
    skor: 'Skor terendah',
    nama: 'Nama',
    berita: 'Berita paling lama',
    admin: 'Admin aktif paling sedikit',
    aduan: 'Aduan lewat batas terbanyak',
  } satisfies Record<Sort, string>,
  never: 'Belum pernah',
  none: '–',
  noProblems: 'Tidak ada masalah.',
  allKinds: 'Semua jenis',
  allZones: 'Semua zona',
  daysAgo: (days: number) => (days === 0 ? 'hari ini' : `${days} hari lalu`),
  yesNo: (flag: boolean) => (flag ? 'Ya' : 'Belum'),
};

/** The columns of the table and the CSV, in order. */
export const columns = {
  agency: 'OPD',
  kind: 'Jenis',
  score: 'Skor',
  zone: 'Zona',
  lastPost: 'Berita terakhir',
  daysSince: 'Hari sejak berita terakhir',
  posts7d: 'Berita 7 hari',
  posts30d: 'Berita 30 hari',
  photos: 'Berita 30 hari dengan foto (%)',
  activeAdmins: 'Admin aktif',
  twoFactor: 'Admin aktif dengan verifikasi dua langkah',
  standards: 'Standar pelayanan lengkap',
  servicesTotal: 'Jumlah layanan',
  pledge: 'Maklumat pelayanan',
  received: 'Aduan diterima (tahun ini)',
  onTime: 'Dijawab tepat waktu (%)',
  overdue: 'Aduan lewat batas sekarang',
  median: 'Median hari kerja menjawab',
  reopened: 'Dibuka kembali',
  returned: 'Dikembalikan karena salah alamat',
  satisfaction: 'Kepuasan (1–5)',
  problems: 'Masalah',
};
