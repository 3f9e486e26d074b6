/**
 * The purpose notice UU 27/2022 (PDP) asks for before consent: what is collected, why, who sees it,
 * for how long, and the person's rights. Plain words, right above the consent checkbox.
 */
export function PurposeNotice({ retentionMonths }: { retentionMonths: number }) {
  return (
    <section class="aduan-notice" aria-labelledby="pemberitahuan-data">
      <h2 id="pemberitahuan-data">Pemberitahuan pemakaian data pribadi</h2>
      <p>Sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi:</p>
      <ul>
        <li>
          <strong>Data yang kami kumpulkan:</strong> nama, email dan/atau nomor WhatsApp, NIK bila Anda isi,
          isi laporan, lokasi, dan lampiran.
        </li>
        <li>
          <strong>Untuk apa:</strong> hanya untuk memeriksa dan menindaklanjuti laporan ini, dan mengabari
          Anda perkembangannya.
        </li>
        <li>
          <strong>Siapa yang melihat:</strong> koordinator pengaduan di Diskominfo dan petugas OPD yang
          ditugasi menangani laporan ini. Bila Anda memilih anonim, OPD pun tidak melihat identitas Anda.
          Setiap kali petugas membuka data pribadi Anda, hal itu dicatat.
        </li>
        <li>
          <strong>Berapa lama:</strong> data pribadi Anda dihapus {retentionMonths} bulan setelah laporan
          ditutup; laporan yang tersisa tidak lagi memuat identitas Anda.
        </li>
        <li>
          <strong>Hak Anda:</strong> meminta salinan, perbaikan atau penghapusan data Anda melalui kontak
          Pemerintah Kota di bagian bawah halaman ini.
        </li>
      </ul>
    </section>
  );
}
