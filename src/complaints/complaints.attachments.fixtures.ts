import { PDFDocument, PDFName } from 'pdf-lib';

/** A name no cleaned file may still carry. */
export const PDF_AUTHOR = 'Siti Aminah Pelapor';

/**
 * A one-page PDF as an office suite writes it: the author in the Info dictionary and an XMP packet
 * in the catalog, both uncompressed so a byte search finds them.
 */
export async function pdfWithAuthor(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 200]).drawText('Bukti pembayaran retribusi', { x: 20, y: 100, size: 12 });
  doc.setAuthor(PDF_AUTHOR);
  doc.setTitle('Surat keluhan');
  doc.setCreator('Kantor Suite 7');
  const xmp =
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    `<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${PDF_AUTHOR}</dc:creator>` +
    '</rdf:Description></rdf:RDF></x:xmpmeta>';
  const stream = doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
