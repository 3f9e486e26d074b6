/** What the backup and restore commands say (Bahasa Indonesia). */

const bytes = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.ceil(n / 1024)} KB`;

export const backupMessages = {
  bytes,
  noDatabase: (file: string) => `Basis data tidak ditemukan: ${file}. Periksa BALAIRUNG_DATA_DIR.`,
  damaged: (result: string) => `Basis data rusak (integrity_check): ${result}`,
  corrupt: (files: string[]) =>
    `Cadangan tidak utuh: ${files.length} berkas tidak cocok dengan manifest (${files.slice(0, 5).join(', ')}${
      files.length > 5 ? ', …' : ''
    }). Tidak ada yang dipulihkan.`,
  noManifest: (dir: string, why: string) => `${dir} bukan folder cadangan Balairung (${why}).`,
  notEmpty: (dir: string, names: string[]) =>
    `Folder data ${dir} tidak kosong (${names.slice(0, 5).join(', ')}). Pulihkan ke folder kosong, ` +
    `atau tambahkan --force untuk menimpa basis data dan unggahan di sana (hentikan server dulu).`,
  countsDiffer: 'Jumlah baris basis data yang dipulihkan berbeda dari manifest. Pemulihan dibatalkan.',
  backedUp: (dir: string) => `Cadangan selesai: ${dir}`,
  restored: (dir: string) => `Pemulihan selesai ke ${dir}. Jalankan server seperti biasa.`,
  database: (rows: number, size: number) =>
    `  basis data: ${rows} baris, ${bytes(size)} (integrity_check: ok)`,
  folder: (name: string, files: number, size: number) => `  ${name}/: ${files} berkas, ${bytes(size)}`,
  secret: '  .secret: disertakan (kunci akses warga dan tautan lampiran tetap berlaku)',
  noSecret: '  .secret: tidak ada (BALAIRUNG_SECRET diatur di lingkungan: simpan nilainya sendiri)',
  missingFrom: '--from wajib diisi dengan folder cadangan.',
  // With BALAIRUNG_STORAGE_URL the uploads are in a bucket: a backup of the data folder cannot hold them.
  objectStorage: (where: string) =>
    [
      `Catatan: foto dan lampiran aduan disimpan di penyimpanan objek ${where}, TIDAK di folder data,`,
      'jadi tidak ikut dalam cadangan ini dan tidak dipulihkan olehnya. Cadangkan bucket itu dengan',
      'alat penyimpanan objek (versioning atau replikasi bucket, atau `rclone sync`); lihat docs/storage.md.',
    ].join('\n'),
  postgres: [
    'Basis data ini PostgreSQL: cadangkan dengan alat PostgreSQL sendiri (lihat docs/backup.md).',
    '',
    '  pg_dump -Fc --no-owner -f balairung.dump "$DATABASE_URL"',
    '  cp -a "$BALAIRUNG_DATA_DIR/media" "$BALAIRUNG_DATA_DIR/complaint-files" <folder cadangan>/',
    '',
    'Memulihkan ke basis data kosong:',
    '',
    '  pg_restore --no-owner --exit-on-error -d "$DATABASE_URL" balairung.dump',
    '  cp -a <folder cadangan>/media <folder cadangan>/complaint-files "$BALAIRUNG_DATA_DIR"/',
  ].join('\n'),
};
