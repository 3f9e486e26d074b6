// Fills a data folder (SQLite) with the demo city and N complaints, for the coordinator's queue bench:
// `seed-volume --posts 0 --complaints N` (src/seed/volume-complaints.ts), as the CLI runs it.
//   npx tsx bench/seed-complaints.ts --data DIR [--complaints 1000000]
// The demo password is BALAIRUNG_DEMO_PASSWORD, or demo-password-123.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli.js';
import { loadConfig } from '../src/config.js';

const { values } = parseArgs({
  options: { data: { type: 'string' }, complaints: { type: 'string', default: '1000000' } },
});
if (!values.data) throw new Error('usage: seed-complaints.ts --data DIR [--complaints N]');
const dataDir = path.resolve(values.data);
if (existsSync(path.join(dataDir, 'balairung.sqlite')))
  throw new Error(`${dataDir} already holds a database`);
const config = loadConfig({
  BALAIRUNG_DATA_DIR: dataDir,
  BALAIRUNG_DEMO_PASSWORD: process.env.BALAIRUNG_DEMO_PASSWORD ?? 'demo-password-123',
  BALAIRUNG_SEED: 'demo',
});
const args = ['seed-volume', '--posts', '0', '--complaints', values.complaints];
process.exit(await runCli(args, config, { out: console.log, err: console.error }));
