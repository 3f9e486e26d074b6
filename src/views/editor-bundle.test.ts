import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { PUBLIC_DIR } from './assets.js';

const ROOT = path.resolve(PUBLIC_DIR, '..');

// public/js/editor.js is built from scripts/editor/ and committed, so `npm start` needs no build step.
// esbuild's output is deterministic: a fresh build that differs means someone forgot to rebuild.
describe('public/js/editor.js', () => {
  it('is exactly what `npm run build:editor` builds from scripts/editor/', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'balairung-editor-'));
    try {
      const fresh = path.join(dir, 'editor.js');
      await promisify(execFile)(
        process.execPath,
        [path.join(ROOT, 'scripts/build-editor.mjs'), '--outfile', fresh],
        {
          cwd: ROOT,
        },
      );
      const committed = readFileSync(path.join(PUBLIC_DIR, 'js/editor.js'));
      assert.ok(
        committed.equals(readFileSync(fresh)),
        'public/js/editor.js is out of date with scripts/editor/: run `npm run build:editor` and commit the result',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
