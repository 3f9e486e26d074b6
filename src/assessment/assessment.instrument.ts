/*
 * The self-assessment instrument, modelled on Ombudsman RI's compliance assessment since 2022: four
 * dimensions, items scored 0–3. The wording is ours (Ombudsman publishes its instrument each year and
 * it changes); the shape is theirs. Weights are relative within a dimension; the dimensions weigh
 * the same (an assumption: Ombudsman's own weights change by year and are not published per item).
 *
 * `auto` items are filled in from Balairung's own data (assessment.auto.ts) and cannot be changed by
 * the OPD; `photo` items ask for a photo as evidence (the counter, the ramp).
 */

export const DIMENSIONS = ['input', 'proses', 'output', 'pengaduan'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Where an automatic item's value comes from. */
export const AUTO_SOURCES = [
  'public_components',
  'pledge',
  'decree',
  'reviewed',
  'complaint_channel',
  'complaints_in_time',
] as const;
export type AutoSource = (typeof AUTO_SOURCES)[number];

export interface Item {
  /** stable: stored with every score; never renamed once used */
  key: string;
  dimension: Dimension;
  label: string;
  /** what a 3 looks like, for the person filling it in */
  hint: string;
  weight: number;
  auto?: AutoSource;
  photo?: boolean;
}

export const DIMENSION_LABELS: Record<Dimension, string> = {
  input: 'Input: kompetensi pelaksana dan sarana prasarana',
  proses: 'Proses: standar pelayanan dan maklumat',
  output: 'Output: persepsi pengguna layanan',
  pengaduan: 'Pengaduan: pengelolaan pengaduan',
};

export const ITEMS: readonly Item[] = [
  {
    key: 'kompetensi_pelaksana',
    dimension: 'input',
    label: 'Kompetensi pelaksana layanan',
    hint: 'Petugas layanan mengikuti pelatihan atau bimbingan teknis pelayanan publik dalam setahun terakhir.',
    weight: 1,
  },
  {
    key: 'sarana_prasarana',
    dimension: 'input',
    label: 'Sarana dan prasarana pelayanan',
    hint: 'Loket, nomor antrean, papan informasi dan perlengkapan layanan tersedia dan berfungsi.',
    weight: 1,
    photo: true,
  },
  {
    key: 'sarana_rentan',
    dimension: 'input',
    label: 'Sarana bagi kelompok rentan',
    hint: 'Ada ramp, kursi roda, toilet difabel dan loket prioritas bagi penyandang disabilitas, lansia, ibu hamil dan anak.',
    weight: 1,
    photo: true,
  },
  {
    key: 'ruang_tunggu',
    dimension: 'input',
    label: 'Ruang tunggu',
    hint: 'Ruang tunggu bersih, berkursi cukup, bersirkulasi udara baik, dekat toilet.',
    weight: 1,
    photo: true,
  },
  {
    key: 'komponen_publik',
    dimension: 'proses',
    label: 'Enam komponen standar pelayanan dipublikasikan',
    hint: 'Persyaratan, prosedur, jangka waktu, biaya/tarif, produk layanan dan penanganan pengaduan.',
    weight: 2,
    auto: 'public_components',
  },
  {
    key: 'maklumat_terbit',
    dimension: 'proses',
    label: 'Maklumat pelayanan dipublikasikan',
    hint: 'Maklumat pelayanan OPD terbit di situs Balairung.',
    weight: 1,
    auto: 'pledge',
  },
  {
    key: 'maklumat_dipajang',
    dimension: 'proses',
    label: 'Maklumat pelayanan dipajang di ruang pelayanan',
    hint: 'Maklumat pelayanan terpasang di tempat yang mudah dilihat pengguna layanan.',
    weight: 1,
    photo: true,
  },
  {
    key: 'standar_sk',
    dimension: 'proses',
    label: 'Standar pelayanan ditetapkan dengan SK',
    hint: 'Setiap standar pelayanan ditetapkan dengan keputusan kepala OPD.',
    weight: 1,
    auto: 'decree',
  },
  {
    key: 'standar_ditinjau',
    dimension: 'proses',
    label: 'Standar pelayanan ditinjau dalam setahun terakhir',
    hint: 'Standar pelayanan dievaluasi dan ditinjau ulang paling lama 12 bulan sekali.',
    weight: 1,
    auto: 'reviewed',
  },
  {
    key: 'survei_kepuasan',
    dimension: 'output',
    label: 'Survei kepuasan masyarakat',
    hint: 'Survei kepuasan masyarakat (SKM) dilaksanakan tahun ini dan hasilnya dipublikasikan.',
    weight: 1,
  },
  {
    key: 'persepsi_maladministrasi',
    dimension: 'output',
    label: 'Persepsi pengguna tentang maladministrasi',
    hint: 'Pengguna layanan tidak mengalami penundaan berlarut, pungutan liar, diskriminasi atau permintaan imbalan.',
    weight: 2,
  },
  {
    key: 'saluran_pengaduan',
    dimension: 'pengaduan',
    label: 'Saluran pengaduan tersedia',
    hint: 'Pusat Aduan menerima pengaduan untuk OPD ini.',
    weight: 1,
    auto: 'complaint_channel',
  },
  {
    key: 'petugas_pengaduan',
    dimension: 'pengaduan',
    label: 'Petugas pengelola pengaduan ditetapkan',
    hint: 'Ada petugas pengelola pengaduan yang ditunjuk dengan surat tugas atau SK.',
    weight: 1,
  },
  {
    key: 'aduan_tepat_waktu',
    dimension: 'pengaduan',
    label: 'Aduan ditanggapi dalam batas waktu',
    hint: 'Bagian aduan yang ditanggapi sebelum batas waktunya pada tahun penilaian.',
    weight: 2,
    auto: 'complaints_in_time',
  },
  {
    key: 'tindak_lanjut_publik',
    dimension: 'pengaduan',
    label: 'Tindak lanjut pengaduan dipublikasikan',
    hint: 'Rekap pengaduan dan tindak lanjutnya diumumkan kepada masyarakat.',
    weight: 1,
  },
];

export const ITEM_KEYS: readonly string[] = ITEMS.map((i) => i.key);
export const itemByKey = (key: string): Item | undefined => ITEMS.find((i) => i.key === key);
/** The items the OPD fills in itself. */
export const MANUAL_ITEMS: readonly Item[] = ITEMS.filter((i) => !i.auto);
export const AUTO_ITEMS: readonly Item[] = ITEMS.filter((i) => i.auto);

export const MAX_ITEM_SCORE = 3;

export const SCORE_LABELS: Record<number, string> = {
  0: '0 — tidak ada',
  1: '1 — ada, belum memadai',
  2: '2 — sebagian besar memadai',
  3: '3 — memadai sepenuhnya',
};
