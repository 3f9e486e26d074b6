// Indonesian-looking news text for the volume seed. The word list, topics and title patterns follow
// ../shared/bench/wordpress/seed.php, so Balairung and the WordPress yardstick hold the same kind of
// content and a search for one word finds about the same share of posts on both.

export type Random = () => number;

/** A small deterministic PRNG (mulberry32): the same seed gives the same post on every run. */
export function mulberry32(seed: number): Random {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export const between = (random: Random, low: number, high: number): number =>
  low + Math.floor(random() * (high - low + 1));

export function pick<T>(random: Random, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export const WORDS: readonly string[] = (
  'pemerintah daerah kabupaten kota provinsi masyarakat pelayanan publik program kegiatan ' +
  'pembangunan koordinasi anggaran tahun rencana strategis pelaksanaan evaluasi monitoring laporan kinerja ' +
  'aparatur sipil negara dinas badan kepala bidang seksi kecamatan desa kelurahan warga bantuan sosial ' +
  'kesehatan pendidikan infrastruktur jalan jembatan irigasi pertanian perikanan pariwisata ekonomi ' +
  'investasi perizinan terpadu satu pintu digital layanan informasi transparansi akuntabilitas ' +
  'partisipasi sinergi kolaborasi percepatan peningkatan kualitas kapasitas sumber daya manusia ' +
  'lingkungan hidup sampah air bersih sanitasi stunting gizi balita posyandu puskesmas rumah sakit ' +
  'sekolah guru siswa beasiswa perpustakaan budaya tradisi festival olahraga pemuda perempuan anak ' +
  'perlindungan ketertiban keamanan bencana banjir longsor kebakaran kesiapsiagaan mitigasi ' +
  'dalam rangka untuk dengan dan yang pada oleh dari ke di serta agar sehingga melalui terhadap ' +
  'telah akan sedang dapat perlu harus bersama seluruh para setiap berbagai sejumlah antara ' +
  'menyampaikan mengatakan menjelaskan menegaskan mengajak mendorong meningkatkan memastikan ' +
  'melaksanakan menyelenggarakan mendukung mewujudkan menindaklanjuti memperkuat mengoptimalkan ' +
  'rapat pertemuan musyawarah sosialisasi pelatihan bimbingan teknis penyuluhan peninjauan ' +
  'target capaian realisasi indikator prioritas tahapan jadwal wilayah daerah tingkat nasional'
).split(' ');

/** Each topic with the tags an editor would give it. */
export const TOPICS: readonly { name: string; tags: readonly string[] }[] = [
  { name: 'Penanganan Stunting', tags: ['stunting', 'kesehatan'] },
  { name: 'Percepatan Vaksinasi', tags: ['vaksinasi', 'kesehatan'] },
  { name: 'Pengendalian Inflasi Daerah', tags: ['inflasi', 'ekonomi'] },
  { name: 'Penataan Pasar Tradisional', tags: ['pasar', 'ekonomi'] },
  { name: 'Penanggulangan Banjir', tags: ['banjir', 'bencana'] },
  { name: 'Persiapan Hari Jadi Kota', tags: ['hari jadi'] },
  { name: 'Pelayanan Publik Terpadu', tags: ['pelayanan publik'] },
  { name: 'Pembangunan Jalan Lingkungan', tags: ['infrastruktur', 'jalan'] },
  { name: 'Penerimaan Peserta Didik Baru', tags: ['pendidikan', 'ppdb'] },
  { name: 'Ketahanan Pangan', tags: ['pangan'] },
  { name: 'Digitalisasi Layanan Administrasi', tags: ['digital', 'pelayanan publik'] },
  { name: 'Pencegahan Kebakaran Hutan dan Lahan', tags: ['karhutla', 'bencana'] },
  { name: 'Penyaluran Bantuan Sosial', tags: ['bansos', 'sosial'] },
  { name: 'Pengelolaan Sampah Terpadu', tags: ['sampah', 'lingkungan'] },
  { name: 'Penguatan UMKM', tags: ['umkm', 'ekonomi'] },
  { name: 'Reformasi Birokrasi', tags: ['reformasi birokrasi'] },
  { name: 'Penyusunan RPJMD', tags: ['perencanaan'] },
  { name: 'Optimalisasi Pendapatan Asli Daerah', tags: ['pad', 'keuangan'] },
  { name: 'Kesiapsiagaan Bencana', tags: ['bencana'] },
  { name: 'Pengembangan Kampung Wisata', tags: ['pariwisata'] },
  { name: 'Pemutakhiran Data Kependudukan', tags: ['kependudukan'] },
  { name: 'Ketertiban Umum', tags: ['ketertiban'] },
  { name: 'Perlindungan Anak', tags: ['anak', 'sosial'] },
  { name: 'Revitalisasi Perpustakaan Daerah', tags: ['perpustakaan'] },
  { name: 'Peningkatan Produksi Padi', tags: ['pertanian', 'pangan'] },
  { name: 'Sanitasi Lingkungan', tags: ['sanitasi', 'lingkungan'] },
];

const TITLES = [
  'Rapat Koordinasi %T di %P',
  'Rapat Koordinasi %T Tingkat Kota',
  '%A Gelar Rapat Koordinasi %T',
  'Rapat Koordinasi %T Tahun %Y',
  'Rapat Evaluasi %T bersama %A',
  'Sosialisasi %T di %P',
  'Wali Kota Pimpin Rapat %T',
  '%A Tinjau %T di %P',
  'Monitoring dan Evaluasi %T Tahun %Y',
];

const SUBHEADINGS = ['Langkah Selanjutnya', 'Target Tahun Ini', 'Peran Masyarakat', 'Dukungan Lintas Sektor'];

export interface TitleParts {
  topic: string;
  agencyName: string;
  place: string;
  year: number;
}

export function makeTitle(random: Random, parts: TitleParts): string {
  return pick(random, TITLES)
    .replace('%T', parts.topic)
    .replace('%P', parts.place)
    .replace('%A', parts.agencyName)
    .replace('%Y', String(parts.year));
}

function sentence(random: Random): string {
  const n = between(random, 8, 18);
  const words = Array.from({ length: n }, () => pick(random, WORDS));
  if (n > 10 && random() < 1 / 3) words[between(random, 4, n - 3)] += ',';
  const first = words[0] ?? '';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(' ')}.`;
}

export interface Body {
  /** already in the shape sanitizePostHtml gives back (checked on a sample by the seed) */
  html: string;
  /** the same as htmlToText(html) */
  text: string;
}

/** About 400 words in paragraphs of 3–6 sentences, opened by a dateline; now and then a subheading. */
export function makeBody(random: Random, dateline: string): Body {
  const target = between(random, 380, 420);
  const blocks: { tag: 'p' | 'h2'; text: string }[] = [];
  const subheadingAt = random() < 1 / 3 ? between(random, 2, 3) : -1;
  let count = 0;
  while (count < target) {
    if (blocks.length === subheadingAt) blocks.push({ tag: 'h2', text: pick(random, SUBHEADINGS) });
    const sentences = Array.from({ length: between(random, 3, 6) }, () => sentence(random));
    const text = (blocks.length === 0 ? `${dateline} ` : '') + sentences.join(' ');
    count += text.split(' ').length;
    blocks.push({ tag: 'p', text });
  }
  return {
    html: blocks.map((b) => `<${b.tag}>${b.text}</${b.tag}>`).join('\n'),
    text: blocks.map((b) => b.text).join(' '),
  };
}

/** The lowercase words of a text as FTS5's unicode61 tokenizer cuts them (letters and digits). */
export const wordsOf = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
