import type { ComplaintAction } from './complaints.schemas.js';
import type {
  ArchiveReason,
  ComplaintChannel,
  ComplaintClass,
  ComplaintStatus,
  DeadlineKind,
} from './complaints.table.js';

/**
 * What the complaint centre says to people (Bahasa Indonesia). Kept beside the code like the other
 * domains' messages; each page's own wording lives with its view and imports the labels from here.
 */
export const labels = {
  status: {
    received: 'Diterima',
    verified: 'Terverifikasi',
    on_hold: 'Menunggu informasi pelapor',
    assigned: 'Diteruskan ke OPD',
    in_progress: 'Sedang ditindaklanjuti',
    answered: 'Sudah ditanggapi',
    closed: 'Selesai',
    not_authority: 'Bukan wewenang Pemerintah Kota',
    archived: 'Diarsipkan',
  } satisfies Record<ComplaintStatus, string>,
  class: {
    pengaduan: 'Pengaduan',
    aspirasi: 'Aspirasi',
    permintaan_informasi: 'Permintaan informasi',
  } satisfies Record<ComplaintClass, string>,
  channel: {
    web: 'Situs web',
    api: 'Aplikasi (API)',
    open311: 'Aplikasi (Open311)',
    whatsapp: 'WhatsApp',
    phone: 'Telepon',
    letter: 'Surat',
    walk_in: 'Datang langsung',
    social_media: 'Media sosial',
    lapor: 'SP4N-LAPOR!',
  } satisfies Record<ComplaintChannel, string>,
  archiveReason: {
    spam: 'Spam',
    too_general: 'Terlalu umum, tidak dapat ditindaklanjuti',
    not_public_service: 'Bukan tentang pelayanan publik',
    duplicate: 'Sama dengan laporan lain',
  } satisfies Record<ArchiveReason, string>,
  deadline: {
    verify: 'Batas verifikasi',
    follow_up: 'Batas tindak lanjut',
    auto_close: 'Ditutup otomatis pada',
  } satisfies Record<DeadlineKind, string>,
  /** how a step reads on the timeline */
  action: {
    file: 'Laporan diterima',
    verify: 'Laporan diverifikasi',
    assign: 'Diteruskan ke OPD',
    hold: 'Menunggu informasi tambahan dari pelapor',
    not_authority: 'Bukan wewenang Pemerintah Kota',
    archive: 'Laporan diarsipkan',
    merge: 'Digabung dengan laporan lain',
    acknowledge: 'OPD mulai menindaklanjuti',
    answer: 'Tanggapan OPD',
    return: 'Dikembalikan ke koordinator',
    close: 'Laporan ditutup',
    auto_close: 'Ditutup otomatis: tidak ada balasan pelapor',
    note: 'Catatan internal',
    reclassify: 'Kategori atau pilihan privasi diubah',
    add_info: 'Pelapor menambahkan informasi',
    accept: 'Pelapor menerima tanggapan',
    reopen: 'Pelapor membuka kembali laporan',
    rate: 'Pelapor memberi penilaian',
  } satisfies Record<ComplaintAction | 'file', string>,
};

export const errors = {
  notAllowed: 'Langkah ini tidak bisa dilakukan pada status aduan sekarang.',
  notFound: 'Nomor tiket atau kunci akses tidak cocok.',
  categoryUnknown: 'Pilih kategori dari daftar.',
  kelurahanUnknown: 'Pilih kelurahan dari daftar.',
  consentMissing: 'Centang persetujuan agar kami boleh memakai data Anda untuk menindaklanjuti laporan ini.',
  contactMissing: 'Isi email atau nomor WhatsApp agar kami bisa mengabari Anda.',
  nameMissing: 'Isi nama Anda. Pilih "Anonim" bila nama tidak boleh diketahui OPD dan publik.',
  occurredInFuture: 'Tanggal kejadian tidak boleh setelah hari ini.',
  pinIncomplete: 'Titik peta harus berisi garis lintang dan garis bujur sekaligus.',
  latNotNumber: 'Garis lintang harus berupa angka, misalnya -0.0263, atau kosongkan saja.',
  lngNotNumber: 'Garis bujur harus berupa angka, misalnya 109.3425, atau kosongkan saja.',
  latRange: 'Garis lintang harus antara -90 dan 90.',
  lngRange: 'Garis bujur harus antara -180 dan 180.',
  tooManyFromContact:
    'Sudah banyak laporan dari email atau nomor ini dalam 24 jam terakhir. Tambahkan informasi pada laporan yang ada, atau coba lagi besok.',
  agencyMissing: 'Pilih OPD yang berwenang.',
  agencyUnknown: 'OPD tidak ditemukan.',
  messageMissing: 'Tuliskan pesan untuk pelapor.',
  answerMissing: 'Tuliskan tanggapan untuk pelapor.',
  referralMissing: 'Tuliskan ke mana pelapor sebaiknya menyampaikan laporannya.',
  reasonMissing: 'Tuliskan alasannya.',
  archiveReasonMissing: 'Pilih alasan pengarsipan.',
  mergeTargetMissing: 'Isi nomor tiket laporan yang sama.',
  mergeTargetUnknown: 'Laporan dengan nomor tiket itu tidak ditemukan.',
  mergeTargetSelf: 'Laporan tidak bisa digabung dengan dirinya sendiri.',
  mergeTargetClosed: 'Laporan tujuan sudah diarsipkan; pilih laporan yang masih berjalan.',
  noteMissing: 'Tuliskan catatannya.',
  infoMissing: 'Tuliskan informasi tambahan atau lampirkan berkas.',
  starsMissing: 'Pilih nilai 1 sampai 5.',
  nothingChanged: 'Tidak ada yang diubah.',
};

export const mail = {
  receivedSubject: (code: string) => `Laporan Anda diterima: ${code}`,
  receivedBody: (code: string, title: string, link: string, deadline: string) =>
    [
      'Terima kasih, laporan Anda sudah kami terima.',
      '',
      `Nomor tiket: ${code}`,
      `Judul: ${title}`,
      `Batas verifikasi: ${deadline}`,
      '',
      'Ikuti perkembangannya, tambahkan informasi, dan tanggapi jawaban OPD lewat tautan pribadi ini',
      '(jangan bagikan kepada orang lain):',
      link,
    ].join('\n'),
  updateSubject: (code: string, status: string) => `Perkembangan laporan ${code}: ${status}`,
  updateBody: (code: string, step: string, message: string, link: string) =>
    [`Laporan ${code}: ${step}.`, ...(message ? ['', message] : []), '', 'Lihat laporan Anda:', link].join(
      '\n',
    ),
  assignedSubject: (code: string) => `Aduan baru untuk OPD Anda: ${code}`,
  assignedBody: (code: string, title: string, deadline: string, link: string) =>
    [
      `Aduan ${code} diteruskan kepada OPD Anda.`,
      `Judul: ${title}`,
      `Batas tindak lanjut: ${deadline}`,
      '',
      link,
    ].join('\n'),
};
