#!/usr/bin/env node
// Prints the gzipped size of the JavaScript in dist/ (what the Payment page downloads from us;
// Stripe.js itself is loaded from js.stripe.com and is not counted), and what the console at /admin
// adds on top. Fails when the Payment page's initial JS exceeds SIZE_BUDGET_KB (default 100).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

let files;
try {
  files = walk(dist).filter((f) => /\.(m?js|css)$/.test(f));
} catch {
  console.error('dist/ not found: run `npm run build` first.');
  process.exit(1);
}
if (!files.some((f) => /\.m?js$/.test(f))) {
  console.error('No JavaScript found in dist/.');
  process.exit(1);
}

// Files referenced from index.html are loaded up front; everything else is a lazy chunk.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const rows = files
  .map((f) => {
    const buf = readFileSync(f);
    const rel = relative(dist, f).split('\\').join('/');
    return { rel, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, initial: html.includes(rel) };
  })
  .sort((a, b) => b.gzip - a.gzip);

// The console: its lazy entry and everything it loads, statically or lazily, that the page has not loaded.
const CONSOLE_ENTRY = 'src/app/routes/admin/console-app.tsx';
let manifest;
try {
  manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
} catch {
  console.error('dist/.vite/manifest.json not found: vite.config.ts must set build.manifest.');
  process.exit(1);
}
if (!manifest[CONSOLE_ENTRY]) {
  console.error(`${CONSOLE_ENTRY} is not a chunk of the build.`);
  process.exit(1);
}
const initialFiles = new Set(rows.filter((r) => r.initial).map((r) => r.rel));
const consoleFiles = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  // The page's own chunks (and what they load lazily, such as the Stripe form) are not the console's.
  if (!chunk || consoleFiles.has(chunk.file) || initialFiles.has(chunk.file)) return;
  consoleFiles.add(chunk.file);
  for (const css of chunk.css ?? []) consoleFiles.add(css);
  [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])].forEach(visit);
};
visit(CONSOLE_ENTRY);
for (const r of rows) r.console = consoleFiles.has(r.rel);

const width = Math.max(...rows.map((r) => r.rel.length));
for (const r of rows) {
  console.log(
    `${r.rel.padEnd(width)}  ${kb(r.raw).padStart(9)}  gzip ${kb(r.gzip).padStart(8)}  ${r.initial ? 'initial' : r.console ? 'lazy (console)' : 'lazy'}`,
  );
}
const sum = (list) => list.reduce((n, r) => n + r.gzip, 0);
const js = rows.filter((r) => /\.m?js$/.test(r.rel));
console.log('');
console.log(`JS gzipped, initial load: ${kb(sum(js.filter((r) => r.initial)))}`);
console.log(`JS gzipped, total:        ${kb(sum(js))}`);
console.log(`CSS gzipped, total:       ${kb(sum(rows.filter((r) => r.rel.endsWith('.css'))))}`);
console.log(`Console (/admin) on top, JS gzipped: ${kb(sum(js.filter((r) => r.console)))}`);

const budget = Number(process.env.SIZE_BUDGET_KB ?? 100);
if (budget > 0 && sum(js.filter((r) => r.initial)) > budget * 1024) {
  console.error(`Initial JS exceeds the budget of ${budget} kB gzipped.`);
  process.exit(1);
}
console.log(`Initial JS is within the budget of ${budget} kB gzipped.`);
