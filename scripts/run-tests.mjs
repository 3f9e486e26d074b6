// Runs the test suites with node:test, compiled first to plain JavaScript in .test-build/.
//   node scripts/run-tests.mjs        unit (src/) and browser (e2e/) tests
//   node scripts/run-tests.mjs unit   only src/**/*.test.ts(x)
//   node scripts/run-tests.mjs e2e    only e2e/**/*.test.ts
//   node scripts/run-tests.mjs FILE…  only those files (npm test -- src/news/news.routes.test.ts)
// Why compiled: each test file is a process of its own, and under tsx each spends ~3 s of CPU more
// loading the app than plain node does (its loader runs beside every import). src/ and e2e/ are
// transpiled as they are (scripts/compile.mjs, ~1 s, source maps for the stack traces) into
// .test-build/, where the other top-level folders (public/, scripts/, node_modules/ …) are links,
// so paths taken from import.meta.url land where they do from the sources. Files run by hand with
// `node --import tsx --test FILE` still work as before.
// Each run also has an id (BALAIRUNG_TEST_RUN): the suites copy a database migrated and seeded once
// per run instead of making each anew (src/test/template.ts); the templates are removed at the end.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { compile, sourcesUnder } from './compile.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = path.join(root, '.test-build');
const TREES = ['src', 'e2e'];
const args = process.argv.slice(2);
const mode = args.length === 0 ? 'all' : ['unit', 'e2e'].includes(args[0]) ? args[0] : 'files';
const isTestFile = (file) =>
  /\.test\.tsx?$/.test(file) && TREES.includes(file.split('/')[0]) && existsSync(path.join(root, file));
if (mode === 'files' && !args.every(isTestFile)) {
  console.error(`Give "unit", "e2e", test files (src/…test.ts, e2e/…test.ts) or nothing: ${args.join(' ')}`);
  process.exit(2);
}

/** Test files under `dir` (relative to the repo root) whose names end with one of `suffixes`, sorted. */
function collect(dir, suffixes) {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true })
    .map((entry) => String(entry))
    .filter((entry) => !entry.split(path.sep).includes('node_modules'))
    .filter((entry) => suffixes.some((suffix) => entry.endsWith(suffix)))
    .map((entry) => path.join(dir, entry))
    .sort();
}

const files =
  mode === 'files'
    ? args
    : [
        // The browser suites first: they are the longest, and started last they would leave a worker idle at the end.
        ...(mode === 'unit' ? [] : collect('e2e', ['.test.ts'])),
        ...(mode === 'e2e' ? [] : collect('src', ['.test.ts', '.test.tsx'])),
      ];

if (files.length === 0) {
  console.error(`No test files found (suite: ${mode}).`);
  process.exit(1);
}

/** src/ and e2e/ compiled into .test-build/, their other files copied, the rest of the repo linked. */
async function compileSuites() {
  const started = Date.now();
  rmSync(build, { recursive: true, force: true });
  mkdirSync(build);
  const entryPoints = TREES.flatMap((tree) => sourcesUnder(path.join(root, tree)));
  await compile({ entryPoints, outdir: build, outbase: root });
  for (const tree of TREES)
    cpSync(path.join(root, tree), path.join(build, tree), {
      recursive: true,
      filter: (source) => !/\.tsx?$/.test(source),
    });
  for (const entry of readdirSync(root))
    if (!TREES.includes(entry) && !['.git', '.test-build'].includes(entry))
      symlinkSync(path.join(root, entry), path.join(build, entry));
  console.log(`.test-build/: ${entryPoints.length} files compiled in ${Date.now() - started} ms`);
}

const run = (Date.now().toString(36) + process.pid.toString(36)).slice(-20);
const prefix = `balairung_tpl_${run}`; // src/test/template.ts names its templates so

/** Removes this run's templates: the data folders and, where PostgreSQL is tested, the databases. */
async function removeTemplates() {
  for (const entry of readdirSync(tmpdir()))
    if (entry.startsWith(prefix)) rmSync(path.join(tmpdir(), entry), { recursive: true, force: true });
  if (!process.env.TEST_DATABASE_URL) return;
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  try {
    await client.connect();
    const { rows } = await client.query('select datname from pg_database where datname like $1', [
      `${prefix}%`,
    ]);
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  } catch (err) {
    console.error(`Could not remove this run's template databases: ${err.message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

// Three files at a time on two cores: the browser suites spend long stretches waiting on a slowed
// network and the database suites on the disk, and a third file fills those gaps.
const CONCURRENCY = 3;

await compileSuites();
const compiled = files.map((file) => path.join('.test-build', file.replace(/\.tsx?$/, '.js')));
const child = spawn(
  process.execPath,
  [
    '--enable-source-maps',
    '--test',
    `--test-concurrency=${CONCURRENCY}`,
    '--test-reporter=spec',
    ...compiled,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, BALAIRUNG_TEST_RUN: run } },
);
child.on('error', (err) => {
  console.error(`Could not start the test runner: ${err.message}`);
  process.exit(1);
});
child.on('exit', async (code, signal) => {
  await removeTemplates();
  if (signal) {
    console.error(`Test runner stopped by ${signal}.`);
    process.exit(1);
  }
  process.exit(code ?? 1);
});
