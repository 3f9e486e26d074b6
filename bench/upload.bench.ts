// Measures one phone-photo upload end to end (multipart → sharp → storage → database) through the real app.
//   node --import tsx bench/upload.bench.ts [runs]
// The 4000×3000 test photo is made once in a child process and cached in the temp folder, so the peak
// memory printed here is the app's and the upload's, not the fixture generator's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { apiToken } from '../src/test/client.js';
import { DEMO_PASSWORD, TEST_SECRET } from '../src/test/app.js';
import { multipart, phonePhoto } from '../src/media/media.fixtures.js';

const PHOTO = path.join(tmpdir(), 'balairung-phone-photo-4000x3000.jpg');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

if (process.argv[2] === '--make-photo') {
  writeFileSync(PHOTO, await phonePhoto());
  process.exit(0);
}

if (!existsSync(PHOTO)) {
  execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--make-photo'], {
    stdio: 'inherit',
  });
}

const runs = Number(process.argv[2] ?? 5);
const photo = readFileSync(PHOTO);
const meta = await sharp(photo).metadata();
const dataDir = mkdtempSync(path.join(tmpdir(), 'balairung-bench-'));
const config = loadConfig({
  NODE_ENV: 'test',
  BALAIRUNG_DATA_DIR: dataDir,
  BALAIRUNG_SECRET: TEST_SECRET,
  BALAIRUNG_DEMO_PASSWORD: DEMO_PASSWORD,
  BALAIRUNG_RATE_LIMIT: 'off',
  LOG_LEVEL: 'warn',
});
const { app } = await buildApp(config);
// However the run ends, the app closes and the temporary data folder goes.
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
const token = await apiToken(app, 'admin1@dinkes.pontianak.go.id');
const body = multipart({ alt: 'Uji beban' }, { data: photo, filename: 'IMG_0001.JPG' });

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const sampler = setInterval(sample, 5);
const baseline = process.memoryUsage().rss;
console.log(`photo: ${meta.width}×${meta.height} JPEG, ${mb(photo.length)}; app booted, RSS ${mb(baseline)}`);

const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/agencies/dinkes/media',
    headers: { ...body.headers, authorization: `Bearer ${token}` },
    payload: body.payload,
  });
  times.push(performance.now() - started);
  sample();
  if (res.statusCode !== 201) throw new Error(`upload ${i + 1}: ${res.statusCode} ${res.body}`);
}
clearInterval(sampler);
const sorted = [...times].sort((a, b) => a - b);
console.log(`uploads: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
console.log(
  `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, best ${sorted[0]!.toFixed(0)} ms`,
);
console.log(
  `peak RSS ${mb(peak)} sampled, ${mb(process.resourceUsage().maxRSS * 1024)} max for the process (baseline ${mb(baseline)})`,
);
await app.close();
