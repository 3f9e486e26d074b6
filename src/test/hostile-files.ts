// Hostile uploads, made in memory at test time: no binary fixture sits in the repository.
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import sharp from 'sharp';
import { photoJpeg, pngBomb, SVG_WITH_SCRIPT, truncatedJpeg } from '../media/media.fixtures.js';

export interface HostileFile {
  label: string;
  filename: string;
  type: string;
  data: Buffer;
  /** the huge PNG: memory is measured around it */
  bomb?: boolean;
}

/** Text that must never come back out of a stored file. */
export const SCRIPT_MARK = 'alert(document.cookie)';
export const PDF_SCRIPT = "app.alert('balairung-pdf-js')";
export const LAUNCH_TARGET = 'C:\\Windows\\System32\\calc.exe';
export const EMBEDDED_MARK = 'LAMPIRAN-TERSEMBUNYI-BALAIRUNG';

const HTML = `<!doctype html><html><body><script>${SCRIPT_MARK}</script></body></html>`;

/** A minimal stored (uncompressed) ZIP with one HTML file, as appended to a JPEG for a polyglot. */
function zipWithHtml(): Buffer {
  const name = Buffer.from('evil.html');
  const data = Buffer.from(HTML);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(10, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** A real JPEG whose comment segment is an HTML page, and which ends with more HTML after EOI. */
function jpegHtmlPolyglot(jpeg: Buffer): Buffer {
  const comment = Buffer.from(HTML);
  const header = Buffer.from([0xff, 0xfe, 0, 0]);
  header.writeUInt16BE(comment.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, comment, jpeg.subarray(2), Buffer.from(HTML)]);
}

async function pdfWithJavaScript(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 200]).drawText('Surat resmi', { x: 20, y: 100, size: 12 });
  const action = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(PDF_SCRIPT) });
  const ref = doc.context.register(action);
  doc.catalog.set(PDFName.of('OpenAction'), ref);
  const names = doc.context.obj({ Names: [PDFString.of('run'), ref] });
  doc.catalog.set(PDFName.of('Names'), doc.context.obj({ JavaScript: names }));
  doc.getPage(0).node.set(PDFName.of('AA'), doc.context.obj({ O: ref }));
  const launch = doc.context.obj({ S: 'Launch', F: PDFString.of(LAUNCH_TARGET) });
  const link = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 300, 200], A: launch });
  doc.getPage(0).node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(link)]));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

async function pdfWithEmbeddedFile(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 200]).drawText('Surat resmi', { x: 20, y: 100, size: 12 });
  await doc.attach(Buffer.from(`${EMBEDDED_MARK} ${HTML}`), 'catatan.html', { mimeType: 'text/html' });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** Every hostile file, each a separate upload. */
export async function hostileFiles(): Promise<HostileFile[]> {
  const jpeg = await photoJpeg({ width: 120, height: 90 });
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();
  const file = (label: string, filename: string, type: string, data: Buffer) => ({
    label,
    filename,
    type,
    data,
  });
  return [
    file('SVG with script', 'peta.svg', 'image/svg+xml', SVG_WITH_SCRIPT),
    file('SVG with script named .jpg', 'foto.jpg', 'image/jpeg', SVG_WITH_SCRIPT),
    file('HTML named .jpg', 'foto.jpg', 'image/jpeg', Buffer.from(HTML)),
    file('JPEG/HTML polyglot', 'foto.jpg', 'image/jpeg', jpegHtmlPolyglot(jpeg)),
    file('JPEG/ZIP polyglot', 'foto.jpg', 'image/jpeg', Buffer.concat([jpeg, zipWithHtml()])),
    { ...file('30,000 × 30,000 PNG', 'besar.png', 'image/png', pngBomb()), bomb: true },
    file('truncated JPEG', 'potong.jpg', 'image/jpeg', await truncatedJpeg()),
    file('truncated PNG', 'potong.png', 'image/png', png.subarray(0, Math.floor(png.length / 2))),
    file('photo with GPS EXIF', 'IMG_0001.jpg', 'image/jpeg', await photoJpeg({ gps: true, width: 160 })),
    file(
      'PDF with JavaScript, OpenAction and Launch',
      'surat.pdf',
      'application/pdf',
      await pdfWithJavaScript(),
    ),
    file('PDF with an embedded file', 'surat.pdf', 'application/pdf', await pdfWithEmbeddedFile()),
    file('zero-byte file', 'kosong.jpg', 'image/jpeg', Buffer.alloc(0)),
    file('name ../../etc/passwd.jpg', '../../etc/passwd.jpg', 'image/jpeg', jpeg),
    file('name ..\\x.jpg', '..\\x.jpg', 'image/jpeg', jpeg),
    file('name with NUL', 'foto\u0000.php.jpg', 'image/jpeg', jpeg),
  ];
}
