#!/usr/bin/env node
// Prints the gzip and brotli size of each dist file next to its budget, and
// exits 1 when one is over. Budgets are exact bytes (gzip, level 9), so CI may
// check them; speed is measured by `npm run bench`, never asserted.
import { readFileSync } from 'node:fs';
import { budgets, bundleModules, compressedSize, languageFiles, SHARED_MODULES } from './budgets.mjs';

const locales = languageFiles();
if (locales.length === 0) {
  console.error('size: no dist/consentry-ui.<language>.js; run npm run build first');
  process.exit(1);
}
const BUDGETS = budgets();

let over = false;
const rows = [];
for (const budget of BUDGETS) {
  let g = 0;
  let b = 0;
  for (const file of budget.files) {
    let buf;
    try {
      buf = readFileSync(file);
    } catch {
      console.error(`size: ${file} is missing; run npm run build first`);
      process.exit(1);
    }
    const { gzip: fg, brotli: fb } = compressedSize(buf);
    g += fg;
    b += fb;
    rows.push([file, buf.length, fg, fb, '']);
  }
  if (budget.gzip === undefined) {
    rows.push([`= ${budget.name}`, '', g, b, budget.note ?? 'no budget (loaded async)']);
    continue;
  }
  const ok = g <= budget.gzip;
  if (!ok) over = true;
  const verdict = ok ? `ok (budget ${budget.gzip} gzip)` : `OVER budget ${budget.gzip} by ${g - budget.gzip}`;
  rows.push([`= ${budget.name}`, '', g, b, verdict]);
}

const head = ['file', 'raw', 'gzip', 'brotli', 'budget'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => (i === 0 || i === 4 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
console.log(line(head));
for (const r of rows) console.log(line(r));
for (const file of locales.slice(1)) console.log(`(a visitor who switches language downloads ${file} too: ${compressedSize(readFileSync(file)).gzip} B gzip)`);

// The runtime reaches the head's code through the kernel: nothing but SHARED_MODULES may be in both.
let headModules;
let runtimeModules;
try {
  headModules = bundleModules('consentry.js');
  runtimeModules = bundleModules('consentry-runtime.js');
} catch {
  console.error('size: .tmp/bundles/*.json missing; run npm run build first');
  process.exit(1);
}
const shared = Object.keys(runtimeModules).filter((id) => id in headModules);
const unexpected = shared.filter((id) => !(id in SHARED_MODULES));
console.log(`\nIn both guard bundles: ${shared.map((id) => `${id} (${SHARED_MODULES[id] ?? 'NOT ALLOWED'})`).join('; ')}`);
if (unexpected.length) {
  console.error(`size: ${unexpected.join(', ')} compiled into both dist/consentry.js and dist/consentry-runtime.js: reach the head's copy through the kernel (src/guard/kernel.ts) instead`);
  over = true;
}
if (over) {
  console.error('size: over budget');
  process.exit(1);
}
