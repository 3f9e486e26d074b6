// Seeds a fresh data folder (SQLite) for the benchmarks: the demo city, N published posts and M
// complaints, through `seed-volume` (src/seed/volume*.ts, the same code as
// `npm run balairung -- seed-volume`). Writes DIR/bench-content.json: what seed-volume reports (the
// article to measure, the search word and its hits) and the demo password the bench signs in with.
//   npx tsx bench/seed-content.ts --data DIR [--posts 2000] [--complaints 0] [--agency-count 30]
//        [--database postgres://…]   PostgreSQL instead of SQLite in DIR (uploads stay in DIR)
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli.js';
import { loadConfig } from '../src/config.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    posts: { type: 'string', default: '2000' },
    complaints: { type: 'string', default: '0' },
    'agency-count': { type: 'string' },
    database: { type: 'string' },
  },
});
if (!values.data)
  throw new Error('usage: npx tsx bench/seed-content.ts --data DIR [--posts N] [--complaints N]');
const dataDir = path.resolve(values.data);
if (
  existsSync(path.join(dataDir, 'balairung.sqlite')) ||
  existsSync(path.join(dataDir, 'bench-content.json'))
)
  throw new Error(`${dataDir} already holds a database or a seeded bench`);

const password = randomBytes(12).toString('base64url');
const manifest = path.join(dataDir, 'bench-content.json');
const config = loadConfig({
  BALAIRUNG_DATA_DIR: dataDir,
  BALAIRUNG_DEMO_PASSWORD: password,
  BALAIRUNG_SEED: 'demo',
  ...(values.database ? { DATABASE_URL: values.database } : {}),
});
const args = [
  'seed-volume',
  '--posts',
  values.posts,
  '--complaints',
  values.complaints,
  '--manifest',
  manifest,
];
if (values['agency-count']) args.push('--agency-count', values['agency-count']);
const code = await runCli(args, config, { out: console.log, err: console.error });
if (code !== 0) process.exit(code);
const seeded = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
writeFileSync(manifest, `${JSON.stringify({ ...seeded, demoPassword: password }, null, 2)}\n`);
