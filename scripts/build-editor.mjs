// Bundles the post body editor (scripts/editor/editor.ts with TipTap and ProseMirror) into one minified
// script, public/js/editor.js, which is committed so that `npm install && npm start` needs no build.
//   node scripts/build-editor.mjs                   writes public/js/editor.js
//   node scripts/build-editor.mjs --outfile FILE    writes FILE instead (src/views/editor-bundle.test.ts
//                                                   compares the two, so nobody forgets to rebuild)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--outfile');
const outfile = at >= 0 ? path.resolve(args[at + 1] ?? '') : path.join(root, 'public/js/editor.js');
if (at >= 0 && !args[at + 1]) {
  console.error('--outfile needs a file name.');
  process.exit(2);
}

/** `name version (licence, copyright line)` for each package that ends up in the bundle. */
function notices(inputs) {
  const dirs = new Set();
  for (const input of Object.keys(inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) dirs.add(match[1]);
  }
  return [...dirs].sort().map((dir) => {
    const pkg = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    let copyright = '';
    for (const file of ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license']) {
      try {
        const line = readFileSync(path.join(root, dir, file), 'utf8')
          .split('\n')
          .find((l) => /copyright/i.test(l));
        if (line) copyright = `, ${line.trim()}`;
        break;
      } catch {
        // try the next spelling
      }
    }
    return `${pkg.name} ${pkg.version} (${pkg.license}${copyright})`;
  });
}

const result = await build({
  absWorkingDir: root,
  entryPoints: ['scripts/editor/editor.ts'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  charset: 'utf8',
  legalComments: 'none',
  sourcemap: false,
  define: { 'process.env.NODE_ENV': '"production"' },
  metafile: true,
  write: false,
  outfile,
  logLevel: 'warning',
});

const banner = [
  '/*! Balairung post editor: built from scripts/editor/ by `npm run build:editor`; do not edit by hand.',
  ' * Contains:',
  ...notices(result.metafile.inputs).map((line) => ` * ${line.replaceAll('*/', '* /')}`),
  ' */',
  '',
].join('\n');

const code = result.outputFiles.find((file) => file.path === outfile);
if (!code) throw new Error(`esbuild produced no ${outfile}`);
writeFileSync(outfile, banner + code.text);
