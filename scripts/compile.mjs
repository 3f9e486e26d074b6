// Transpiles TypeScript trees to plain JavaScript with esbuild, one file per file (no bundle): the
// tree keeps its shape, so paths resolved from import.meta.url (public/, the migrations folder)
// resolve as they do from the sources. Types are checked by `npm run typecheck`, not here.
// Used by build-server.mjs (src/ to dist/ for `npm start`) and run-tests.mjs (the suites, compiled).
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The .ts/.tsx files under `dir` (absolute) that `keep` accepts (given the path relative to dir). */
export function sourcesUnder(dir, keep = () => true) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts') && keep(file))
    .map((file) => path.join(dir, file));
}

/** Compiles `entryPoints` into `outdir`, mirroring their paths below `outbase`. */
export async function compile({ entryPoints, outdir, outbase }) {
  await build({
    entryPoints,
    outdir,
    outbase,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}
