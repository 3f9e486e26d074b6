import { randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRef,
  PDFStream,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
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
    return await upright(input).jpeg({ quality: 85, mozjpeg: true }).toBuffer();
  } catch {
    throw refuse(filename, mediaMessages.corrupt);
  }
}

const METADATA = PDFName.of('Metadata');
const PIECE_INFO = PDFName.of('PieceInfo');

/** Drops the XMP streams and application data hung on any dictionary (catalog, pages, images). */
function dropMetadataStreams(context: PDFContext): void {
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
    if (!dict) continue;
    for (const key of [METADATA, PIECE_INFO]) {
      const value = dict.get(key);
      if (value === undefined) continue;
      dict.delete(key);
      if (value instanceof PDFRef) context.delete(value);
    }
  }
}

/** Keys that make a PDF act (scripts, actions on open or on view) or carry files inside it. */
const ACTIVE_KEYS = ['OpenAction', 'AA', 'JS', 'JavaScript', 'EmbeddedFiles', 'EF', 'RichMedia'].map((k) =>
  PDFName.of(k),
);
const EMBEDDED_FILE = PDFName.of('EmbeddedFile');
/** Action types that run code, start programs or send data; links (URI, GoTo) are kept. */
const RUNNING_ACTIONS = new Set(
  ['JavaScript', 'Launch', 'SubmitForm', 'ImportData', 'RichMediaExecute', 'Rendition'].map((k) =>
    PDFName.of(k),
  ),
);

function stripActive(value: PDFObject): void {
  if (value instanceof PDFStream) return stripActive(value.dict);
  if (value instanceof PDFArray) return value.asArray().forEach(stripActive);
  if (!(value instanceof PDFDict)) return;
  const type = value.get(PDFName.of('S'));
  // An emptied action dictionary does nothing; removing it would leave dangling references.
  if (type instanceof PDFName && RUNNING_ACTIONS.has(type)) for (const key of value.keys()) value.delete(key);
  for (const key of ACTIVE_KEYS) value.delete(key);
  for (const [, entry] of value.entries()) stripActive(entry);
}

/**
 * A citizen's or an officer's PDF is opened by staff and the public: JavaScript, automatic actions
 * and embedded files are dropped, and the embedded files' streams deleted (pdf-lib writes every object).
 */
function dropActiveContent(context: PDFContext): void {
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFStream && object.dict.get(PDFName.of('Type')) === EMBEDDED_FILE)
      context.delete(ref);
    else stripActive(object);
  }
}

async function preparePdf(input: Buffer, filename: string): Promise<Buffer> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(input, { updateMetadata: false, throwOnInvalidObject: false });
  } catch (err) {
    const locked = (err as Error).name === 'EncryptedPDFError' || /encrypt/i.test((err as Error).message);
    throw refuse(filename, locked ? attachmentMessages.pdfLocked : attachmentMessages.pdfCorrupt);
  }
  if (doc.isEncrypted) throw refuse(filename, attachmentMessages.pdfLocked);
  try {
    if (doc.getPageCount() === 0) throw new Error('no pages');
    const context = doc.context;
    // The Info dictionary (author, creator tool, dates): unlinked from the trailer and deleted, since
    // pdf-lib writes every object the document holds, linked or not.
    const info = context.trailerInfo.Info;
    context.trailerInfo.Info = undefined;
    if (info instanceof PDFRef) context.delete(info);
    dropMetadataStreams(context);
    dropActiveContent(context);
    // Without object streams every remaining object stays readable to a reviewer's tools.
    return Buffer.from(await doc.save({ updateFieldAppearances: false, useObjectStreams: false }));
  } catch {
    throw refuse(filename, attachmentMessages.pdfCorrupt);
  }
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
