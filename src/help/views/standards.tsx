import type { PageContext } from '../../views/context.js';
import { GuidePage } from './guide-page.js';

const brief = [
  'Setiap layanan punya standar dengan 14 komponen (UU 25/2009 Pasal 21).',
  'Enam komponen wajib dipublikasikan kepada warga; delapan lainnya untuk pengelolaan internal.',
  'Standar ditetapkan dengan SK kepala OPD: isi nomor, tanggal dan unggah PDF-nya.',
  'Satu maklumat pelayanan per OPD, dipasang di ruang pelayanan dan di situs.',
  'Tinjau setiap standar paling tidak setahun sekali, bersama warga pengguna layanan.',
];

interface Component {
  name: string;
  explanation: string;
  example: string;
  published?: boolean;
}

/** The 14 components in the order of Pasal 21 (a–n); `published` marks the 6 warga must see. */
const COMPONENTS: Component[] = [
  {
    name: 'Dasar hukum',
    explanation: 'Peraturan yang menjadi dasar penyelenggaraan layanan.',
    example: 'UU 24/2013 tentang Administrasi Kependudukan; Perwa Pontianak tentang pelayanan adminduk.',
  },
  {
    name: 'Persyaratan',
    explanation: 'Dokumen atau barang yang harus dibawa warga, ditulis satu per baris.',
    example: 'Fotokopi Kartu Keluarga; surat pengantar RT/RW; pas foto 3×4 berlatar merah (2 lembar).',
    published: true,
  },
  {
    name: 'Sistem, mekanisme dan prosedur',
    explanation:
      'Langkah-langkah layanan dari warga datang sampai menerima hasil, berurutan; boleh dengan bagan alur.',
    example:
      '1. Ambil nomor antrean. 2. Serahkan berkas ke loket 2. 3. Perekaman foto dan sidik jari. 4. Ambil KTP-el di loket 4.',
    published: true,
  },
  {
    name: 'Jangka waktu penyelesaian',
    explanation: 'Berapa lama layanan selesai sejak berkas lengkap, dalam hari kerja atau jam.',
    example: '1 hari kerja sejak persyaratan lengkap.',
    published: true,
  },
  {
    name: 'Biaya/tarif',
    explanation: 'Besar biaya dan dasar hukumnya; bila tidak dipungut biaya, tulis "Gratis".',
    example: 'Gratis (UU 24/2013 Pasal 79A).',
    published: true,
  },
  {
    name: 'Produk pelayanan',
    explanation: 'Hasil yang diterima warga.',
    example: 'KTP-el; surat keterangan pengganti sementara bila blangko habis.',
    published: true,
  },
  {
    name: 'Sarana, prasarana dan/atau fasilitas',
    explanation: 'Peralatan dan fasilitas layanan, termasuk untuk kelompok rentan.',
    example:
      'Ruang tunggu ber-AC, loket prioritas untuk lansia dan penyandang disabilitas, jalur kursi roda, ruang laktasi.',
  },
  {
    name: 'Kompetensi pelaksana',
    explanation: 'Pengetahuan, keahlian dan sikap yang harus dimiliki petugas.',
    example:
      'Minimal SMA; telah mengikuti bimtek SIAK; mampu melayani dengan ramah dan bahasa isyarat dasar.',
  },
  {
    name: 'Pengawasan internal',
    explanation: 'Siapa yang mengawasi pelaksanaan layanan di dalam OPD dan bagaimana caranya.',
    example: 'Pengawasan oleh kepala bidang setiap hari dan evaluasi bulanan oleh sekretaris dinas.',
  },
  {
    name: 'Penanganan pengaduan, saran dan masukan',
    explanation: 'Ke mana warga mengadu dan bagaimana aduan ditindaklanjuti.',
    example:
      'Lewat Pusat Aduan di situs, kotak saran di ruang tunggu, atau telepon; dijawab paling lambat 5 hari kerja.',
    published: true,
  },
  {
    name: 'Jumlah pelaksana',
    explanation: 'Berapa petugas yang melayani, sesuai beban kerja.',
    example: '6 orang: 2 petugas loket, 2 operator perekaman, 1 verifikator, 1 petugas informasi.',
  },
  {
    name: 'Jaminan pelayanan',
    explanation: 'Janji bahwa layanan diberikan sesuai standar ini.',
    example:
      'Bila KTP-el tidak selesai dalam 1 hari kerja tanpa alasan yang sah, warga diberi surat keterangan dan diantar ke rumah.',
  },
  {
    name: 'Jaminan keamanan dan keselamatan pelayanan',
    explanation: 'Komitmen memberi rasa aman, bebas dari bahaya dan keragu-raguan, termasuk keamanan data.',
    example:
      'Data warga hanya diakses petugas berwenang; ruang pelayanan dilengkapi APAR, jalur evakuasi dan CCTV.',
  },
  {
    name: 'Evaluasi kinerja pelaksana',
    explanation: 'Cara menilai apakah layanan berjalan sesuai standar.',
    example:
      'Survei kepuasan masyarakat setiap semester; hasilnya dibahas dalam rapat evaluasi dan diumumkan.',
  },
];

function ComponentList() {
  return (
    <ol class="help-components" type="a">
      {COMPONENTS.map((c) => (
        <li key={c.name}>
          <strong>{c.name}</strong>
          {c.published ? <span class="tag"> wajib dipublikasikan</span> : null}
          <br />
          {c.explanation}
          <br />
          <span class="muted">Contoh: {c.example}</span>
        </li>
      ))}
    </ol>
  );
}

/** Filling in a service standard: the 14 components, the 6 published, the SK, the pledge, the review. */
export function StandardsGuide({ ctx }: { ctx: PageContext }) {
  return (
    <GuidePage ctx={ctx} guide="standards" minutes={7} brief={brief}>
      <section aria-labelledby="apa-itu">
        <h2 id="apa-itu">Apa itu standar pelayanan</h2>
        <p>
          Standar pelayanan adalah janji tertulis OPD kepada warga tentang sebuah layanan: apa syaratnya,
          bagaimana caranya, berapa lama, berapa biayanya, dan ke mana mengadu bila tidak sesuai. Setiap
          layanan punya standarnya sendiri; "Penerbitan KTP-el" dan "Penerbitan Akta Kelahiran" adalah dua
          standar yang berbeda. Ombudsman RI menilai kepatuhan OPD terhadap standar ini setiap tahun.
        </p>
        <p>
          Tulislah untuk warga, bukan untuk sesama pegawai: kalimat pendek, tanpa singkatan yang tidak
          dijelaskan, dan sama persis dengan yang berlaku di loket.
        </p>
      </section>

      <section aria-labelledby="empat-belas">
        <h2 id="empat-belas">Ke-14 komponen (UU 25/2009 Pasal 21)</h2>
        <p>
          Isi semuanya. Komponen yang ditandai <strong>wajib dipublikasikan</strong> tampil paling atas di
          halaman layanan dan di poster loket; komponen lainnya tetap tampil di situs dan dipakai untuk
          mengelola layanan di dalam OPD.
        </p>
        <ComponentList />
      </section>

      <section aria-labelledby="enam">
        <h2 id="enam">Enam komponen yang wajib dipublikasikan</h2>
        <p>
          Komponen yang berkaitan langsung dengan warga ketika menerima layanan harus diumumkan, di situs dan
          di tempat layanan: <strong>persyaratan</strong>; <strong>sistem, mekanisme dan prosedur</strong>;{' '}
          <strong>jangka waktu penyelesaian</strong>; <strong>biaya/tarif</strong>;{' '}
          <strong>produk pelayanan</strong>; dan <strong>penanganan pengaduan, saran dan masukan</strong>.
          Cetak poster A4 dari halaman layanan di Balairung dan pasang di loket: kode QR pada poster membawa
          warga ke halaman yang selalu terbaru.
        </p>
      </section>

      <section aria-labelledby="sk">
        <h2 id="sk">SK penetapan</h2>
        <p>
          Standar pelayanan berlaku setelah ditetapkan dengan keputusan (SK) kepala OPD. Isi nomor dan tanggal
          SK, tanggal berlaku, lalu unggah PDF hasil pindaian SK yang sudah ditandatangani. Satu SK boleh
          menetapkan beberapa standar sekaligus; isi nomor yang sama pada setiap layanan itu. Standar tanpa SK
          dihitung belum lengkap pada pemeriksaan kelengkapan.
        </p>
      </section>

      <section aria-labelledby="maklumat">
        <h2 id="maklumat">Maklumat pelayanan</h2>
        <p>
          Maklumat pelayanan adalah pernyataan janji OPD untuk melayani sesuai standar, dan kesediaan menerima
          sanksi bila tidak. Setiap OPD punya satu maklumat, ditandatangani kepala OPD, dipasang di ruang
          pelayanan dan diterbitkan di situs.
        </p>
        <div class="help-example">
          <p>
            <strong>Contoh:</strong> "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai
            standar pelayanan yang telah ditetapkan, dan apabila tidak menepati janji ini, kami siap menerima
            sanksi sesuai peraturan perundang-undangan yang berlaku."
          </p>
        </div>
      </section>

      <section aria-labelledby="tinjau">
        <h2 id="tinjau">Meninjau setiap tahun</h2>
        <p>
          Standar pelayanan ditinjau paling tidak sekali setahun, dengan mengajak warga pengguna layanan,
          misalnya lewat forum konsultasi publik. Perhatikan aduan yang masuk dan hasil survei kepuasan:
          persyaratan yang sering dikeluhkan atau waktu yang sering terlewati adalah tanda standar perlu
          diubah. Setelah ditinjau, isi tanggal peninjauan di Balairung, walaupun tidak ada yang berubah; bila
          ada perubahan, tetapkan dengan SK baru.
        </p>
      </section>
    </GuidePage>
  );
}
