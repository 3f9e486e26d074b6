import type { PageContext } from '../../views/context.js';
import { GuidePage } from './guide-page.js';

const brief = [
  'Tulis pada hari yang sama dengan kegiatannya.',
  'Paragraf pertama menjawab apa, siapa, kapan, di mana dan mengapa.',
  'Judul memuat pelaku dan kegiatan, bukan "Kegiatan hari ini".',
  'Nama lengkap dan jabatan ditulis benar pada penyebutan pertama.',
  'Jangan muat data pribadi warga: NIK, alamat rumah, nomor telepon, penyakit.',
];

/** Writing an activity post: the news-writing basics Diskominfo teaches OPD admins. */
export function WritingGuide({ ctx }: { ctx: PageContext }) {
  return (
    <GuidePage ctx={ctx} guide="writing" minutes={5} brief={brief}>
      <section aria-labelledby="mengapa">
        <h2 id="mengapa">Mengapa berita kegiatan penting</h2>
        <p>
          Berita kegiatan adalah bukti kepada warga bahwa OPD bekerja. Warga jarang membaca laporan tahunan,
          tetapi mereka membaca berita singkat tentang posyandu di kelurahannya, perbaikan jalan di depan
          rumahnya, atau jadwal vaksinasi. Berita yang jelas juga menjadi arsip: setahun kemudian Anda bisa
          menunjukkan kapan dan di mana sebuah program berjalan.
        </p>
      </section>

      <section aria-labelledby="lima-w">
        <h2 id="lima-w">Lima pertanyaan yang harus terjawab</h2>
        <p>
          Sebelum menulis, pastikan Anda bisa menjawab kelima pertanyaan ini dalam satu kalimat masing-masing.
        </p>
        <dl class="help-terms">
          <dt>Apa</dt>
          <dd>
            Kegiatan apa yang terjadi? Sebut jenisnya: sosialisasi, pelayanan keliling, rapat koordinasi,
            peresmian.
          </dd>
          <dt>Siapa</dt>
          <dd>
            Siapa pelaksananya dan siapa sasarannya? Misalnya Dinas Kesehatan bersama kader posyandu, untuk
            120 balita.
          </dd>
          <dt>Kapan</dt>
          <dd>Hari dan tanggal, misalnya Rabu, 19 Mei 2021. Hindari "kemarin" atau "baru-baru ini".</dd>
          <dt>Di mana</dt>
          <dd>
            Tempat dan kelurahannya, misalnya Aula Kantor Camat Pontianak Utara, Kelurahan Siantan Hulu.
          </dd>
          <dt>Mengapa</dt>
          <dd>
            Apa tujuan atau manfaatnya bagi warga? Inilah bagian yang paling sering terlupa, padahal paling
            penting bagi pembaca.
          </dd>
        </dl>
        <p>
          Bila masih ada ruang, tambahkan <strong>bagaimana</strong>: langkah-langkahnya, jumlah peserta,
          hasil yang dicapai, dan apa yang terjadi berikutnya.
        </p>
      </section>

      <section aria-labelledby="judul">
        <h2 id="judul">Judul yang baik</h2>
        <ul>
          <li>Memuat pelaku dan kegiatan: siapa melakukan apa.</li>
          <li>Singkat, sekitar 6–12 kata, tanpa singkatan yang tidak dikenal warga.</li>
          <li>Memakai kalimat aktif dan kata kerja: "membuka", "memeriksa", "membagikan".</li>
          <li>Tanpa huruf kapital semua, tanpa tanda seru, tanpa nama hari.</li>
        </ul>
        <div class="help-example">
          <p>
            <strong>Kurang baik:</strong> KEGIATAN SOSIALISASI HARI INI!!!
          </p>
          <p>
            <strong>Lebih baik:</strong> Dinkes Periksa Kesehatan 120 Balita di Posyandu Siantan Hulu
          </p>
        </div>
      </section>

      <section aria-labelledby="paragraf-pertama">
        <h2 id="paragraf-pertama">Paragraf pertama</h2>
        <p>
          Banyak pembaca hanya membaca paragraf pertama. Karena itu, taruh hal terpenting di sana: jawaban
          atas apa, siapa, kapan, di mana dan mengapa, dalam dua atau tiga kalimat. Sambutan, ucapan terima
          kasih dan daftar tamu letakkan di bagian akhir, atau tidak perlu ditulis sama sekali.
        </p>
        <div class="help-example">
          <p>
            <strong>Contoh:</strong> Dinas Kesehatan Kota Pontianak memeriksa kesehatan 120 balita di Posyandu
            Melati, Kelurahan Siantan Hulu, Rabu (19/5/2021). Pemeriksaan rutin ini dilakukan untuk menemukan
            sejak dini balita yang berisiko mengalami tengkes (stunting).
          </p>
        </div>
        <p>
          Paragraf berikutnya menjelaskan rinciannya: hasil pemeriksaan secara umum, kutipan singkat dari
          pejabat atau petugas, dan informasi yang berguna bagi warga, misalnya jadwal posyandu berikutnya
          atau nomor layanan yang bisa dihubungi.
        </p>
      </section>

      <section aria-labelledby="nama-jabatan">
        <h2 id="nama-jabatan">Nama dan jabatan</h2>
        <ul>
          <li>
            Pada penyebutan pertama, tulis nama lengkap dan jabatan resmi: "Kepala Dinas Kesehatan Kota
            Pontianak, dr. Siti Aminah". Selanjutnya cukup "Siti" atau "Kepala Dinas".
          </li>
          <li>
            Periksa ejaan nama dan gelar pada daftar hadir atau kepada yang bersangkutan. Nama yang salah
            tulis mempermalukan dua pihak.
          </li>
          <li>Tulis singkatan lengkap pada penyebutan pertama: "Organisasi Perangkat Daerah (OPD)".</li>
          <li>Kutipan ditulis sesuai ucapan, di antara tanda petik, dengan nama penuturnya.</li>
        </ul>
      </section>

      <section aria-labelledby="data-pribadi">
        <h2 id="data-pribadi">Jangan muat data pribadi warga</h2>
        <p>
          Undang-Undang Pelindungan Data Pribadi (UU 27/2022) berlaku juga untuk berita OPD. Yang boleh
          ditulis adalah kegiatan dan hasilnya, bukan data orang per orang.
        </p>
        <ul>
          <li>Jangan tulis NIK, nomor KK, alamat rumah, nomor telepon atau tanggal lahir warga.</li>
          <li>
            Jangan sebut nama warga penerima bantuan, pasien, atau anak, kecuali dengan izin tertulis, dan
            untuk anak jangan sama sekali.
          </li>
          <li>
            Data kesehatan, agama, atau catatan hukum seseorang adalah data pribadi yang spesifik: jangan
            dimuat.
          </li>
          <li>Tulis jumlah dan gambaran umum: "45 warga menerima bantuan", bukan daftar nama.</li>
        </ul>
      </section>

      <section aria-labelledby="hari-yang-sama">
        <h2 id="hari-yang-sama">Terbitkan pada hari yang sama</h2>
        <p>
          Berita yang terbit seminggu kemudian sudah basi bagi warga, dan di dasbor pemantauan situs OPD Anda
          akan tampak tidak aktif. Biasakan menulis draf singkat di lokasi dari ponsel lewat formulir
          <strong> Kegiatan baru</strong>: judul, dua paragraf dan dua atau tiga foto sudah cukup. Rapikan
          seperlunya, lalu terbitkan atau ajukan ke editor sebelum jam kerja berakhir.
        </p>
      </section>

      <section aria-labelledby="periksa">
        <h2 id="periksa">Sebelum menekan Terbitkan</h2>
        <ol>
          <li>Apakah judul menyebut siapa dan apa?</li>
          <li>Apakah paragraf pertama menjawab kelima pertanyaan?</li>
          <li>Apakah nama, jabatan dan tanggal sudah benar?</li>
          <li>Apakah tidak ada data pribadi warga?</li>
          <li>Apakah setiap foto punya teks alternatif yang menjelaskan isinya?</li>
          <li>Sudahkah Anda membacanya sekali lagi, pelan-pelan, untuk salah ketik?</li>
        </ol>
      </section>
    </GuidePage>
  );
}
