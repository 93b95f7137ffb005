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
 * with `async`) and the optional service worker have no budget but are
 * printed so they cannot grow unnoticed.
 *
 * The UI is two layers (issue #15): what a first-time visitor downloads
 * before the banner shows (the banner's bundle, its stylesheet and their
 * language's texts; the guard loads the three in parallel), and what opening
 * the preference centre adds (its bundle and stylesheet, loaded on demand).
 * They replace the single 32,000 B budget for the whole UI.
 */
export function budgets(dist = 'dist') {
  const file = (name) => join(dist, name);
  return [
    { id: 'guard', name: 'guard (sync)', files: [file('consentry.js')], gzip: 10000 },
    { id: 'runtime', name: 'guard runtime (async)', files: [file('consentry-runtime.js')] },
    // The optional service worker runs beside the pages, never in one: printed, not budgeted.
    { id: 'sw', name: 'service worker (optional)', files: [file('consentry-sw.js')], note: 'no budget (runs in no page)' },
    {
      id: 'ui',
      name: 'UI before the banner shows (JS + CSS + texts)',
      files: [file('consentry-ui.js'), file('consentry.css'), ...languageFiles(dist).slice(0, 1)],
      gzip: 28000,
    },
    {
      id: 'ui-centre',
      name: 'UI added by opening the preference centre',
      files: [file('consentry-ui-centre.js'), file('consentry-ui-centre.css')],
      gzip: 6500,
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
  'src/core/defaults.ts': 'the built-in category ids and the defaults the head reads (cookie name, policy version, expiry, email parameters)',
  'src/core/objects.ts': 'isPlainObject (one line)',
  'src/core/language.ts': 'SHIPPED_LANGUAGES (two tags)',
  'src/core/record.ts': 'addMonths, RECORD_SCHEMA and CLOCK_SKEW',
  'src/core/mirror-cookie.ts': 'MIRROR_METHODS and MAX_CATEGORIES (the cookie format)',
};

/** Modules each bundle holds, with the bytes each renders to (written by the build, vite.config.ts `recordModules`). */
export function bundleModules(file) {
  return JSON.parse(readFileSync(join('.tmp/bundles', file + '.json'), 'utf8'));
}
