// Copies the browser libraries the pages load from node_modules into public/vendor/, which is
// committed so that `npm install --omit=dev && npm start` needs no build step and no CDN.
//   node scripts/build-vendor.mjs           copies the files (run after upgrading a library)
//   node scripts/build-vendor.mjs --check   copies nothing; exits 1 naming each file that differs
//                                           (src/views/vendor.test.ts runs this)
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** [from, under node_modules/] → [to, under public/vendor/] */
const FILES = [
  ['leaflet/dist/leaflet.js', 'leaflet/leaflet.js'],
  ['leaflet/dist/leaflet.css', 'leaflet/leaflet.css'],
  ['leaflet/dist/images/marker-icon.png', 'leaflet/images/marker-icon.png'],
  ['leaflet/dist/images/marker-icon-2x.png', 'leaflet/images/marker-icon-2x.png'],
  ['leaflet/dist/images/marker-shadow.png', 'leaflet/images/marker-shadow.png'],
  ['leaflet/dist/images/layers.png', 'leaflet/images/layers.png'],
  ['leaflet/dist/images/layers-2x.png', 'leaflet/images/layers-2x.png'],
  ['leaflet/LICENSE', 'leaflet/LICENSE'],
];

const check = process.argv.includes('--check');
const stale = [];
for (const [from, to] of FILES) {
  const source = path.join(root, 'node_modules', from);
  const target = path.join(root, 'public/vendor', to);
  if (check) {
    if (!existsSync(target) || !readFileSync(source).equals(readFileSync(target))) stale.push(to);
  } else {
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source, target);
  }
}
if (stale.length) {
  console.error(
    `public/vendor/ differs from node_modules in ${stale.join(', ')}: run \`npm run build:vendor\` and commit the result`,
  );
  process.exit(1);
}
