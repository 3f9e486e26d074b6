import { randomUUID } from 'node:crypto';
import type { Agency } from '../agencies/agencies.table.js';
import { prepareAttachment } from '../complaints/complaints.attachments.js';
import type { Db } from '../db/database.js';
import { ValidationError } from '../errors.js';
import type { Storage } from '../storage/storage.js';
import { m } from './messages.js';
import type { Service } from './standards.repository.js';
import { attachDecreeFile } from './standards.service.js';

/**
 * The SK of a service as a public PDF. It goes through the complaint attachments' cleaning (content
 * sniffed, Info dictionary and XMP dropped: a scan's metadata may name whoever scanned it), then into
 * the public storage under a new key; the previous file is removed once the new one is recorded.
 */
export async function storeDecreePdf(
  db: Db,
  storage: Storage,
  agency: Agency,
  service: Service,
  file: { buffer: Buffer; filename: string } | undefined,
): Promise<string> {
  if (!file || file.buffer.length === 0) throw new ValidationError({ file: m.decreeMissingFile });
  let prepared;
  try {
    prepared = await prepareAttachment(file.buffer, file.filename);
  } catch (err) {
    if (err instanceof ValidationError)
      throw new ValidationError({ file: Object.values(err.fields ?? {})[0] ?? m.decreeNotPdf });
    throw err;
  }
  if (prepared.kind !== 'pdf') throw new ValidationError({ file: m.decreeNotPdf });
  const key = `standar/${agency.id}/${service.id}/sk-${randomUUID()}.pdf`;
  await storage.put(key, prepared.data, 'application/pdf');
  await db.transaction().execute((tx) => attachDecreeFile(tx, agency, service, key));
  if (service.decreeFileKey) await storage.remove(service.decreeFileKey).catch(() => undefined);
  return key;
}
