/**
 * Demo seed for Pemerintah Kota Pontianak (Kalimantan Barat).
 *
 * Agency names follow the city's perangkat daerah as currently named (Perda/Perwali on susunan
 * perangkat daerah, incl. the 2025 change of Bappeda into Bapperida and the separate Dinas Tenaga Kerja
 * and DPMPTSP); kecamatan and kelurahan are the city's 6 kecamatan and 29 kelurahan.
 * Addresses, phone numbers and e-mail addresses are illustrative unless known, and social links are left
 * empty on purpose: check every contact detail with the agency before publishing it.
 */

import type { AgencyKind } from '../agencies.table.js';

export interface SeedAgency {
  slug: string; // lowercase a-z0-9 and '-', short, used as host label: {slug}.pontianak.go.id
  name: string; // full official name, e.g. 'Dinas Kesehatan'
  shortName: string; // common abbreviation, e.g. 'Dinkes'
  kind: AgencyKind;
  parentSlug?: string; // puskesmas -> 'dinkes'; bagian -> 'setda'
  description: string; // 1–2 sentences of tugas dan fungsi in Bahasa Indonesia
  address: string; // street address in Pontianak; illustrative unless known
  phone: string; // '(0561) 7xxxxx' form; illustrative unless known
  email: string; // `{slug}@pontianak.go.id`
  serviceHours: string;
  socialLinks: { instagram?: string; facebook?: string; youtube?: string; x?: string };
}

export interface SeedRegion {
  slug: string; // slug of the kecamatan agency the region belongs to
  name: string;
  kelurahan: string[];
}

export const installation: {
  name: string;
  shortName: string;
  kind: 'kota' | 'kabupaten';
  mainHost: string;
  hostSuffix: string;
  address: string;
  phone: string;
  email: string;
  timeZone: string;
} = {
  name: 'Pemerintah Kota Pontianak',
  shortName: 'Kota Pontianak',
  kind: 'kota',
  mainHost: 'pontianak.go.id',
  hostSuffix: 'pontianak.go.id',
  address: 'Jl. Rahadi Usman No. 3, Pontianak 78111',
  phone: '(0561) 733041',
  email: 'info@pontianak.go.id',
  timeZone: 'Asia/Pontianak',
};

const OFFICE_HOURS = 'Senin–Kamis 07.30–16.00 WIB, Jumat 07.30–11.00 WIB';
const PUSKESMAS_HOURS = 'Senin–Kamis 07.30–14.00 WIB, Jumat 07.30–11.00 WIB, Sabtu 07.30–12.30 WIB';
const ALWAYS_OPEN = '24 jam setiap hari';

export const agencies: SeedAgency[] = [
  // Sekretariat dan inspektorat
  {
    slug: 'setda',
    name: 'Sekretariat Daerah',
    shortName: 'Setda',
    kind: 'sekretariat',
    description:
      'Membantu Wali Kota dalam penyusunan kebijakan dan pengoordinasian administratif terhadap pelaksanaan tugas perangkat daerah serta pelayanan administratif di lingkungan Pemerintah Kota Pontianak.',
    address: 'Jl. Rahadi Usman No. 3, Pontianak',
    phone: '(0561) 733041',
    email: 'setda@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'setwan',
    name: 'Sekretariat Dewan Perwakilan Rakyat Daerah',
    shortName: 'Setwan',
    kind: 'sekretariat',
    description:
      'Menyelenggarakan administrasi kesekretariatan dan keuangan serta mendukung pelaksanaan tugas dan fungsi DPRD Kota Pontianak, termasuk fasilitasi rapat dan penyediaan tenaga ahli.',
    address: 'Jl. Zainuddin No. 1, Pontianak',
    phone: '(0561) 734512',
    email: 'setwan@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'inspektorat',
    name: 'Inspektorat Daerah',
    shortName: 'Inspektorat',
    kind: 'inspektorat',
    description:
      'Membantu Wali Kota membina dan mengawasi pelaksanaan urusan pemerintahan yang menjadi kewenangan daerah melalui audit, reviu, evaluasi, pemantauan dan pengawasan internal.',
    address: 'Jl. Sultan Abdurrahman No. 7, Pontianak',
    phone: '(0561) 736214',
    email: 'inspektorat@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },

  // Badan
  {
    slug: 'bapperida',
    name: 'Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah',
    shortName: 'Bapperida',
    kind: 'badan',
    description:
      'Menyelenggarakan perencanaan pembangunan daerah serta penelitian, pengembangan dan inovasi daerah, termasuk penyusunan RPJMD dan RKPD serta pengendalian dan evaluasi pelaksanaannya.',
    address: 'Jl. Rahadi Usman No. 3, Pontianak',
    phone: '(0561) 732108',
    email: 'bapperida@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'bkpsdm',
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    shortName: 'BKPSDM',
    kind: 'badan',
    description:
      'Melaksanakan fungsi penunjang urusan pemerintahan di bidang kepegawaian, meliputi pengadaan, mutasi, pengembangan kompetensi dan penilaian kinerja aparatur sipil negara.',
    address: 'Jl. Rahadi Usman No. 3, Pontianak',
    phone: '(0561) 733627',
    email: 'bkpsdm@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'bkad',
    name: 'Badan Keuangan dan Aset Daerah',
    shortName: 'BKAD',
    kind: 'badan',
    description:
      'Melaksanakan fungsi penunjang urusan keuangan daerah, meliputi penganggaran, perbendaharaan, akuntansi dan pelaporan keuangan serta pengelolaan barang milik daerah.',
    address: 'Jl. Rahadi Usman No. 3, Pontianak',
    phone: '(0561) 736552',
    email: 'bkad@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'bapenda',
    name: 'Badan Pendapatan Daerah',
    shortName: 'Bapenda',
    kind: 'badan',
    description:
      'Melaksanakan pendataan, penetapan, penagihan dan pelayanan pajak daerah, termasuk PBB-P2 dan BPHTB, guna meningkatkan pendapatan asli daerah.',
    address: 'Jl. Letjen Sutoyo, Pontianak',
    phone: '(0561) 741230',
    email: 'bapenda@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'bpbd',
    name: 'Badan Penanggulangan Bencana Daerah',
    shortName: 'BPBD',
    kind: 'badan',
    description:
      'Menyelenggarakan penanggulangan bencana pada tahap prabencana, tanggap darurat dan pascabencana, termasuk pencegahan dan pemadaman kebakaran bersama pemadam kebakaran swasta.',
    address: 'Jl. Sultan Syahrir, Pontianak',
    phone: '(0561) 748113',
    email: 'bpbd@pontianak.go.id',
    serviceHours: ALWAYS_OPEN,
    socialLinks: {},
  },
  {
    slug: 'kesbangpol',
    name: 'Badan Kesatuan Bangsa dan Politik',
    shortName: 'Kesbangpol',
    kind: 'badan',
    description:
      'Melaksanakan pembinaan ideologi Pancasila dan wawasan kebangsaan, politik dalam negeri, ketahanan ekonomi, sosial, budaya dan agama, serta kewaspadaan nasional dan penanganan konflik.',
    address: 'Jl. Rahadi Usman No. 3, Pontianak',
    phone: '(0561) 737415',
    email: 'kesbangpol@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },

  // Dinas
  {
    slug: 'disdikbud',
    name: 'Dinas Pendidikan dan Kebudayaan',
    shortName: 'Disdikbud',
    kind: 'dinas',
    description:
      'Melaksanakan urusan pemerintahan bidang pendidikan anak usia dini, pendidikan dasar dan nonformal serta bidang kebudayaan, termasuk pembinaan guru dan pelestarian cagar budaya.',
    address: 'Jl. Letjen Sutoyo, Pontianak',
    phone: '(0561) 732590',
    email: 'disdikbud@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'dinkes',
    name: 'Dinas Kesehatan',
    shortName: 'Dinkes',
    kind: 'dinas',
    description:
      'Melaksanakan urusan pemerintahan bidang kesehatan, meliputi kesehatan masyarakat, pencegahan dan pengendalian penyakit, pelayanan dan sumber daya kesehatan, serta pembinaan puskesmas.',
    address: 'Jl. Jenderal Sudirman, Pontianak',
    phone: '(0561) 734985',
    email: 'dinkes@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'pupr',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    shortName: 'Dinas PUPR',
    kind: 'dinas',
    description:
      'Melaksanakan urusan pemerintahan bidang pekerjaan umum dan penataan ruang, meliputi jalan, jembatan, drainase dan saluran, bangunan gedung serta pemanfaatan ruang kota.',
    address: 'Jl. Ahmad Yani, Pontianak',
    phone: '(0561) 737263',
    email: 'pupr@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'dprkp',
    name: 'Dinas Perumahan Rakyat dan Kawasan Permukiman',
    shortName: 'DPRKP',
    kind: 'dinas',
    description:
      'Melaksanakan urusan pemerintahan bidang perumahan dan kawasan permukiman, termasuk penanganan kawasan kumuh, rumah tidak layak huni, prasarana lingkungan dan pengelolaan rumah susun.',
    address: 'Jl. Ahmad Yani, Pontianak',
    phone: '(0561) 739402',
    email: 'dprkp@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'dinsos',
    name: 'Dinas Sosial',
    shortName: 'Dinsos',
    kind: 'dinas',
    description:
      'Melaksanakan urusan pemerintahan bidang sosial, meliputi rehabilitasi dan perlindungan sosial, penanganan fakir miskin serta pemutakhiran data kesejahteraan sosial.',
    address: 'Jl. Letjen Sutoyo, Pontianak',
    phone: '(0561) 742671',
    email: 'dinsos@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'disdukcapil',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    shortName: 'Disdukcapil',
    kind: 'dinas',
    description:
      'Menyelenggarakan pendaftaran penduduk dan pencatatan sipil, meliputi KTP-el, kartu keluarga, akta kelahiran, akta kematian dan perpindahan penduduk, serta pengelolaan data kependudukan.',
    address: 'Gedung Terpadu, Jl. Letjen Sutoyo, Pontianak',
    phone: '(0561) 743208',
    email: 'disdukcapil@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'diskominfo',
    name: 'Dinas Komunikasi dan Informatika',
    shortName: 'Diskominfo',
    kind: 'dinas',
    description:
      'Melaksanakan urusan pemerintahan bidang komunikasi dan informatika, statistik dan persandian, termasuk pengelolaan informasi publik, infrastruktur TIK dan layanan pengaduan masyarakat.',
    address: 'Jl. Rahadi Usman No. 3, Pontianak',
    phone: '(0561) 733157',
    email: 'diskominfo@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'dishub',
    name: 'Dinas Perhubungan',
    shortName: 'Dishub',
    kind: 'dinas',
    description:
      'Melaksanakan urusan pemerintahan bidang perhubungan, meliputi manajemen dan rekayasa lalu lintas, angkutan jalan dan sungai, perparkiran serta pengujian kendaraan bermotor.',
    address: 'Jl. Sultan Hamid II, Pontianak',
    phone: '(0561) 747320',
    email: 'dishub@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'dlh',
    name: 'Dinas Lingkungan Hidup',
    shortName: 'DLH',
    kind: 'dinas',
    description:
      'Melaksanakan urusan pemerintahan bidang lingkungan hidup, meliputi pengelolaan sampah, pengendalian pencemaran dan kerusakan lingkungan, ruang terbuka hijau serta persetujuan lingkungan.',
    address: 'Jl. Gusti Hamzah, Pontianak',
    phone: '(0561) 745218',
    email: 'dlh@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'dpmptsp',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    shortName: 'DPMPTSP',
    kind: 'dinas',
    description:
      'Menyelenggarakan pelayanan perizinan dan nonperizinan secara terpadu serta promosi dan pengendalian penanaman modal, termasuk pengelolaan Mal Pelayanan Publik.',
    address: 'Mal Pelayanan Publik, Gedung Kapuas Indah Lt. 3, Jl. Kapten Marsan, Pontianak',
    phone: '(0561) 741755',
    email: 'dpmptsp@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'disnaker',
    name: 'Dinas Tenaga Kerja',
    shortName: 'Disnaker',
    kind: 'dinas',
    description:
      'Melaksanakan urusan pemerintahan bidang ketenagakerjaan, meliputi pelatihan vokasi dan produktivitas, penempatan tenaga kerja serta hubungan industrial dan jaminan sosial tenaga kerja.',
    address: 'Gedung Terpadu, Jl. Letjen Sutoyo, Pontianak',
    phone: '(0561) 743916',
    email: 'disnaker@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'diskumdag',
    name: 'Dinas Koperasi, Usaha Mikro dan Perdagangan',
    shortName: 'Diskumdag',
    kind: 'dinas',
    description:
      'Melaksanakan urusan pemerintahan bidang koperasi, usaha mikro dan perdagangan, termasuk pembinaan pasar rakyat, stabilisasi harga bahan pokok dan pelayanan metrologi legal.',
    address: 'Jl. Ahmad Yani, Pontianak',
    phone: '(0561) 736840',
    email: 'diskumdag@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'dppp',
    name: 'Dinas Pangan, Pertanian dan Perikanan',
    shortName: 'DPPP',
    kind: 'dinas',
    description:
      'Melaksanakan urusan pemerintahan bidang pangan, pertanian, peternakan dan perikanan, termasuk ketahanan dan keamanan pangan, kesehatan hewan serta penyuluhan bagi petani dan pembudidaya ikan.',
    address: 'Jl. Sulawesi, Pontianak',
    phone: '(0561) 738274',
    email: 'dppp@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'disporapar',
    name: 'Dinas Kepemudaan, Olahraga dan Pariwisata',
    shortName: 'Disporapar',
    kind: 'dinas',
    description:
      'Melaksanakan urusan pemerintahan bidang kepemudaan, keolahragaan dan pariwisata, termasuk pengelolaan destinasi dan fasilitas olahraga serta penyelenggaraan event kota.',
    address: 'Jl. Ahmad Yani, Pontianak',
    phone: '(0561) 739518',
    email: 'disporapar@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'disperpusip',
    name: 'Dinas Perpustakaan dan Kearsipan',
    shortName: 'Disperpusip',
    kind: 'dinas',
    description:
      'Melaksanakan urusan pemerintahan bidang perpustakaan dan kearsipan, meliputi layanan perpustakaan umum, pembudayaan gemar membaca serta pengelolaan dan penyelamatan arsip daerah.',
    address: 'Jl. Sutan Syahrir, Pontianak',
    phone: '(0561) 744190',
    email: 'disperpusip@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'dp2kbp3a',
    name: 'Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak',
    shortName: 'DP2KBP3A',
    kind: 'dinas',
    description:
      'Melaksanakan urusan pemerintahan bidang pengendalian penduduk dan keluarga berencana serta pemberdayaan perempuan dan perlindungan anak, termasuk percepatan penurunan stunting.',
    address: 'Jl. Letjen Sutoyo, Pontianak',
    phone: '(0561) 742385',
    email: 'dp2kbp3a@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },

  // Satuan Polisi Pamong Praja dan RSUD
  {
    slug: 'satpolpp',
    name: 'Satuan Polisi Pamong Praja',
    shortName: 'Satpol PP',
    kind: 'satpol_pp',
    description:
      'Menegakkan peraturan daerah dan peraturan wali kota, menyelenggarakan ketertiban umum dan ketenteraman masyarakat, serta menyelenggarakan pelindungan masyarakat.',
    address: 'Jl. Rahadi Usman, Pontianak',
    phone: '(0561) 735421',
    email: 'satpolpp@pontianak.go.id',
    serviceHours: ALWAYS_OPEN,
    socialLinks: {},
  },
  {
    slug: 'rsud-ssma',
    name: 'Rumah Sakit Umum Daerah Sultan Syarif Mohamad Alkadrie',
    shortName: 'RSUD SSMA',
    kind: 'rsud',
    description:
      'Menyelenggarakan pelayanan kesehatan perorangan secara paripurna melalui pelayanan gawat darurat, rawat jalan dan rawat inap sebagai rumah sakit milik Pemerintah Kota Pontianak.',
    address: 'Jl. Komodor Yos Sudarso, Pontianak Barat',
    phone: '(0561) 772570',
    email: 'rsud-ssma@pontianak.go.id',
    serviceHours: ALWAYS_OPEN,
    socialLinks: {},
  },

  // Bagian pada Sekretariat Daerah
  {
    slug: 'bag-hukum',
    name: 'Bagian Hukum',
    shortName: 'Bag. Hukum',
    kind: 'bagian',
    parentSlug: 'setda',
    description:
      'Menyiapkan rancangan produk hukum daerah, memberikan bantuan dan pertimbangan hukum, serta mengelola dokumentasi dan informasi hukum Pemerintah Kota Pontianak.',
    address: 'Jl. Rahadi Usman No. 3, Pontianak',
    phone: '(0561) 733062',
    email: 'bag-hukum@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'bag-organisasi',
    name: 'Bagian Organisasi',
    shortName: 'Bag. Organisasi',
    kind: 'bagian',
    parentSlug: 'setda',
    description:
      'Menyiapkan bahan kebijakan kelembagaan dan analisis jabatan, tata laksana, reformasi birokrasi, akuntabilitas kinerja serta pembinaan pelayanan publik perangkat daerah.',
    address: 'Jl. Rahadi Usman No. 3, Pontianak',
    phone: '(0561) 733075',
    email: 'bag-organisasi@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'prokopim',
    name: 'Bagian Protokol dan Komunikasi Pimpinan',
    shortName: 'Prokopim',
    kind: 'bagian',
    parentSlug: 'setda',
    description:
      'Menyelenggarakan keprotokolan, dokumentasi dan komunikasi pimpinan, termasuk peliputan serta publikasi kegiatan Wali Kota dan Wakil Wali Kota.',
    address: 'Jl. Rahadi Usman No. 3, Pontianak',
    phone: '(0561) 733089',
    email: 'prokopim@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },

  // Kecamatan
  {
    slug: 'kec-pontianak-barat',
    name: 'Kecamatan Pontianak Barat',
    shortName: 'Kec. Pontianak Barat',
    kind: 'kecamatan',
    description:
      'Menyelenggarakan urusan pemerintahan umum, pelayanan administrasi terpadu kecamatan, serta koordinasi pemberdayaan masyarakat dan pembinaan kelurahan di wilayah Pontianak Barat.',
    address: 'Jl. Komodor Yos Sudarso, Pontianak Barat',
    phone: '(0561) 771204',
    email: 'kec-pontianak-barat@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'kec-pontianak-kota',
    name: 'Kecamatan Pontianak Kota',
    shortName: 'Kec. Pontianak Kota',
    kind: 'kecamatan',
    description:
      'Menyelenggarakan urusan pemerintahan umum, pelayanan administrasi terpadu kecamatan, serta koordinasi pemberdayaan masyarakat dan pembinaan kelurahan di wilayah Pontianak Kota.',
    address: 'Jl. Hasanuddin, Pontianak Kota',
    phone: '(0561) 732846',
    email: 'kec-pontianak-kota@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'kec-pontianak-selatan',
    name: 'Kecamatan Pontianak Selatan',
    shortName: 'Kec. Pontianak Selatan',
    kind: 'kecamatan',
    description:
      'Menyelenggarakan urusan pemerintahan umum, pelayanan administrasi terpadu kecamatan, serta koordinasi pemberdayaan masyarakat dan pembinaan kelurahan di wilayah Pontianak Selatan.',
    address: 'Jl. Sultan Abdurrahman, Pontianak Selatan',
    phone: '(0561) 736319',
    email: 'kec-pontianak-selatan@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'kec-pontianak-tenggara',
    name: 'Kecamatan Pontianak Tenggara',
    shortName: 'Kec. Pontianak Tenggara',
    kind: 'kecamatan',
    description:
      'Menyelenggarakan urusan pemerintahan umum, pelayanan administrasi terpadu kecamatan, serta koordinasi pemberdayaan masyarakat dan pembinaan kelurahan di wilayah Pontianak Tenggara.',
    address: 'Jl. Sepakat II, Pontianak Tenggara',
    phone: '(0561) 746530',
    email: 'kec-pontianak-tenggara@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'kec-pontianak-timur',
    name: 'Kecamatan Pontianak Timur',
    shortName: 'Kec. Pontianak Timur',
    kind: 'kecamatan',
    description:
      'Menyelenggarakan urusan pemerintahan umum, pelayanan administrasi terpadu kecamatan, serta koordinasi pemberdayaan masyarakat dan pembinaan kelurahan di wilayah Pontianak Timur.',
    address: 'Jl. Tanjung Raya I, Pontianak Timur',
    phone: '(0561) 748205',
    email: 'kec-pontianak-timur@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },
  {
    slug: 'kec-pontianak-utara',
    name: 'Kecamatan Pontianak Utara',
    shortName: 'Kec. Pontianak Utara',
    kind: 'kecamatan',
    description:
      'Menyelenggarakan urusan pemerintahan umum, pelayanan administrasi terpadu kecamatan, serta koordinasi pemberdayaan masyarakat dan pembinaan kelurahan di wilayah Pontianak Utara.',
    address: 'Jl. Gusti Situt Mahmud, Pontianak Utara',
    phone: '(0561) 781342',
    email: 'kec-pontianak-utara@pontianak.go.id',
    serviceHours: OFFICE_HOURS,
    socialLinks: {},
  },

  // Puskesmas (UPT Dinas Kesehatan)
  {
    slug: 'pkm-kampung-dalam',
    name: 'Puskesmas Kampung Dalam',
    shortName: 'PKM Kampung Dalam',
    kind: 'puskesmas',
    parentSlug: 'dinkes',
    description:
      'Menyelenggarakan upaya kesehatan masyarakat dan upaya kesehatan perseorangan tingkat pertama di wilayah kerjanya di Kecamatan Pontianak Timur.',
    address: 'Jl. Tanjung Raya II, Pontianak Timur',
    phone: '(0561) 748731',
    email: 'pkm-kampung-dalam@pontianak.go.id',
    serviceHours: PUSKESMAS_HOURS,
    socialLinks: {},
  },
  {
    slug: 'pkm-siantan-hilir',
    name: 'Puskesmas Siantan Hilir',
    shortName: 'PKM Siantan Hilir',
    kind: 'puskesmas',
    parentSlug: 'dinkes',
    description:
      'Menyelenggarakan upaya kesehatan masyarakat dan upaya kesehatan perseorangan tingkat pertama di wilayah kerjanya di Kecamatan Pontianak Utara.',
    address: 'Jl. Khatulistiwa, Pontianak Utara',
    phone: '(0561) 781570',
    email: 'pkm-siantan-hilir@pontianak.go.id',
    serviceHours: PUSKESMAS_HOURS,
    socialLinks: {},
  },
  {
    slug: 'pkm-perumnas-2',
    name: 'Puskesmas Perumnas II',
    shortName: 'PKM Perumnas II',
    kind: 'puskesmas',
    parentSlug: 'dinkes',
    description:
      'Menyelenggarakan upaya kesehatan masyarakat dan upaya kesehatan perseorangan tingkat pertama di wilayah kerjanya di Kecamatan Pontianak Barat.',
    address: 'Jl. Tebu, Pontianak Barat',
    phone: '(0561) 771689',
    email: 'pkm-perumnas-2@pontianak.go.id',
    serviceHours: PUSKESMAS_HOURS,
    socialLinks: {},
  },
  {
    slug: 'pkm-alianyang',
    name: 'Puskesmas Alianyang',
    shortName: 'PKM Alianyang',
    kind: 'puskesmas',
    parentSlug: 'dinkes',
    description:
      'Menyelenggarakan upaya kesehatan masyarakat dan upaya kesehatan perseorangan tingkat pertama di wilayah kerjanya di Kecamatan Pontianak Kota.',
    address: 'Jl. Alianyang, Pontianak Kota',
    phone: '(0561) 734166',
    email: 'pkm-alianyang@pontianak.go.id',
    serviceHours: PUSKESMAS_HOURS,
    socialLinks: {},
  },
  {
    slug: 'pkm-kampung-bali',
    name: 'Puskesmas Kampung Bali',
    shortName: 'PKM Kampung Bali',
    kind: 'puskesmas',
    parentSlug: 'dinkes',
    description:
      'Menyelenggarakan upaya kesehatan masyarakat dan upaya kesehatan perseorangan tingkat pertama di wilayah kerjanya di Kecamatan Pontianak Kota.',
    address: 'Jl. Merdeka, Pontianak Kota',
    phone: '(0561) 735908',
    email: 'pkm-kampung-bali@pontianak.go.id',
    serviceHours: PUSKESMAS_HOURS,
    socialLinks: {},
  },
];

export const kecamatan: SeedRegion[] = [
  {
    slug: 'kec-pontianak-barat',
    name: 'Pontianak Barat',
    kelurahan: ['Pal Lima', 'Sungai Beliung', 'Sungai Jawi Dalam', 'Sungai Jawi Luar'],
  },
  {
    slug: 'kec-pontianak-kota',
    name: 'Pontianak Kota',
    kelurahan: ['Darat Sekip', 'Mariana', 'Sungai Bangkong', 'Sungai Jawi', 'Tengah'],
  },
  {
    slug: 'kec-pontianak-selatan',
    name: 'Pontianak Selatan',
    kelurahan: ['Akcaya', 'Benua Melayu Darat', 'Benua Melayu Laut', 'Kota Baru', 'Parit Tokaya'],
  },
  {
    slug: 'kec-pontianak-tenggara',
    name: 'Pontianak Tenggara',
    kelurahan: ['Bansir Darat', 'Bansir Laut', 'Bangka Belitung Darat', 'Bangka Belitung Laut'],
  },
  {
    slug: 'kec-pontianak-timur',
    name: 'Pontianak Timur',
    kelurahan: [
      'Banjar Serasan',
      'Dalam Bugis',
      'Parit Mayor',
      'Saigon',
      'Tambelan Sampit',
      'Tanjung Hilir',
      'Tanjung Hulu',
    ],
  },
  {
    slug: 'kec-pontianak-utara',
    name: 'Pontianak Utara',
    kelurahan: ['Batu Layang', 'Siantan Hilir', 'Siantan Hulu', 'Siantan Tengah'],
  },
];

/** slug of the one agency that gets only admin1 (a deliberate gap the monitoring dashboard shows) */
export const agencyWithOneAdmin: string = 'disperpusip';

/** Tracking codes of the city's complaint centre: PTK-7Q4M2X. */
export const complaintCodePrefix = 'PTK';

/** The complaint categories a citizen picks from, each with the OPD that usually has authority. */
export const complaintCategories: {
  code: string;
  name: string;
  description: string;
  agencySlug: string | null;
}[] = [
  {
    code: 'jalan-jembatan',
    name: 'Jalan dan jembatan',
    description: 'Jalan rusak, berlubang, jembatan, trotoar.',
    agencySlug: 'pupr',
  },
  {
    code: 'drainase-banjir',
    name: 'Drainase dan banjir',
    description: 'Parit tersumbat, genangan, banjir.',
    agencySlug: 'pupr',
  },
  {
    code: 'sampah-lingkungan',
    name: 'Sampah dan lingkungan',
    description: 'Sampah tidak diangkut, pencemaran, asap.',
    agencySlug: 'dlh',
  },
  {
    code: 'lampu-lalu-lintas',
    name: 'Lampu jalan dan lalu lintas',
    description: 'Lampu jalan padam, rambu, parkir, angkutan.',
    agencySlug: 'dishub',
  },
  {
    code: 'kesehatan',
    name: 'Layanan kesehatan',
    description: 'Puskesmas, rumah sakit, BPJS, nyamuk dan wabah.',
    agencySlug: 'dinkes',
  },
  {
    code: 'pendidikan',
    name: 'Pendidikan',
    description: 'Sekolah, penerimaan murid baru, guru.',
    agencySlug: 'disdikbud',
  },
  {
    code: 'kependudukan',
    name: 'Administrasi kependudukan',
    description: 'KTP-el, Kartu Keluarga, akta kelahiran.',
    agencySlug: 'disdukcapil',
  },
  {
    code: 'perizinan',
    name: 'Perizinan dan investasi',
    description: 'Izin usaha, PBG, layanan terpadu satu pintu.',
    agencySlug: 'dpmptsp',
  },
  {
    code: 'ketertiban',
    name: 'Ketertiban umum',
    description: 'Pedagang kaki lima, bangunan liar, gangguan ketertiban.',
    agencySlug: 'satpolpp',
  },
  {
    code: 'sosial',
    name: 'Bantuan sosial',
    description: 'Bansos, PKH, warga terlantar.',
    agencySlug: 'dinsos',
  },
  {
    code: 'pajak-daerah',
    name: 'Pajak daerah',
    description: 'PBB, BPHTB, pajak restoran dan hotel.',
    agencySlug: 'bapenda',
  },
  { code: 'lainnya', name: 'Lainnya', description: 'Yang tidak termasuk kategori lain.', agencySlug: null },
];
