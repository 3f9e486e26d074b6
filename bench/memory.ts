// Where the server's memory goes (issue 7: ≤ 250 MB resident under the bench load). Starts Balairung
// in production mode as bench/run.sh does (npx tsx src/server.ts, its own process group), loads each
// public page with wrk -c32 in turn and prints, per page, the listening process's VmRSS (peak and
// end, anonymous and file-backed from /proc) beside what Node says of itself (process.memoryUsage()
// through bench/memory-probe.mjs, loaded with NODE_OPTIONS; no --inspect).
//   npx tsx bench/memory.ts --data DIR [--port 9800] [--duration 15s] [--conns 32] [--js dist/server.js]
// --js runs that compiled entry with plain node instead, to weigh what tsx costs at runtime.
// DIR is a folder bench/seed-content.ts has seeded (it names the article and the search word).
// Environment variables pass through to the server, for experiments (e.g. MALLOC_ARENA_MAX=2).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '9800' },
    duration: { type: 'string', default: '15s' },
    conns: { type: 'string', default: '32' },
    js: { type: 'string' },
  },
});
if (!values.data) throw new Error('usage: bench/memory.ts --data DIR (seeded by bench/seed-content.ts)');
const ROOT = path.resolve(import.meta.dirname, '..');
const BASE = `http://127.0.0.1:${values.port}`;
const MB = 1024 * 1024;
const probeDir = mkdtempSync(path.join(tmpdir(), 'balairung-memory-'));

interface Sample {
  rss: number;
  hwm: number;
  anon: number;
  file: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

function sample(pid: number): Sample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0) * 1024;
  let node = { heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0 };
  try {
    node = JSON.parse(readFileSync(path.join(probeDir, `${pid}.json`), 'utf8')) as typeof node;
  } catch {
    // the probe writes its first figures a second after start
  }
  const { heapUsed, heapTotal, external, arrayBuffers } = node;
  const rss = kb('VmRSS');
  const [hwm, anon, file] = [kb('VmHWM'), kb('RssAnon'), kb('RssFile')];
  return { rss, hwm, anon, file, heapUsed, heapTotal, external, arrayBuffers };
}

async function startServer() {
  const [command, ...args] = values.js ? ['node', values.js] : ['npx', 'tsx', 'src/server.ts'];
  const child = spawn(command!, args, {
    cwd: ROOT,
    detached: true, // its own process group: npx, tsx and node end together
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${path.join(ROOT, 'bench/memory-probe.mjs')}`,
      MEMORY_PROBE_DIR: probeDir,
      BALAIRUNG_SECRET: randomBytes(32).toString('base64'),
      BALAIRUNG_DATA_DIR: values.data,
      BALAIRUNG_RATE_LIMIT: 'off',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: values.port,
    },
  });
  for (let i = 0; i < 240; i++) {
    const up = await fetch(`${BASE}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (child.exitCode !== null) throw new Error('the server exited');
    await new Promise((r) => setTimeout(r, 250));
  }
  // tsx runs the app in a child node process: the one listening is the one whose memory counts.
  const ss = execFileSync('ss', ['-ltnpH', `sport = :${values.port}`], { encoding: 'utf8' });
  const pid = Number(/pid=(\d+)/.exec(ss)?.[1]);
  if (!pid) throw new Error(`nothing listens on ${values.port}`);
  return { group: child.pid!, pid };
}

function wrk(url: string, duration: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const args = ['-t2', `-c${values.conns}`, `-d${duration}`, '-H', 'Accept-Encoding: br, gzip', url];
    const run = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    run.stdout.on('data', (d: Buffer) => (out += d.toString()));
    run.on('error', reject);
    run.on('close', () => resolve(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? '?'));
  });
}

const mb = (n: number) => (n / MB).toFixed(0).padStart(7);
function row(label: string, rate: string, peak: Sample, end: Sample) {
  const other = end.rss - end.heapTotal - end.external;
  console.log(
    `${label.padEnd(14)} ${rate.padStart(9)} ${mb(peak.rss)} ${mb(end.rss)} ${mb(end.hwm)} ${mb(end.anon)} ${mb(end.file)}` +
      ` ${mb(end.heapUsed)} ${mb(end.heapTotal)} ${mb(end.external)} ${mb(end.arrayBuffers)} ${mb(other)}`,
  );
}

async function loadPage(pid: number, label: string, url: string) {
  let peak = sample(pid);
  const timer = setInterval(() => {
    const now = sample(pid);
    if (now.rss > peak.rss) peak = now;
  }, 500);
  const rate = await wrk(url, values.duration);
  clearInterval(timer);
  await new Promise((r) => setTimeout(r, 1100)); // the probe's next figures
  row(label, rate, peak, sample(pid));
}

const manifest = JSON.parse(readFileSync(path.join(values.data, 'bench-content.json'), 'utf8')) as {
  articlePath: string;
  searchWord: string;
};
const pages: [string, string][] = [
  ['portal home', '/'],
  ['agency home', '/opd/dinkes'],
  ['article', manifest.articlePath],
  ['list', '/berita'],
  ['list page 50', '/berita?halaman=50'],
  [`search`, `/cari?q=${manifest.searchWord}`],
  ['feed', '/feed.xml'],
];
const { group, pid } = await startServer();
try {
  await new Promise((r) => setTimeout(r, 1100));
  console.log(
    `# server pid ${pid}, ${values.data}, wrk -t2 -c${values.conns} -d${values.duration} per page; MB`,
  );
  console.log(
    `${'page'.padEnd(14)} ${'req/s'.padStart(9)} ${'peakRSS'.padStart(7)} ${'RSS'.padStart(7)} ${'HWM'.padStart(7)}` +
      ` ${'anon'.padStart(7)} ${'file'.padStart(7)} ${'heapUse'.padStart(7)} ${'heapTot'.padStart(7)}` +
      ` ${'extern'.padStart(7)} ${'arrBuf'.padStart(7)} ${'native'.padStart(7)}`,
  );
  row('idle', '', sample(pid), sample(pid));
  for (const [label, p] of pages) await loadPage(pid, label, `${BASE}${p}`);
  console.log('# native = RSS - heapTotal - external: code, libraries, SQLite page cache, malloc arenas');
} finally {
  process.kill(-group, 'SIGTERM');
  rmSync(probeDir, { recursive: true, force: true });
}
