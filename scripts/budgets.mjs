/**
 * The size budgets and the files each one counts, shared by `npm run size`
 * (scripts/size.mjs, which CI runs) and `npm run bench` (its "Consentry only"
 * table), so both always count the same files against the same numbers.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** `{ gzip, brotli }` of a text or buffer: gzip level 9 and brotli quality 11, what a static host serves precompressed. */
export function compressedSize(data) {
  return {
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * The UI's text files (`consentry-ui.<language>.js`, one per shipped
 * language), largest first. A first-time visitor downloads exactly one beside
 * the bundle and the stylesheet: their language's (shipped languages are
 * complete, so no English fallback), or English under a language the site
 * owner added. The budget counts the worst case, the largest; switching
 * language later downloads another on demand.
 */
export function languageFiles(dist = 'dist') {
  const gzip = (file) => compressedSize(readFileSync(file)).gzip;
  return readdirSync(dist)
    .filter((name) => /^consentry-ui\.[^.]+\.js$/.test(name))
    .map((name) => join(dist, name))
    .sort((a, b) => gzip(b) - gzip(a));
}

/**
 * `gzip` is the budget the product set. The guard's applies to its synchronous
 * part, dist/consentry.js, whose bytes block parsing: a hard 10,000 B (issues
 * #15 and #16; it replaced the 6,000 B target, which could not hold what the
 * guard must do before the page's next script). The async runtime (loaded
 * with `async`) has no budget but is printed so it cannot grow unnoticed.
 */
export function budgets(dist = 'dist') {
  const file = (name) => join(dist, name);
  return [
    { id: 'guard', name: 'guard (sync)', files: [file('consentry.js')], gzip: 10000 },
    { id: 'runtime', name: 'guard runtime (async)', files: [file('consentry-runtime.js')] },
    {
      id: 'ui',
      name: 'UI (JS + CSS + texts a visitor loads)',
      files: [file('consentry-ui.js'), file('consentry.css'), ...languageFiles(dist).slice(0, 1)],
      gzip: 32000,
    },
  ];
}

/**
 * Source modules both guard bundles may hold, and what of them both use. The
 * runtime reaches the head's code through the kernel (docs/architecture.md),
 * so the logic exists once; what is left in both is the seam's contract and
 * leaf constants and helpers too small to be worth an indirection. `npm run
 * size` fails when any other module is compiled into both.
 */
export const SHARED_MODULES = {
  'src/guard/kernel.ts': 'the seam itself: the symbol the kernel is published on',
  'src/core/storage-keys.ts': 'the name of the validated-configs key',
  'src/core/defaults.ts': 'BUILT_IN_CATEGORY_IDS (five ids)',
  'src/core/objects.ts': 'isPlainObject (one line)',
  'src/core/language.ts': 'SHIPPED_LANGUAGES (two tags)',
  'src/core/record.ts': 'addMonths, RECORD_SCHEMA and CLOCK_SKEW',
  'src/core/mirror-cookie.ts': 'MIRROR_METHODS and MAX_CATEGORIES (the cookie format)',
};

/** Modules each bundle holds, with the bytes each renders to (written by the build, vite.config.ts `recordModules`). */
export function bundleModules(file) {
  return JSON.parse(readFileSync(join('.tmp/bundles', file + '.json'), 'utf8'));
}
