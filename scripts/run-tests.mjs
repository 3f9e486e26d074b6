// Runs the test suites with node:test through tsx.
//   node scripts/run-tests.mjs        unit (src/) and browser (e2e/) tests
//   node scripts/run-tests.mjs unit   only src/**/*.test.ts(x)
//   node scripts/run-tests.mjs e2e    only e2e/**/*.test.ts
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2] ?? 'all';
if (!['all', 'unit', 'e2e'].includes(mode)) {
  console.error(`Unknown suite "${mode}": use "unit", "e2e" or nothing for both.`);
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

const files = [
  ...(mode === 'e2e' ? [] : collect('src', ['.test.ts', '.test.tsx'])),
  ...(mode === 'unit' ? [] : collect('e2e', ['.test.ts'])),
];

if (files.length === 0) {
  console.error(`No test files found (suite: ${mode}).`);
  process.exit(1);
}

const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { cwd: root, stdio: 'inherit' },
);
child.on('error', (err) => {
  console.error(`Could not start the test runner: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) {
    console.error(`Test runner stopped by ${signal}.`);
    process.exit(1);
  }
  process.exit(code ?? 1);
});
