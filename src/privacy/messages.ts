/** What the breach register says (Bahasa Indonesia). */
export const m = {
  title: 'Register insiden data pribadi',
  intro:
    'Catat setiap kegagalan pelindungan data pribadi begitu diketahui. UU 27/2022 Pasal 46: warga yang datanya terdampak dan lembaga pelindungan data pribadi wajib diberi tahu secara tertulis paling lambat 3 × 24 jam sejak insiden diketahui.',
  caption: 'Daftar insiden data pribadi',
  none: 'Belum ada insiden yang dicatat.',
  colTitle: 'Insiden',
  colDiscovered: 'Diketahui',
  colDue: 'Batas pemberitahuan',
  colState: 'Keadaan',
  addTitle: 'Catat insiden baru',
  addButton: 'Catat insiden',
  fields: {
    title: 'Nama singkat insiden',
    titleHint: 'Misalnya: Laptop petugas aduan hilang.',
    discovered_at: 'Diketahui pada (waktu setempat)',
    discovered_atHint: 'Batas pemberitahuan dihitung 72 jam dari waktu ini.',
    data_categories: 'Data pribadi yang terdampak',
    data_categoriesHint: 'Misalnya: nama, email dan nomor WhatsApp pelapor aduan; foto lampiran.',
    subjects_affected: 'Jumlah warga terdampak',
    subjects_affectedHint: 'Kosongkan bila belum diketahui.',
    description: 'Apa yang terjadi',
    measures: 'Langkah penanganan dan pemulihan',
    authority_notified_at: 'Lembaga pelindungan data diberi tahu pada',
    subjects_notified_at: 'Warga terdampak diberi tahu pada',
    notifiedHint: 'Kosongkan bila belum.',
  },
  save: 'Simpan',
  recorded: (title: string) => `Insiden "${title}" sudah dicatat.`,
  saved: 'Catatan insiden sudah disimpan.',
  noticesTitle: 'Pemberitahuan dan penanganan',
  unknown: 'Belum diketahui',
  notYet: 'Belum',
  subjects: (n: number) => `${n} orang`,
  state: {
    notified: 'Semua sudah diberi tahu',
    overdue: (late: string) => `Terlambat ${late}`,
    due_soon: (left: string) => `Sisa ${left}`,
    open: (left: string) => `Sisa ${left}`,
  },
  errors: {
    when: 'Tulis tanggal dan jam, misalnya 28/11/2026 09.30.',
    future: 'Waktu ini belum terjadi.',
    beforeDiscovered: 'Pemberitahuan tidak mungkin sebelum insiden diketahui.',
    count: 'Tulis jumlah dengan angka saja, atau kosongkan.',
  },
  alertSubject: (title: string) => `Batas pemberitahuan insiden data pribadi: ${title}`,
  alertText: (title: string, due: string, url: string) =>
    [
      `Insiden "${title}" wajib diberitahukan kepada warga terdampak dan lembaga pelindungan data pribadi paling lambat ${due} (UU 27/2022 Pasal 46: 3 × 24 jam sejak diketahui).`,
      '',
      'Pemberitahuan itu belum dicatat di register. Bila sudah dilakukan, catat waktunya di:',
      url,
      '',
      'Email ini dikirim sekali untuk setiap insiden.',
    ].join('\n'),
};

/** "2 hari 5 jam", "3 jam", "kurang dari 1 jam" */
export function duration(ms: number): string {
  const hours = Math.floor(Math.abs(ms) / 3_600_000);
  if (hours < 1) return 'kurang dari 1 jam';
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return [days ? `${days} hari` : '', rest ? `${rest} jam` : ''].filter(Boolean).join(' ');
}
