import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sanitizePostHtml } from '../news/sanitize.js';
import { NAUGHTY_STRINGS } from '../test/naughty.js';
import { detect, fold, outboundLinks, readings } from './guard.detect.js';

const p = (text: string) => `<p>${text}</p>`;
const links = (n: number, host = 'contoh.com', text = 'sumber') =>
  Array.from({ length: n }, (_, i) => `<a href="https://${host}/${i}">${text} ${i}</a>`).join(' ');

/** Judi-online spam as it is injected into go.id sites, disguised and not. */
const POSITIVES: [string, string, string][] = [
  ['plain slot gacor', 'Info', p('Situs slot gacor hari ini gampang menang')],
  ['maxwin in the title', 'Pola Maxwin Terbaru', p('Main sekarang juga.')],
  ['togel', 'Prediksi', p('Prediksi togel sgp dan hk malam ini')],
  ['toto macau', 'Hasil', p('Keluaran toto macau hari ini lengkap')],
  ['rtp live', 'RTP', p('Bocoran RTP live slot pragmatic tertinggi')],
  ['bo slot deposit pulsa', 'Daftar', p('BO slot deposit pulsa tanpa potongan')],
  ['link alternatif with gacor link', 'Link', p('<a href="https://gacor88.xyz">link alternatif</a>')],
  ['leetspeak', 'Info', p('sl0t g4c0r m4xw1n hari ini')],
  ['one as l', 'Info', p('s1ot gacor terpercaya')],
  ['spaced letters', 'Info', p('s l o t   g a c o r hari ini')],
  ['dotted letters', 'Info', p('m.a.x.w.i.n dijamin')],
  ['zero-width characters', 'Info', p('slo\u200bt ga\u200ccor terbaru')],
  ['fullwidth letters', 'Info', p('ｓｌｏｔ ｇａｃｏｒ')],
  ['cyrillic look-alikes', 'Info', p('slоt gасоr (huruf Sirilik)')],
  ['mixed case and accents', 'Info', p('SlOt GáCóR MaXwÍn')],
  ['daftar slot', 'Daftar', p('Daftar slot online resmi dan terpercaya 2026')],
  ['scatter hitam', 'Mahjong', p('Scatter hitam mahjong ways 2 muncul terus')],
  ['bonus new member', 'Promo', p('Bonus new member 100% wd lancar')],
  [
    'hidden link in a title',
    'Kegiatan',
    p('Rapat koordinasi <a href="https://x.site/a" title="slot gacor">.</a>'),
  ],
  ['link farm', 'Tautan', p(links(15, 'bola-terbaru.com'))],
  [
    'gambling host behind innocent text',
    'Berita',
    p(`Baca selengkapnya ${links(1, 'situsjudi-online.com', 'di sini')}`),
  ],
  [
    'slot page on a hacked go.id site',
    'Info',
    p('<a href="https://simpeg.contoh.go.id/slot-gacor/">Info terbaru</a>'),
  ],
  ['anti rungkad', 'Pola', p('Jam main anti rungkad malam ini')],
  ['agen judi with casino and link', 'Agen', p(`Agen judi casino online ${links(2, 'promo.vip')}`)],
  ['deposit dana', 'Depo', p('Depo 10k via dana langsung main slot')],
];

/** Real-looking government text that names the same words for other reasons. */
const NEGATIVES: [string, string, string][] = [
  ['slot waktu', 'Jadwal', p('Slot waktu wawancara tersedia pukul 09.00 sampai 12.00.')],
  ['slot parkir', 'Parkir', p('Dishub menambah 40 slot parkir di Jalan Gajah Mada.')],
  ['Toto as a name', 'Pelantikan', p('Kepala dinas Toto Suharto melantik pejabat baru.')],
  ['jackpot in a quote', 'UMKM', p('"Ini jackpot bagi kami," kata pedagang tentang bantuan modal.')],
  [
    'anti-gambling warning',
    'Sosialisasi',
    p('Sosialisasi bahaya judi online bagi pelajar; satgas pemberantasan mengimbau waspada.'),
  ],
  ['arrest report', 'Kamtibmas', p('Polres mengamankan tersangka bandar judi bola di Pontianak Barat.')],
  ['year and numbers', 'Anggaran', p('Anggaran 2026 sebesar Rp 4,5 miliar untuk 3 kecamatan.')],
  ['gov links', 'Rujukan', p(links(20, 'jdih.pontianak.go.id'))],
  [
    'a few outside links with text',
    'Sumber',
    p(`Data dari BPS dan WHO. ${links(3, 'who.int', 'laporan WHO tentang gizi balita')}`),
  ],
  ['image link', 'Galeri', p('<a href="https://pontianak.go.id"><img src="/media/a/b.webp" alt="Foto"></a>')],
  ['scatter plot', 'Statistik', p('Grafik scatter menunjukkan hubungan curah hujan dan banjir.')],
  ['poker face idiom absent', 'Olahraga', p('Turnamen catur tingkat kota diikuti 120 peserta.')],
  ['RTP as a plan name', 'Tata ruang', p('Rencana Tata Ruang (RTR) dan RTP kawasan disahkan.')],
  ['deposit at a bank', 'Pajak', p('Wajib pajak dapat melakukan deposit pembayaran melalui bank daerah.')],
  ['pulsa subsidy', 'Bantuan', p('Bantuan pulsa dan kuota internet bagi guru honorer.')],
  ['bandar udara', 'Bandara', p('Bandar udara Supadio melayani 40 penerbangan sehari.')],
  ['agen of a bank', 'Layanan', p('Agen bank daerah di kelurahan melayani pembayaran PBB.')],
  ['situs budaya', 'Budaya', p('Situs cagar budaya Keraton Kadriah direvitalisasi.')],
  ['link in English', 'Kerja sama', p('Link alternatif pendaftaran jika server utama sibuk: hubungi kami.')],
  ['digits in codes', 'Surat', p('Nomor surat 400.3/1557/DKK tanggal 5 Mei.')],
  ['totok', 'Kesehatan', p('Pelatihan totok wajah dan pijat bayi bagi kader posyandu.')],
  ['win-win', 'Investasi', p('Kerja sama yang win-win bagi investor dan pemerintah, max 10 hari.')],
  [
    'ministry warning linked',
    'Imbauan',
    p('Baca <a href="https://www.komdigi.go.id/berita/bahaya-judi-online">imbauan Komdigi</a>.'),
  ],
  ['casino in a film review', 'Festival', p('Festival film menayangkan Casino Royale di taman kota.')],
];

describe('detect', () => {
  it('has at least twenty cases each way', () => {
    assert.ok(POSITIVES.length >= 20 && NEGATIVES.length >= 20);
  });
  for (const [name, title, html] of POSITIVES) {
    it(`holds: ${name}`, () => {
      const verdict = detect({ title, bodyHtml: sanitizePostHtml(html) }, ['pontianak.go.id']);
      assert.ok(verdict.flagged, `score ${verdict.score}: ${verdict.reasons.join(' ')}`);
      assert.ok(verdict.reasons.length > 0);
    });
  }
  for (const [name, title, html] of NEGATIVES) {
    it(`lets through: ${name}`, () => {
      const verdict = detect({ title, bodyHtml: sanitizePostHtml(html) }, ['pontianak.go.id']);
      assert.ok(!verdict.flagged, `score ${verdict.score}: ${verdict.reasons.join(' ')}`);
    });
  }

  it('flags none of the Big List of Naughty Strings (odd text is not spam)', () => {
    const flagged = NAUGHTY_STRINGS.filter(
      (s) => detect({ title: s, bodyHtml: sanitizePostHtml(p(s)) }).flagged,
    );
    assert.deepEqual(flagged, []);
  });

  it('gives its reasons in Indonesian, naming the term and the disguise', () => {
    const verdict = detect({ title: 'x', bodyHtml: p('sl0t g4c0r') });
    assert.match(verdict.reasons.join(' '), /istilah khas judi online: “slot gacor”/);
    assert.match(verdict.reasons.join(' '), /disamarkan/);
  });

  it('names hidden links and outside hosts', () => {
    const verdict = detect({ title: 'x', bodyHtml: p('<a href="https://slot88.xyz/daftar"> </a>') });
    assert.match(verdict.reasons.join(' '), /tautan tanpa teks/);
    assert.match(verdict.reasons.join(' '), /slot88\.xyz/);
  });
});

describe('readings', () => {
  it('folds fullwidth, invisible and look-alike letters', () => {
    assert.equal(fold('Ｓｌ\u200bоt'), 'slot');
    assert.ok(readings('g 4 c 0 r').disguised.includes('gacor'));
  });
});

describe('outboundLinks', () => {
  it('leaves out the installation and relative links, keeps others by host', () => {
    const html =
      '<a href="https://a.go.id/x">a</a><a href="https://www.Contoh.com/y?a=1&amp;b=2">c</a><a href="/berita">d</a><a href="https://kota.test/z">e</a>';
    assert.deepEqual(outboundLinks(html, ['kota.test']), [
      { href: 'https://a.go.id/x', host: 'a.go.id', text: 'a' },
      { href: 'https://www.Contoh.com/y?a=1&b=2', host: 'contoh.com', text: 'c' },
    ]);
  });
});
