import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import sharp from 'sharp';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, type TestClient } from '../test/client.js';
import { assertApiError, Problems } from '../test/hostile.js';
import {
  EMBEDDED_MARK,
  LAUNCH_TARGET,
  hostileFiles,
  PDF_SCRIPT,
  SCRIPT_MARK,
  type HostileFile,
} from '../test/hostile-files.js';
import { uploadEndpoints } from './upload-endpoints.js';

// Every hostile file at every upload endpoint. Each is refused with an Indonesian 4xx, or stored
// cleaned: re-encoded (no script, no EXIF/GPS, no trailing archive), PDFs without JavaScript,
// actions or embedded files, under a name of the app's choosing, served with a safe type and nosniff.

const SAFE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'application/pdf']);
const FORBIDDEN_BYTES = [
  '<script',
  '<svg',
  '<html',
  SCRIPT_MARK,
  PDF_SCRIPT,
  EMBEDDED_MARK,
  LAUNCH_TARGET.split('\\').pop()!,
  'BalairungCam',
];
const ACTIVE_PDF_KEYS = ['JS', 'JavaScript', 'OpenAction', 'AA', 'EmbeddedFiles', 'EF'];
const POSTGRES_SAMPLE = new Set(['JPEG/HTML polyglot', 'photo with GPS EXIF', 'PDF with an embedded file']);
/** A safety bound, not a speed target: decoding the 30,000² PNG would need 2.7 GB. */
const RSS_BOUND = 200 * 1024 * 1024;

/** Every stored file (relative path → size) under the two upload roots. */
async function snapshot(dataDir: string): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  for (const root of ['media', 'complaint-files']) {
    const abs = path.join(dataDir, root);
    if (!existsSync(abs)) continue;
    for (const entry of await readdir(abs, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      files.set(path.relative(dataDir, full), (await readFile(full)).length);
    }
  }
  return files;
}

async function assertCleanPdf(data: Buffer): Promise<void> {
  const doc = await PDFDocument.load(data, { updateMetadata: false });
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
    if (!dict) continue;
    for (const key of ACTIVE_PDF_KEYS) assert.ok(!dict.has(PDFName.of(key)), `the PDF keeps /${key}`);
    assert.notEqual(String(dict.get(PDFName.of('Type'))), '/EmbeddedFile', 'the PDF keeps an embedded file');
    const action = String(dict.get(PDFName.of('S')));
    assert.ok(!['/JavaScript', '/Launch'].includes(action), `the PDF keeps a ${action} action`);
  }
}

/** A stored file is a cleaned copy: never the bytes sent, nothing active, no metadata. */
async function assertCleanStored(rel: string, stored: Buffer, sent: HostileFile): Promise<void> {
  assert.ok(!stored.equals(sent.data), `${rel} is stored exactly as sent`);
  assert.ok(!/\.\.|passwd|\.php|\\/.test(rel), `${rel}: the sent name reached the path`);
  const text = stored.toString('latin1');
  for (const bad of FORBIDDEN_BYTES) assert.ok(!text.includes(bad), `${rel} still holds "${bad}"`);
  if (rel.endsWith('.pdf')) return assertCleanPdf(stored);
  assert.ok(!text.includes('PK\u0003\u0004'), `${rel} still carries a ZIP`);
  const meta = await sharp(stored).metadata();
  assert.equal(meta.exif, undefined, `${rel} keeps EXIF`);
  assert.ok(['jpeg', 'png', 'webp', 'avif'].includes(meta.format ?? ''), `${rel} is ${meta.format}`);
}

function assertSafelyServed(res: LightMyRequestResponse, what: string): void {
  assert.equal(res.statusCode, 200, `${what}: status ${res.statusCode}`);
  const type = String(res.headers['content-type']).split(';')[0]!;
  assert.ok(SAFE_TYPES.has(type), `${what}: served as ${type}`);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
}

function assertIndonesianRefusal(res: LightMyRequestResponse, what: string): void {
  assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${what}: status ${res.statusCode}`);
  if (String(res.headers['content-type']).startsWith('application/json')) return assertApiError(res, what);
  assert.match(res.body, /Ada masalah|bukan foto|PDF|terlalu besar|kosong|rusak/i, `${what}: says why`);
  assert.ok(!res.body.includes(SCRIPT_MARK), `${what}: echoes the script`);
}

interface Run {
  app: FastifyInstance;
  dataDir: string;
  reader: TestClient;
  problems: Problems;
}

/** Sends one file, then checks the answer, whatever was stored, and how it is served. */
async function tryUpload(
  run: Run,
  endpoint: string,
  send: () => Promise<LightMyRequestResponse>,
  file: HostileFile,
) {
  const before = await snapshot(run.dataDir);
  const attachmentsBefore = await attachmentIds(run.app);
  const rss = process.memoryUsage().rss;
  const res = await send();
  const grown = process.memoryUsage().rss - rss;
  const added = [...(await snapshot(run.dataDir)).keys()].filter((k) => !before.has(k));
  const newAttachments = (await attachmentIds(run.app)).filter((id) => !attachmentsBefore.includes(id));
  const what = `${endpoint}: ${file.label}`;
  await run.problems.check(what, async () => {
    assert.ok(res.statusCode < 500, `status ${res.statusCode}`);
    if (file.bomb) assert.ok(grown < RSS_BOUND, `RSS grew by ${Math.round(grown / 1048576)} MB`);
    if (res.statusCode >= 400) {
      assertIndonesianRefusal(res, what);
      assert.deepEqual(added, [], 'a refused file left something stored');
      return;
    }
    for (const rel of added) {
      const stored = await readFile(path.join(run.dataDir, rel));
      await assertCleanStored(rel, stored, file);
      if (rel.startsWith(`media${path.sep}`)) {
        const served = await run.app.inject(`/media/${rel.slice('media/'.length).split(path.sep).join('/')}`);
        assertSafelyServed(served, `/media/${rel}`);
      }
    }
    for (const id of newAttachments) {
      const served = await run.reader.get(`/aduan/lampiran/${id}`);
      assertSafelyServed(served, `attachment ${id}`);
      assert.ok(!served.rawPayload.equals(file.data), 'an attachment served as sent');
    }
  });
  return grown;
}

async function attachmentIds(app: FastifyInstance): Promise<string[]> {
  return (await app.db.selectFrom('complaintAttachments').select('id').execute()).map((r) => r.id);
}

for (const dialect of dialects()) {
  describe(`hostile uploads at every upload endpoint (${dialect})`, () => {
    it('refuses each with an Indonesian 4xx or stores a cleaned copy, never the file as given', async (t) => {
      const { app, config } = await buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: 'off' });
      // File handling does not depend on the database: the whole corpus runs on SQLite; on PostgreSQL
      // the files that are stored (so rows are written there too), keeping the CI run short.
      const files = (await hostileFiles()).filter(
        (f) => dialect === 'sqlite' || POSTGRES_SAMPLE.has(f.label),
      );
      const endpoints = await uploadEndpoints(app);
      const reader = await signedIn(app, 'aduan@pontianak.go.id');
      const run: Run = { app, dataDir: config.dataDir, reader, problems: new Problems() };
      let largestGrowth = 0;
      for (const endpoint of endpoints) {
        for (const file of files) {
          const grown = await tryUpload(run, endpoint.name, () => endpoint.send(file), file);
          if (file.bomb) largestGrowth = Math.max(largestGrowth, grown);
        }
      }
      assert.ok(!existsSync(path.join(config.dataDir, '..', 'etc', 'passwd.jpg')), 'nothing outside');
      const rss = files.some((f) => f.bomb)
        ? `; RSS growth around the 30,000² PNG at most ${Math.round(largestGrowth / 1048576)} MB (bound 200 MB)`
        : '';
      t.diagnostic(
        `figure: hostile uploads: ${run.problems.tried} uploads tried ` +
          `(${files.length} files × ${endpoints.length} endpoints)${rss}`,
      );
      assert.equal(run.problems.tried, files.length * endpoints.length);
      assert.deepEqual(run.problems.list, []);
    });
  });
}
