/**
 * One config, three builds, picked by `--mode`:
 * - `guard`: dist/consentry.js, the synchronous IIFE that stands first in <head>.
 *   It must never pull in Preact or the UI: the `guardBoundary` plugin fails the build if it does.
 * - `ui`: dist/consentry-ui.js + dist/consentry.css, loaded on demand by the guard.
 * - `esm`: dist/esm/index.js for bundler users (types come from tsc, see tsconfig.build.json).
 * Tests are configured in vitest.config.ts.
 */
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { readFileSync } from 'node:fs';

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

export default defineConfig(({ mode }) => {
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
  if (mode === 'ui') {
    return {
      ...shared,
      build: {
        ...shared.build,
        cssCodeSplit: false,
        lib: {
          entry: 'src/ui/index.tsx',
          formats: ['iife'],
          name: 'consentryUIBundle',
          fileName: () => 'consentry-ui.js',
          cssFileName: 'consentry',
        },
      },
    };
  }
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
  throw new Error(`vite.config.ts: unknown mode "${mode}"; expected guard, ui or esm (see package.json scripts)`);
});
