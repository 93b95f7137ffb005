/**
 * One config, four builds, picked by `--mode`:
 * - `guard`: dist/consentry.js, the synchronous IIFE that stands first in <head>
 *   (src/guard/index.ts): config, blockers, gate, mirror cookie, Consent Mode default.
 *   It must never pull in Preact or the UI: the `guardBoundary` plugin fails the build if it does.
 * - `runtime`: dist/consentry-runtime.js, the guard's async part (src/guard/runtime.ts),
 *   injected by the guard: validation, IndexedDB, API, tab sync, signals, UI loader.
 *   Modules whose state must exist once (the gate, the blockers) stay in the guard, which
 *   publishes them on a non-enumerable `window.__consentryInternals` (src/guard/handoff.ts);
 *   the `handoffShims` plugin resolves them to src/guard/shims/* here, thin forwarders to
 *   that object, so the code keeps its ordinary imports. Release of held elements, iframe
 *   placeholders and cookie purging (blocking/release.ts, placeholder.ts, purge.ts) are here,
 *   plugged into the guard's blockers through the handoff.
 * - `ui`, `ui-centre`: the UI's banner layer (loaded on demand by the guard) with its data
 *   files, and the preference centre (loaded on demand by the UI); see scripts/ui-build.ts.
 * - `esm`: dist/esm/index.js for bundler users (types come from tsc, see tsconfig.build.json).
 * Tests are configured in vitest.config.ts.
 */
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { resolve as resolvePath, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uiBuild, uiCentreBuild } from './scripts/ui-build.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

const shared: UserConfig = {
  define: { __CONSENTRY_VERSION__: JSON.stringify(pkg.version) },
  esbuild: undefined,
  build: { emptyOutDir: false, target: 'es2020', minify: true, reportCompressedSize: false },
};

/** The guard runs on every page view before anything else: the UI (and Preact) must never slip into it. */
const guardBoundary: Plugin = {
  name: 'consentry-guard-boundary',
  load(id) {
    if (/[\\/](src[\\/]ui|node_modules[\\/]preact)[\\/]/.test(id))
      this.error(`the guard must not include ${id}: the UI is loaded on demand`);
    return null;
  },
};

const srcDir = fileURLToPath(new URL('./src/guard/', import.meta.url));

/** In the runtime build: modules with shared state → their shim over the handoff. */
const SHIMS: Record<string, string> = {
  [resolvePath(srcDir, 'gate.ts')]: resolvePath(srcDir, 'shims/gate.ts'),
  [resolvePath(srcDir, 'blocking/held.ts')]: resolvePath(srcDir, 'shims/held.ts'),
  [resolvePath(srcDir, 'blocking/classify.ts')]: resolvePath(srcDir, 'shims/classify.ts'),
};

const handoffShims: Plugin = {
  name: 'consentry-handoff-shims',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer || importer.includes(`${sep}shims${sep}`)) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return (resolved && SHIMS[resolved.id]) ?? null;
  },
  load(id) {
    // A second copy of the blockers would patch the DOM twice and hold its own elements
    // (release, placeholders and the purge work on the guard's held state through the shims).
    if (/[\\/]guard[\\/]blocking[\\/](index|elements|network|held|classify)\.ts$/.test(id)) this.error(`the runtime must not include ${id}: the blockers live in the guard`);
    // The rule table is the synchronous part's (reached through the classify shim): never shipped twice.
    if (/[\\/]core[\\/](rules|url-match)\.ts$/.test(id)) this.error(`the runtime must not include ${id}: the rules live in the guard`);
    return null;
  },
};

export default defineConfig(({ mode }) => {
  if (mode === 'runtime') {
    return {
      ...shared,
      plugins: [guardBoundary, handoffShims],
      build: {
        ...shared.build,
        lib: { entry: 'src/guard/runtime.ts', formats: ['iife'], name: 'consentryRuntime', fileName: () => 'consentry-runtime.js' },
      },
    };
  }
  if (mode === 'guard') {
    return {
      ...shared,
      plugins: [guardBoundary],
      build: {
        ...shared.build,
        lib: { entry: 'src/guard/index.ts', formats: ['iife'], name: 'consentryGuard', fileName: () => 'consentry.js' },
      },
    };
  }
  if (mode === 'ui') return uiBuild(shared);
  if (mode === 'ui-centre') return uiCentreBuild(shared);
  if (mode === 'esm') {
    return {
      ...shared,
      build: {
        ...shared.build,
        outDir: 'dist/esm',
        minify: false,
        lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
        rollupOptions: { external: [/^preact/, 'idb-keyval', 'js-cookie'] },
      },
    };
  }
  throw new Error(`vite.config.ts: unknown mode "${mode}"; expected guard, runtime, ui, ui-centre or esm (see package.json scripts)`);
});
