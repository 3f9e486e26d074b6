// Runs the security suites (they also run in `npm test`) and prints the figures they report.
//   node scripts/test-security.mjs          unit security suites and the Chromium XSS suite
//   node scripts/test-security.mjs unit     without the browser
// Each suite reports its counts with t.diagnostic(); they are gathered from a TAP copy of the run
// and printed at the end as "Security figures", for the release note.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const withBrowser = process.argv[2] !== 'unit';

/** The suites that produce figures (issue 6): isolation, hostile input, uploads, authentication, headers. */
const SUITES = [
  'src/http/tenant-isolation.test.ts',
  'src/http/hostile-input.test.ts',
  'src/http/hostile-input.api.test.ts',
  'src/complaints/tracking.hostile.test.ts',
  'src/http/security.test.ts',
  'src/accounts/sessions.routes.test.ts',
  'src/accounts/account.routes.test.ts',
  'src/accounts/accounts.api.test.ts',
  'src/backup/crash-durability.test.ts',
  'src/guard/guard.detect.test.ts',
];
const securityDir = path.join(root, 'src/security');
const own = readdirSync(securityDir)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => path.join('src/security', f));
const files = [...SUITES.filter((f) => existsSync(path.join(root, f))), ...own.sort()];
if (withBrowser) files.push('e2e/xss.e2e.test.ts');

const out = mkdtempSync(path.join(tmpdir(), 'balairung-security-'));
const tap = path.join(out, 'run.tap');
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ],
  { cwd: root, stdio: 'inherit' },
);

const TAP_SUMMARY = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) /;

/** Each diagnostic with a number in it, after the name of the suite (top-level describe) that reported it. */
function figures() {
  if (!existsSync(tap)) return [];
  const lines = [];
  let suite = '';
  for (const raw of readFileSync(tap, 'utf8').split('\n')) {
    const text = raw.trim().slice(2);
    if (!raw.trim().startsWith('# ')) continue;
    if (raw.startsWith('# Subtest: ')) suite = text.slice('Subtest: '.length);
    else if (!text.startsWith('Subtest: ') && /\d/.test(text) && !TAP_SUMMARY.test(text))
      lines.push(text.startsWith('figure: ') ? text.slice('figure: '.length) : `${suite}: ${text}`);
  }
  return lines;
}

child.on('error', (err) => {
  console.error(`Could not start the test runner: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  const lines = figures();
  console.log('\nSecurity figures');
  for (const line of lines) console.log(`  ${line}`);
  if (lines.length === 0) console.log('  (none reported)');
  rmSync(out, { recursive: true, force: true });
  if (signal) {
    console.error(`Test runner stopped by ${signal}.`);
    process.exit(1);
  }
  process.exit(code ?? 1);
});
