import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { PUBLIC_DIR } from './assets.js';

const ROOT = path.resolve(PUBLIC_DIR, '..');

// public/vendor/ is copied from node_modules and committed, so `npm start` needs no build step;
// a copy that differs means someone upgraded a library and forgot to copy it again.
describe('public/vendor/', () => {
  it('holds exactly the files of the installed libraries (`npm run build:vendor`)', async () => {
    const run = promisify(execFile)(
      process.execPath,
      [path.join(ROOT, 'scripts/build-vendor.mjs'), '--check'],
      {
        cwd: ROOT,
      },
    );
    await assert.doesNotReject(run);
  });
});
