import type { PageContext } from '../../views/context.js';
import { GuidePage } from './guide-page.js';

const brief = [
  'Pegang ponsel mendatar (lanskap); foto sampul paling tidak 1200 piksel lebarnya.',
  'Cari cahaya dari depan atau samping; hindari memotret melawan jendela.',
  'Tampilkan kegiatan dan orang yang bekerja, bukan barisan orang berpose.',
  'Minta izin sebelum memotret wajah dari dekat; anak-anak jangan bisa dikenali.',
  'Jangan unggah foto dokumen berisi data pribadi atau tangkapan layar WhatsApp.',
  'Tulis teks alternatif yang menjelaskan isi foto dalam satu kalimat.',
];

/** Choosing and taking photos fit to publish. */
export function PhotosGuide({ ctx }: { ctx: PageContext }) {
  return (
    <GuidePage ctx={ctx} guide="photos" minutes={6} brief={brief}>
      <section aria-labelledby="memotret">
        <h2 id="memotret">Saat memotret</h2>
        <dl class="help-terms">
          <dt>Mendatar</dt>
          <dd>
            Pegang ponsel mendatar (lanskap). Foto sampul berita dan pratinjau di media sosial berbentuk
            melebar; foto tegak akan terpotong di atas dan bawah.
          </dd>
          <dt>Cahaya</dt>
          <dd>
            Berdirilah membelakangi sumber cahaya, sehingga cahaya jatuh ke wajah orang yang Anda potret.
            Memotret ke arah jendela atau matahari membuat wajah gelap. Di dalam ruangan, nyalakan lampu dan
            matikan lampu kilat bila orang berada lebih dari tiga meter.
          </dd>
          <dt>Tajam</dt>
          <dd>
            Sentuh layar pada wajah atau benda utama agar fokus di sana, lalu tahan ponsel diam sejenak.
            Bersihkan lensa dengan kain: lensa berminyak membuat foto buram berkabut.
          </dd>
          <dt>Bercerita</dt>
          <dd>
            Potret orang yang sedang bekerja: petugas memeriksa balita, warga mengisi formulir, alat berat
            meratakan jalan. Foto barisan pejabat berpose di depan spanduk boleh ada satu, tetapi jangan hanya
            itu.
          </dd>
          <dt>Beberapa sudut</dt>
          <dd>
            Ambil satu foto luas yang memperlihatkan tempat dan suasana, satu foto sedang yang memperlihatkan
            kegiatan, dan satu foto dekat yang memperlihatkan rincian.
          </dd>
        </dl>
      </section>

      <section aria-labelledby="wajah-izin">
        <h2 id="wajah-izin">Wajah dan izin</h2>
        <p>
          Wajah seseorang adalah data pribadi. Di acara terbuka, foto suasana umumnya wajar, tetapi untuk foto
          dekat yang membuat seseorang mudah dikenali, mintalah izin lebih dulu dengan bertanya langsung:
          "Boleh kami foto untuk berita di situs Pemkot?".
        </p>
        <ul>
          <li>
            Jangan memotret warga dalam keadaan yang memalukan atau rentan: sakit, berduka, antre bantuan
            sosial, di ruang periksa.
          </li>
          <li>Bila seseorang menolak difoto, hormati dan jangan unggah fotonya.</li>
          <li>
            Bila ada yang meminta fotonya diturunkan setelah terbit, hapus dari pustaka foto dan laporkan ke
            atasan Anda.
          </li>
        </ul>
      </section>

      <section aria-labelledby="anak">
        <h2 id="anak">Anak-anak</h2>
        <p>
          Anak-anak berhak mendapat perlindungan lebih. Potret dari belakang atau dari samping, atau potret
          tangan dan kegiatannya, sehingga wajah anak tidak bisa dikenali. Jangan menulis nama anak,
          sekolahnya dan kelurahannya bersama-sama. Foto anak dengan izin orang tua pun sebaiknya tidak
          menampilkan wajah dari dekat.
        </p>
      </section>

      <section aria-labelledby="jangan-unggah">
        <h2 id="jangan-unggah">Yang tidak boleh diunggah</h2>
        <ul>
          <li>
            Foto KTP, KK, surat keterangan, formulir, daftar hadir atau dokumen lain yang memuat data pribadi,
            juga bila hanya terlihat sebagian di latar belakang.
          </li>
          <li>
            Tangkapan layar percakapan WhatsApp atau media sosial: berisi nomor telepon dan nama orang, dan
            tidak terbaca di ponsel.
          </li>
          <li>Foto layar proyektor atau spanduk saja: tulis isinya di berita.</li>
          <li>
            Foto dari internet atau milik orang lain tanpa izin pemiliknya; bila dengan izin, cantumkan
            kreditnya.
          </li>
          <li>Foto buram, sangat gelap, atau terpotong sehingga orang tidak tahu apa yang dilihatnya.</li>
        </ul>
      </section>

      <section aria-labelledby="ukuran">
        <h2 id="ukuran">Ukuran dan berkas</h2>
        <p>
          Unggah foto asli dari kamera ponsel; Balairung memperkecil dan memadatkannya sendiri untuk setiap
          ukuran layar, dan menghapus data lokasi (GPS) yang tersimpan di foto. Jangan mengirim foto lewat
          WhatsApp lebih dulu lalu mengunggah hasilnya: WhatsApp sudah memadatkannya sehingga kualitasnya
          turun.
        </p>
        <ul>
          <li>
            Foto sampul paling tidak 1200 piksel lebarnya; pustaka foto memberi tanda bila terlalu kecil,
            buram atau gelap.
          </li>
          <li>Satu berkas paling besar 15 MB. Foto ponsel biasa berukuran 2–6 MB.</li>
          <li>Pilih dua sampai lima foto terbaik. Sepuluh foto yang mirip melelahkan pembaca.</li>
        </ul>
      </section>

      <section aria-labelledby="teks-alternatif">
        <h2 id="teks-alternatif">Teks alternatif yang baik</h2>
        <p>
          Teks alternatif dibacakan oleh pembaca layar kepada warga tunanetra dan tampil bila foto gagal
          dimuat. Tulislah apa yang terlihat dan mengapa foto itu penting, dalam satu kalimat.
        </p>
        <ul>
          <li>Jelaskan isinya: siapa (jabatan atau peran, bukan nama warga), sedang apa, di mana.</li>
          <li>Jangan mulai dengan "Foto" atau "Gambar": pembaca layar sudah mengatakannya.</li>
          <li>Jangan mengulang judul berita, dan jangan menulis nama berkas seperti "IMG_2041.jpg".</li>
          <li>Cukup sekitar 10–20 kata.</li>
        </ul>
        <div class="help-example">
          <p>
            <strong>Kurang baik:</strong> Foto kegiatan
          </p>
          <p>
            <strong>Lebih baik:</strong> Kader posyandu menimbang seorang balita di Posyandu Melati, Siantan
            Hulu
          </p>
        </div>
        <p>
          <strong>Keterangan</strong> (caption) berbeda dengan teks alternatif: keterangan tampil di bawah
          foto untuk semua pembaca, dan boleh memuat nama pejabat serta tanggal. <strong>Kredit</strong> diisi
          nama pemotret atau instansinya.
        </p>
      </section>
    </GuidePage>
  );
}
