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

/*
 * A complaint's PDF rewritten without what can tell who made it or act when opened: its own file,
 * imported by complaints.attachments.ts at the first PDF, so that pdf-lib is not loaded by every process.
 */

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

/**
 * The PDF without its Info dictionary, XMP, JavaScript, automatic actions and embedded files; or why
 * it cannot be cleaned: 'locked' (encrypted) or 'corrupt' (unreadable, or no pages).
 */
export async function cleanPdf(input: Buffer): Promise<Buffer | 'locked' | 'corrupt'> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(input, { updateMetadata: false, throwOnInvalidObject: false });
  } catch (err) {
    const locked = (err as Error).name === 'EncryptedPDFError' || /encrypt/i.test((err as Error).message);
    return locked ? 'locked' : 'corrupt';
  }
  if (doc.isEncrypted) return 'locked';
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
    return 'corrupt';
  }
}
