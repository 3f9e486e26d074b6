// Soak (issue 6): mixed traffic at a fixed rate for a long while; zero errors and flat memory expected.
//   npm run bench:soak -- [--rate N] [--duration 10m] [--url http://…] [--port 3901] [--measure 10s]
// Without --url it starts Balairung itself (NODE_ENV=production, rate limits off) on a fresh demo data
// folder, and samples the server's VmRSS every 10 s from /proc. Without --rate it first measures the
// maximum (closed loop, 32 connections, --measure long) and soaks at half of it. Never part of npm test.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    rate: { type: 'string' },
    duration: { type: 'string', default: '10m' },
    url: { type: 'string' },
    port: { type: 'string', default: '3901' },
    measure: { type: 'string', default: '10s' },
  },
});

const seconds = (text: string) => {
  const m = /^(\d+(?:\.\d+)?)(s|m)?$/.exec(text);
  if (!m) throw new Error(`not a duration: ${text} (use 90s or 10m)`);
  return Number(m[1]) * (m[2] === 'm' ? 60 : 1);
};
const PASSWORD = 'soak-password-123';
const SAMPLE_MS = 10_000;

interface Route {
  name: string;
  weight: number;
  request: () => { url: string; init?: RequestInit };
}

async function startServer(port: number): Promise<{ child: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'balairung-soak-'));
  const root = path.resolve(import.meta.dirname, '..');
  // As `npm start` runs it: compiled, on plain node.
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, stdio: 'inherit' });
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      BALAIRUNG_DATA_DIR: dataDir,
      BALAIRUNG_SECRET: randomBytes(32).toString('base64url'),
      BALAIRUNG_DEMO_PASSWORD: PASSWORD,
      BALAIRUNG_RATE_LIMIT: 'off',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 1200; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, dataDir };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start');
}

/** Signs the coordinator in through the form, as a browser does: the session cookie for the queue. */
async function coordinatorCookie(base: string): Promise<string> {
  const page = await fetch(`${base}/masuk`);
  const cookies = page.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const form = new URLSearchParams({ _csrf: csrf, email: 'aduan@pontianak.go.id', password: PASSWORD });
  const res = await fetch(`${base}/masuk`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookies.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  if (res.status !== 303) throw new Error(`coordinator sign-in failed: ${res.status}`);
  return [...cookies, ...res.headers.getSetCookie().map((c) => c.split(';')[0]!)].join('; ');
}

async function routesFor(base: string): Promise<Route[]> {
  const list = await (await fetch(`${base}/berita`)).text();
  const article = /href="(\/opd\/[a-z0-9-]+\/berita\/[^"#?]+)"/.exec(list)?.[1];
  if (!article) throw new Error('no article linked from /berita');
  const cookie = await coordinatorCookie(base);
  const queue = await fetch(`${base}/admin/aduan`, { headers: { cookie }, redirect: 'manual' });
  if (queue.status !== 200) throw new Error(`the coordinator's queue answered ${queue.status}, not 200`);
  let n = 0;
  const complaint = () => {
    const i = n++;
    const id = `${Date.now().toString(36)}${i}`;
    return {
      class: 'pengaduan',
      title: `Lampu jalan padam nomor ${i}`,
      description: `Uji ketahanan ${id}: lampu jalan di Gang Mawar padam sejak kemarin malam.`,
      category: 'lampu-lalu-lintas',
      reporter: { name: 'Warga Uji', email: `soak-${id}@example.com`, phone: '', nik: '' },
      anonymous: false,
      confidential: false,
      consent: true,
    };
  };
  const get = (url: string) => () => ({ url });
  return [
    { name: 'portal home /', weight: 3, request: get('/') },
    { name: 'agency home /opd/dinkes', weight: 2, request: get('/opd/dinkes') },
    { name: 'article', weight: 3, request: get(article) },
    { name: 'list /berita', weight: 2, request: get('/berita') },
    { name: 'search /cari?q=banjir', weight: 1, request: get('/cari?q=banjir') },
    { name: 'feed /feed.xml', weight: 1, request: get('/feed.xml') },
    { name: 'services /layanan', weight: 1, request: get('/layanan') },
    {
      name: 'queue /admin/aduan (session)',
      weight: 1,
      request: () => ({ url: '/admin/aduan', init: { headers: { cookie } } }),
    },
    {
      name: 'complaint POST /api/v1/complaints',
      weight: 1,
      request: () => ({
        url: '/api/v1/complaints',
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(complaint()),
        },
      }),
    },
  ];
}

interface Stats {
  latencies: number[];
  errors: number;
  firstError?: string;
}

function picker(routes: Route[]) {
  const bag = routes.flatMap((r) => Array.from({ length: r.weight }, () => r));
  let i = 0;
  // Round robin over the weighted bag: the mix is exact at any moment, not only on average.
  return () => bag[i++ % bag.length]!;
}

async function once(base: string, route: Route, stats: Map<string, Stats>) {
  const { url, init } = route.request();
  const s = stats.get(route.name) ?? { latencies: [], errors: 0 };
  stats.set(route.name, s);
  const start = performance.now();
  try {
    const res = await fetch(`${base}${url}`, {
      redirect: 'manual',
      ...init,
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    if (res.status >= 400) {
      s.errors += 1;
      s.firstError ??= `HTTP ${res.status}`;
    }
  } catch (err) {
    s.errors += 1;
    s.firstError ??= (err as Error).message;
  }
  s.latencies.push(performance.now() - start);
}

/** Closed loop: `connections` requests always in flight; requests per second over `secs`. */
async function measureMax(base: string, routes: Route[], secs: number, connections = 32): Promise<number> {
  const next = picker(routes);
  const stats = new Map<string, Stats>();
  const end = performance.now() + secs * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        await once(base, next(), stats);
        done += 1;
      }
    }),
  );
  return done / secs;
}

const rssKb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);

/** Open loop at a fixed rate: requests start on schedule whatever the answers take (no coordinated omission). */
async function soak(base: string, routes: Route[], rate: number, secs: number, pid: number | undefined) {
  const next = picker(routes);
  const stats = new Map<string, Stats>();
  const rss: { at: number; kb: number }[] = [];
  const inFlight = new Set<Promise<void>>();
  const start = performance.now();
  let started = 0;
  let nextSample = 0;
  while (performance.now() - start < secs * 1000) {
    const elapsed = (performance.now() - start) / 1000;
    while (started < Math.floor(elapsed * rate)) {
      started += 1;
      const p = once(base, next(), stats).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    if (pid && elapsed * 1000 >= nextSample) {
      rss.push({ at: Math.round(elapsed), kb: rssKb(pid) });
      nextSample += SAMPLE_MS;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(inFlight);
  if (pid) rss.push({ at: Math.round((performance.now() - start) / 1000), kb: rssKb(pid) });
  return { stats, rss, started };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

function report(result: Awaited<ReturnType<typeof soak>>, rate: number, secs: number): boolean {
  const { stats, rss } = result;
  console.log(
    `\n${'route'.padEnd(36)} ${'requests'.padStart(9)} ${'errors'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`,
  );
  let requests = 0;
  let errors = 0;
  for (const [name, s] of stats) {
    const sorted = [...s.latencies].sort((a, b) => a - b);
    requests += sorted.length;
    errors += s.errors;
    console.log(
      `${name.padEnd(36)} ${String(sorted.length).padStart(9)} ${String(s.errors).padStart(7)} ` +
        `${pct(sorted, 0.5).toFixed(1).padStart(8)} ${pct(sorted, 0.99).toFixed(1).padStart(8)}` +
        (s.firstError ? `   first error: ${s.firstError}` : ''),
    );
  }
  console.log(`\nrate ${rate.toFixed(0)} req/s for ${secs} s: ${requests} requests, ${errors} errors`);
  if (!rss.length) return errors === 0;
  console.log(`server VmRSS (MB) every 10 s: ${rss.map((r) => (r.kb / 1024).toFixed(0)).join(' ')}`);
  // RSS swings with each garbage collection (±10 % between two samples), so windows are averaged: the
  // first minute under load (the sample before any request left out) against the run's last minute.
  const end = rss.at(-1)!.at;
  const mean = (xs: { kb: number }[]) => xs.reduce((a, r) => a + r.kb, 0) / Math.max(1, xs.length);
  const first = mean(rss.filter((r) => r.at > 0 && r.at <= 60));
  const last = mean(rss.filter((r) => r.at > end - 60));
  const growth = ((last - first) / first) * 100;
  console.log(
    `VmRSS mean over the first minute: ${(first / 1024).toFixed(1)} MB, over the last minute: ` +
      `${(last / 1024).toFixed(1)} MB, growth ${growth.toFixed(1)} %`,
  );
  const ok = errors === 0 && growth <= 10;
  console.log(ok ? 'PASS: no errors, memory growth ≤ 10 %' : 'FAIL: errors, or memory grew more than 10 %');
  return ok;
}

const port = Number(values.port);
const server = values.url ? undefined : await startServer(port);
const base = values.url?.replace(/\/$/, '') ?? `http://127.0.0.1:${port}`;
const stop = () => {
  server?.child.kill('SIGTERM');
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
};
process.once('SIGINT', () => (stop(), process.exit(130)));
try {
  const routes = await routesFor(base);
  let rate = values.rate ? Number(values.rate) : 0;
  if (!rate) {
    const max = await measureMax(base, routes, seconds(values.measure));
    rate = Math.max(1, Math.round(max / 2));
    console.log(
      `measured maximum: ${max.toFixed(0)} req/s (closed loop, 32 connections); soaking at ${rate} req/s`,
    );
  }
  const secs = seconds(values.duration);
  console.log(
    `soak: ${base}, ${rate} req/s, ${secs} s, mix: ${routes.map((r) => `${r.name}×${r.weight}`).join(', ')}`,
  );
  const result = await soak(base, routes, rate, secs, server?.child.pid);
  process.exitCode = report(result, rate, secs) ? 0 : 1;
} finally {
  stop();
}
