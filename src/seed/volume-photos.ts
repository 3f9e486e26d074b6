// Cover photos for the volume seed: a few distinct JPEGs made once with sharp, uploaded through the
// real upload path (uploadMedia: re-encoding, variants, storage, media row) once per agency that
// needs one. A photo belongs to one agency, so two agencies never share a media row.
import type { Db } from '../db/database.js';
import { photoJpeg } from '../media/media.fixtures.js';
import { uploadMedia } from '../media/media.service.js';
import type { Storage } from '../storage/storage.js';

export const PHOTO_COUNT = 4;

const ALT = [
  'Peserta rapat koordinasi duduk di aula kantor wali kota',
  'Petugas meninjau saluran air di permukiman warga',
  'Kepala dinas menyerahkan bantuan kepada warga',
  'Warga mengikuti sosialisasi di halaman kantor kelurahan',
];

export interface PhotoLibrary {
  /** the media id of photo `index` in `agencyId`'s library, uploaded on first use */
  mediaFor(agencyId: string, actorId: string | null, index: number): Promise<string>;
  uploads(): number;
}

export async function photoLibrary(db: Db, storage: Storage): Promise<PhotoLibrary> {
  const jpegs = await Promise.all(
    Array.from({ length: PHOTO_COUNT }, (_, i) => photoJpeg({ width: 1600, height: 1067, seed: 101 + i })),
  );
  // Promises, so that posts asking at the same time for one photo share one upload.
  const ids = new Map<string, Promise<string>>();
  const upload = async (agencyId: string, actorId: string | null, index: number) => {
    const media = await uploadMedia(db, storage, {
      agencyId,
      actorId,
      buffer: jpegs[index % PHOTO_COUNT]!,
      filename: `kegiatan-${(index % PHOTO_COUNT) + 1}.jpg`,
      alt: ALT[index % PHOTO_COUNT]!,
      caption: 'Dokumentasi kegiatan',
      credit: 'Foto: Humas',
    });
    return media.id;
  };
  return {
    mediaFor(agencyId, actorId, index) {
      const key = `${agencyId}:${index % PHOTO_COUNT}`;
      const known = ids.get(key) ?? upload(agencyId, actorId, index);
      ids.set(key, known);
      return known;
    },
    uploads: () => ids.size,
  };
}
