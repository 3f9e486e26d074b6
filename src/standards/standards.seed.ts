import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/database.js';
import { EMPTY_COMPONENTS, type ServiceComponents } from './standards.components.js';
import { insertService, savePledgeRow, type Service } from './standards.repository.js';

/*
 * Demo service standards: Disdukcapil's KTP-el with all 14 components and its SK (complete), a
 * second Disdukcapil service, and DPMPTSP's building approval still missing components and its SK
 * (incomplete), so the admin list and monitoring show both. Dates count back from the seeding day,
 * so the review stays "within 12 months" whenever the demo starts. Nothing for disperpusip: the
 * monitoring demo keeps that OPD bare.
 */

const daysBefore = (at: string, days: number): string =>
  new Date(Date.parse(at) - days * 86_400_000).toISOString().slice(0, 10);

const COMPLAINTS =
  'Pengaduan, saran dan masukan disampaikan melalui kanal Aduan di situs ini, SP4N-LAPOR!, kotak saran di ruang tunggu, atau langsung kepada petugas pengaduan. Setiap aduan dijawab paling lambat 5 hari kerja.';

const KTP: ServiceComponents = {
  legalBasis:
    'Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan\nPeraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil\nPeraturan Menteri Dalam Negeri Nomor 108 Tahun 2019 tentang Peraturan Pelaksanaan Peraturan Presiden Nomor 96 Tahun 2018',
  requirements: [
    'Telah berusia 17 tahun, sudah kawin atau pernah kawin',
    'Fotokopi Kartu Keluarga (KK)',
    'Surat keterangan hilang dari kepolisian, untuk penggantian KTP-el yang hilang',
    'KTP-el yang rusak, untuk penggantian KTP-el yang rusak',
  ],
  procedure: [
    'Pemohon mengambil nomor antrean dan menyerahkan berkas persyaratan di loket',
    'Petugas memverifikasi data kependudukan pemohon',
    'Perekaman foto, sidik jari, iris mata dan tanda tangan',
    'Pencetakan KTP-el setelah data terverifikasi',
    'Penyerahan KTP-el kepada pemohon dengan menunjukkan bukti pengambilan',
  ],
  timeframe: { value: 1, unit: 'hari_kerja' },
  fees: { free: true, items: [] },
  products: ['Kartu Tanda Penduduk Elektronik (KTP-el)'],
  facilities:
    'Ruang tunggu ber-AC dengan kursi prioritas, mesin antrean, alat perekaman KTP-el, toilet dan jalur kursi roda, pojok laktasi.',
  competence:
    'Petugas berpendidikan paling rendah SMA, telah mengikuti bimbingan teknis administrasi kependudukan dan perekaman biometrik.',
  internalOversight:
    'Pengawasan oleh Kepala Bidang Pelayanan Pendaftaran Penduduk dan evaluasi berkala oleh Kepala Dinas.',
  complaintHandling: COMPLAINTS,
  staffing: '6 orang petugas loket dan perekaman.',
  serviceGuarantee:
    'Pelayanan diberikan sesuai standar pelayanan ini; bila terlambat, pemohon mendapat penjelasan tertulis.',
  safetyGuarantee:
    'Data kependudukan dijaga kerahasiaannya sesuai peraturan; ruang pelayanan dilengkapi APAR dan CCTV.',
  performanceEvaluation:
    'Survei kepuasan masyarakat setiap semester dan evaluasi kinerja petugas setiap bulan.',
};

const KK: ServiceComponents = {
  ...KTP,
  requirements: [
    'Fotokopi buku nikah atau akta perkawinan',
    'KK lama untuk perubahan data',
    'Surat keterangan pindah untuk penduduk pindahan',
  ],
  procedure: [
    'Pemohon menyerahkan berkas persyaratan di loket',
    'Petugas memverifikasi dan memasukkan data ke SIAK',
    'Pencetakan dan penandatanganan elektronik KK',
    'KK diserahkan atau dikirim ke alamat email pemohon',
  ],
  timeframe: { value: 1, unit: 'hari_kerja' },
  products: ['Kartu Keluarga (KK)'],
};

const PBG: ServiceComponents = {
  ...EMPTY_COMPONENTS,
  legalBasis:
    'Peraturan Pemerintah Nomor 16 Tahun 2021 tentang Peraturan Pelaksanaan Undang-Undang Nomor 28 Tahun 2002 tentang Bangunan Gedung',
  requirements: [
    'Data pemohon atau pemilik bangunan',
    'Data tanah dan bukti kepemilikan',
    'Dokumen rencana teknis bangunan',
  ],
  procedure: [
    'Pemohon mendaftar melalui SIMBG',
    'Pemeriksaan dokumen rencana teknis oleh Tim Profesi Ahli',
    'Penetapan nilai retribusi',
    'Pembayaran retribusi dan penerbitan PBG',
  ],
  timeframe: { value: 28, unit: 'hari_kerja' },
  fees: null,
  products: ['Persetujuan Bangunan Gedung (PBG)'],
};

type Draft = Pick<
  Service,
  'slug' | 'name' | 'summary' | 'components' | 'decreeNumber' | 'decreeDate' | 'effectiveDate' | 'reviewedOn'
>;

function servicesFor(at: string): Record<string, Draft[]> {
  const adopted = daysBefore(at, 75);
  return {
    disdukcapil: [
      {
        slug: 'penerbitan-ktp-el',
        name: 'Penerbitan KTP-el',
        summary: 'Perekaman dan pencetakan Kartu Tanda Penduduk Elektronik bagi penduduk Kota Pontianak.',
        components: KTP,
        decreeNumber: '800/045/DISDUKCAPIL/2026',
        decreeDate: adopted,
        effectiveDate: adopted,
        reviewedOn: daysBefore(at, 30),
      },
      {
        slug: 'penerbitan-kartu-keluarga',
        name: 'Penerbitan Kartu Keluarga',
        summary: 'Penerbitan KK baru, perubahan data dan penggantian KK yang hilang atau rusak.',
        components: KK,
        decreeNumber: '800/045/DISDUKCAPIL/2026',
        decreeDate: adopted,
        effectiveDate: adopted,
        reviewedOn: null,
      },
    ],
    dpmptsp: [
      {
        slug: 'persetujuan-bangunan-gedung',
        name: 'Persetujuan Bangunan Gedung (PBG)',
        summary: 'Persetujuan untuk membangun baru, mengubah, memperluas atau merawat bangunan gedung.',
        components: PBG,
        decreeNumber: '',
        decreeDate: null,
        effectiveDate: null,
        reviewedOn: null,
      },
    ],
  };
}

const PLEDGE =
  'Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan, dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.';

const SIGNERS: Record<string, { signedBy: string; signerPosition: string }> = {
  disdukcapil: {
    signedBy: 'Hj. Siti Rahmawati, S.STP., M.Si.',
    signerPosition: 'Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Pontianak',
  },
  dpmptsp: {
    signedBy: 'Ir. Agus Setiawan, M.T.',
    signerPosition: 'Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Pontianak',
  },
};

/** Called from seedDemo with the new agencies' ids by slug. */
export async function seedDemoStandards(
  tx: Tx,
  agencyIds: ReadonlyMap<string, string>,
  at: string,
): Promise<void> {
  for (const [slug, drafts] of Object.entries(servicesFor(at))) {
    const agencyId = agencyIds.get(slug);
    if (!agencyId) continue;
    for (const draft of drafts) {
      await insertService(tx, {
        ...draft,
        id: randomUUID(),
        agencyId,
        status: 'published',
        flowMediaId: null,
        decreeFileKey: null,
        publishedAt: at,
        createdAt: at,
        updatedAt: at,
      });
    }
    await savePledgeRow(tx, {
      agencyId,
      body: PLEDGE,
      ...SIGNERS[slug]!,
      signedOn: daysBefore(at, 75),
      publishedAt: at,
      updatedAt: at,
    });
  }
}
