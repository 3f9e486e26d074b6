import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { scanContent } from './guard.scan.js';
import { m } from './messages.js';

/*
 * `npm run balairung -- scan-content [--agency SLUG] [--hold]`, called by src/cli.ts: lists live
 * posts, pages and short texts the judi-online detector flags; --hold takes posts and pages off the
 * site for review.
 * Exit code 0 when nothing is flagged, 1 when something is (so a cron job can alert), 2 on misuse.
 */

export const SCAN_USAGE = `${m.cliUsage}\n`;

type Output = { out: (line: string) => void; err: (line: string) => void };

export async function scanContentCommand(args: string[], config: Config, io: Output): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { agency: { type: 'string' }, hold: { type: 'boolean', default: false } },
    strict: true,
  });
  const handle = createDatabase({
    url: config.databaseUrl,
    schema: config.databaseSchema,
    dataDir: config.dataDir,
  });
  try {
    await migrateToLatest(handle);
    let agencyId: string | undefined;
    if (values.agency) {
      const agency = await handle.db
        .selectFrom('agencies')
        .select('id')
        .where('slug', '=', values.agency)
        .executeTakeFirst();
      if (!agency) {
        io.err(m.cliAgencyUnknown(values.agency));
        return 2;
      }
      agencyId = agency.id;
    }
    const findings = await scanContent(handle.db, { agencyId, hold: values.hold });
    for (const f of findings) {
      io.out(`${f.path}\t${m.scanKind[f.kind]}\tskor ${f.score}\t${f.title}`);
      for (const reason of f.reasons) io.out(`    ${reason}`);
    }
    const holdable = findings.filter((f) => f.kind === 'post' || f.kind === 'page').length;
    io.out(findings.length ? m.cliFound(findings.length, values.hold ? holdable : 0) : m.cliNone);
    if (findings.length > holdable) io.out(m.cliFixTexts);
    return findings.length ? 1 : 0;
  } finally {
    await handle.close();
  }
}
