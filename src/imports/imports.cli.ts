import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { createStorages } from '../storage/storages.js';
import { withInstallation } from '../seed/installation.js';
import { m } from './messages.js';
import { reportLines } from './imports.report.js';
import { importWordPress } from './wordpress.import.js';
import type { MediaSource } from './wordpress.media.js';
import { MAX_WXR_BYTES, parseWxr } from './wordpress.parse.js';

/*
 * `npm run balairung -- import-wordpress --agency SLUG --file export.xml [--uploads DIR | --fetch-media]`,
 * called by src/cli.ts. Exit code 0 when done, 1 when the file or the data is refused, 2 on misuse.
 */

export const IMPORT_USAGE = m.usage;

type Output = { out: (line: string) => void; err: (line: string) => void };

async function readExport(file: string): Promise<string> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new AppError(422, 'file_unreadable', m.fileUnreadable(file));
  if (info.size > MAX_WXR_BYTES)
    throw new AppError(422, 'too_large', m.tooLarge(MAX_WXR_BYTES / 1024 / 1024));
  return readFile(file, 'utf8');
}

async function mediaSource(values: { uploads?: string; 'fetch-media'?: boolean }): Promise<MediaSource> {
  if (values['fetch-media']) return { kind: 'fetch' };
  if (!values.uploads) return null;
  const info = await stat(values.uploads).catch(() => null);
  if (!info?.isDirectory()) throw new AppError(422, 'uploads_missing', m.uploadsUnreadable(values.uploads));
  return { kind: 'uploads', dir: path.resolve(values.uploads) };
}

export async function importWordPressCommand(args: string[], config: Config, io: Output): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      agency: { type: 'string' },
      file: { type: 'string' },
      uploads: { type: 'string' },
      'fetch-media': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.agency || !values.file) {
    io.err(`${m.needAgencyFile}\n${IMPORT_USAGE}`);
    return 2;
  }
  if (values.uploads && values['fetch-media']) {
    io.err(m.eitherMedia);
    return 2;
  }
  const slug = values.agency;
  try {
    const [wxr, media] = [parseWxr(await readExport(values.file)), await mediaSource(values)];
    return await withInstallation(config, async ({ db }) => {
      const agency = await db.selectFrom('agencies').selectAll().where('slug', '=', slug).executeTakeFirst();
      if (!agency) {
        io.err(m.agencyUnknown(slug));
        return 2;
      }
      const storages = await createStorages(config);
      try {
        const report = await importWordPress(db, {
          agency,
          wxr,
          media,
          actorId: null,
          storage: storages.media,
        });
        for (const line of reportLines(report)) io.out(line);
      } finally {
        storages.close();
      }
      return 0;
    });
  } catch (err) {
    if (err instanceof AppError) {
      io.err(err.readable());
      return 1;
    }
    throw err;
  }
}
