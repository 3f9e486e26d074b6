import { randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, ValidationError } from '../errors.js';
import { ImageRejectedError, inspectImage, upright } from '../media/image.js';
import { MAX_UPLOAD_BYTES } from '../media/limits.js';
import { mediaMessages } from '../media/messages.js';
import type { Storage } from '../storage/storage.js';
import type { StoredAttachment } from './complaints.service.js';

/*
 * A complaint's photos and documents. Photos can tell who took them (GPS, camera, owner's name), and
 * a PDF's Info dictionary and XMP often carry the author's name, so nothing is kept as it came: a
 * photo is decoded and encoded again as a JPEG without metadata, a PDF is rewritten without its
 * metadata. The type is recognised by content, never by the file's name.
 */

/** How many files one complaint (or one addition to it) may carry. */
export const MAX_ATTACHMENTS = 5;
/** The field the forms use for files; errors are reported on it. */
export const ATTACHMENT_FIELD = 'attachments';

export const attachmentMessages = {
  notAccepted: 'Berkas ini bukan foto (JPEG, PNG, WebP) atau PDF. Kirim foto atau dokumen PDF saja.',
  heic: mediaMessages.heic,
  tooLarge: 'Berkas terlalu besar: paling besar 15 MB per berkas. Perkecil berkas lalu kirim lagi.',
  tooMany: `Paling banyak ${MAX_ATTACHMENTS} berkas untuk satu laporan.`,
  pdfLocked: 'PDF ini dikunci dengan kata sandi. Kirim PDF tanpa kata sandi.',
  pdfCorrupt: 'PDF ini rusak atau tidak terunggah utuh. Coba kirim lagi.',
};

export interface PreparedAttachment {
  kind: 'photo' | 'pdf';
  mime: string;
  bytes: number;
  originalName: string;
  data: Buffer;
}

/** The name as a person would recognise it; kept only for staff, never used as a path. */
function cleanName(filename: string, kind: 'photo' | 'pdf'): string {
  const base = (filename.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return base || (kind === 'pdf' ? 'dokumen.pdf' : 'foto.jpg');
}

function refuse(filename: string, message: string): ValidationError {
  const name = filename.trim() ? `${cleanName(filename, 'photo')}: ` : '';
  return new ValidationError({ [ATTACHMENT_FIELD]: `${name}${message}` });
}

async function preparePhoto(input: Buffer, filename: string): Promise<Buffer> {
  try {
    await inspectImage(input);
  } catch (err) {
    if (err instanceof ImageRejectedError)
      throw refuse(filename, err.problem === 'not_image' ? attachmentMessages.notAccepted : err.message);
    if (err instanceof AppError) throw refuse(filename, attachmentMessages.tooLarge);
    throw err;
  }
  try {
    // Upright, at most the size the news photos keep, without any metadata (see `upright`).
    return await (await upright(input)).jpeg({ quality: 85, mozjpeg: true }).toBuffer();
  } catch {
    throw refuse(filename, mediaMessages.corrupt);
  }
}

async function preparePdf(input: Buffer, filename: string): Promise<Buffer> {
  // pdf-lib (~6 MB resident) is loaded by the first PDF a process cleans, not by every process at start.
  const { cleanPdf } = await import('./complaints.attachments.pdf.js');
  const cleaned = await cleanPdf(input);
  if (cleaned === 'locked') throw refuse(filename, attachmentMessages.pdfLocked);
  if (cleaned === 'corrupt') throw refuse(filename, attachmentMessages.pdfCorrupt);
  return cleaned;
}

/**
 * Recognises one uploaded file by its content and cleans it: JPEG, PNG and WebP photos become a
 * JPEG without metadata, PDFs lose their Info dictionary and XMP. Anything else (HEIC included,
 * with how to send it as JPEG) is refused with a ValidationError on the `attachments` field.
 */
export async function prepareAttachment(input: Buffer, filename: string): Promise<PreparedAttachment> {
  if (input.length === 0) throw refuse(filename, mediaMessages.empty);
  if (input.length > MAX_UPLOAD_BYTES) throw refuse(filename, attachmentMessages.tooLarge);
  const type = await fileTypeFromBuffer(input);
  if (type?.mime === 'application/pdf') {
    const data = await preparePdf(input, filename);
    return {
      kind: 'pdf',
      mime: 'application/pdf',
      bytes: data.length,
      originalName: cleanName(filename, 'pdf'),
      data,
    };
  }
  const data = await preparePhoto(input, filename);
  return {
    kind: 'photo',
    mime: 'image/jpeg',
    bytes: data.length,
    originalName: cleanName(filename, 'photo'),
    data,
  };
}

/** Puts cleaned files into the private complaint storage, each under a new key of its own. */
export async function storeAttachments(
  storage: Storage,
  prepared: readonly PreparedAttachment[],
): Promise<StoredAttachment[]> {
  const stored: StoredAttachment[] = [];
  try {
    for (const file of prepared) {
      const storageKey = `complaints/${randomUUID()}.${file.kind === 'pdf' ? 'pdf' : 'jpg'}`;
      await storage.put(storageKey, file.data, file.mime);
      stored.push({
        kind: file.kind,
        mime: file.mime,
        bytes: file.bytes,
        originalName: file.originalName,
        storageKey,
      });
    }
  } catch (err) {
    await removeStoredAttachments(storage, stored);
    throw err;
  }
  return stored;
}

/** Takes stored files away again when the complaint they were for was not filed after all. */
export async function removeStoredAttachments(
  storage: Storage,
  stored: readonly StoredAttachment[],
): Promise<void> {
  for (const file of stored) await storage.remove(file.storageKey).catch(() => undefined);
}
