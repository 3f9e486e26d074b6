import { t } from '../../i18n/index.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { labels } from '../messages.js';

export interface Receipt {
  trackingCode: string;
  /** the private link with the access key */
  link: string;
  /** the verify deadline, already in words ("Kamis, 3 Desember 2026 pukul 16.00 WIB") */
  deadline: string | null;
  emailed: boolean;
}

const crumbs = [{ href: '/', label: t.nav.home }];

/**
 * After filing: the tracking code large enough to copy from a phone screen, the private link with a
 * plea to keep it, and the first deadline. Shown from a short-lived cookie, never from the address,
 * so the access key does not end up in a server log or the browser history.
 */
export function FilingDonePage({ ctx, receipt }: { ctx: PageContext; receipt: Receipt }) {
  return (
    <Layout ctx={ctx} title="Laporan terkirim" crumbs={crumbs}>
      <h1>Laporan Anda sudah kami terima</h1>
      <div class="aduan-receipt">
        <p class="aduan-receipt__label" id="nomor-tiket">
          Nomor tiket
        </p>
        <p class="aduan-receipt__code" aria-labelledby="nomor-tiket">
          {receipt.trackingCode}
        </p>
        {receipt.deadline ? (
          <p>
            {labels.deadline.verify}: <strong>{receipt.deadline}</strong>
          </p>
        ) : null}
      </div>
      <h2>Simpan tautan pribadi Anda</h2>
      <p>
        Dengan tautan ini Anda dapat mengikuti laporan, menambah informasi atau berkas, dan menanggapi jawaban
        OPD. Simpan baik-baik, misalnya kirim ke diri sendiri lewat WhatsApp atau tangkap layar halaman ini.
        Jangan bagikan kepada orang lain: siapa pun yang memegangnya dapat membuka laporan beserta data Anda.
      </p>
      <p class="aduan-receipt__link">
        <a href={receipt.link}>{receipt.link}</a>
      </p>
      {receipt.emailed ? (
        <p>Tanda terima berisi nomor tiket dan tautan pribadi ini juga kami kirim ke email Anda.</p>
      ) : (
        <p>
          Anda tidak mengisi email, jadi tanda terima tidak dikirim lewat email. Catat nomor tiket dan simpan
          tautan di atas sekarang.
        </p>
      )}
      <h2>Apa selanjutnya</h2>
      <p>
        Koordinator pengaduan memeriksa laporan Anda paling lambat pada batas verifikasi di atas (dihitung
        dalam hari kerja), lalu meneruskannya kepada OPD yang berwenang. Setiap perkembangan dapat Anda lihat
        di halaman lacak aduan.
      </p>
      <p class="button-row">
        <a class="button" href={receipt.link}>
          Lihat laporan saya
        </a>
        <a class="button button--secondary" href="/aduan">
          Kirim laporan lain
        </a>
      </p>
    </Layout>
  );
}

/** What a robot that filled the hidden field sees: a thank-you page like any other, and nothing stored. */
export function FilingThanksPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Laporan terkirim" crumbs={crumbs}>
      <h1>Terima kasih, laporan Anda sudah terkirim</h1>
      <p>
        <a href="/aduan">Kembali ke halaman aduan</a>
      </p>
    </Layout>
  );
}
