import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../cli.js';
import { loadConfig } from '../config.js';
import { TEST_SECRET } from '../test/app.js';

// With BALAIRUNG_STORAGE_URL the uploads live in a bucket: the backup says, every time, that it
// holds the database only. No S3 server is needed: backup never reads the bucket.

const tempDir = (t: TestContext, prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

describe('backup with uploads on object storage', () => {
  it('backs up the database and says the bucket is not in the backup', async (t) => {
    const dataDir = tempDir(t, 'balairung-data-');
    const config = loadConfig({
      NODE_ENV: 'test',
      BALAIRUNG_DATA_DIR: dataDir,
      BALAIRUNG_SECRET: TEST_SECRET,
      BALAIRUNG_STORAGE_URL: 's3://foto-kota?endpoint=http://127.0.0.1:9400&prefix=pontianak',
    });
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    assert.equal(await runCli(['migrate'], config, io), 0);
    const to = tempDir(t, 'balairung-backups-');
    assert.equal(await runCli(['backup', '--to', to], config, io), 0, lines.join('\n'));
    const output = lines.join('\n');
    assert.match(output, /Cadangan selesai/);
    assert.match(output, /penyimpanan objek s3:\/\/foto-kota\/pontianak\/, TIDAK di folder data/);
    assert.match(output, /tidak ikut dalam cadangan ini/);
  });
});
