/**
 * One config, several builds, picked by `--mode` (docs/architecture.md):
 * - `guard`: dist/consentry.js, the head: the synchronous IIFE that stands
 *   first in <head> (src/guard/head/index.ts).
 * - `runtime`: dist/consentry-runtime.js, the async script the head injects;
 *   it takes over the head's kernel as `start(kernel)` (src/guard/runtime/).
 * - `ui`, `ui-centre`: the UI's banner layer (loaded on demand by the runtime)
 *   with its data files, and the preference centre (loaded on demand by the
 *   UI); see scripts/ui-build.ts.
 * - `esm`: dist/esm/index.js for bundler users (types come from tsc, see tsconfig.build.json).
 * - `tools`: the Node-side tools, dist/cli.js (the `consentry` bin) and
 *   dist/vite.js (`consentry/vite`), sharing the tagger (src/tagger) in
 *   dist/tools/; their packages stay external (dependencies of the package).
 * - `server`: the consent ledger for Node (src/server): dist/server/cli.js (the `consentry-ledger`
 *   bin) and dist/server/index.js (`consentry/ledger`), with its dependencies left as imports.
 *   The browser builds must never pull it in: `serverBoundary` fails them if they do.
 * - `sw`: dist/consentry-sw.js, the optional service worker (src/sw/), a
 *   classic script a site serves from its root or imports into its own worker.
 * `keepOut` fails a build that includes what it must not: the UI and Preact
 * never enter the guard, the runtime never includes the head (it reaches
 * the head's code through the kernel, so that code exists once), and the
 * service worker holds core and idb-keyval only (it runs in no page).
 * Tests are configured in vitest.config.ts.
 */
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { consentModeDefault } from './src/core/consent-mode.ts';
import { uiBuild, uiCentreBuild } from './scripts/ui-build.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

const shared: UserConfig = {
  define: { __CONSENTRY_VERSION__: JSON.stringify(pkg.version), __CONSENT_MODE_DEFAULT__: JSON.stringify(consentModeDefault()) },
  esbuild: undefined,
  build: { emptyOutDir: false, target: 'es2020', minify: true, reportCompressedSize: false },
};

/** Fails the build when a module matching `forbidden` is included, saying why. */
const keepOut = (forbidden: RegExp, why: string): Plugin => ({
  name: 'consentry-keep-out',
  load(id) {
    if (forbidden.test(id)) this.error(`${id} must not be in this bundle: ${why}`);
    return null;
  },
});

/**
 * Writes which source modules a bundle holds and how many bytes each renders
 * to (after tree-shaking, before minifying) to .tmp/bundles/<file>.json:
 * `npm run size` checks that no code is in both guard bundles.
 */
const recordModules: Plugin = {
  name: 'consentry-record-modules',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      const modules = Object.fromEntries(
        Object.entries(chunk.modules)
          .filter(([, m]) => m.renderedLength > 0)
          .map(([id, m]) => [relative(process.cwd(), id.replace(/\?.*$/, '')), m.renderedLength]),
      );
      mkdirSync('.tmp/bundles', { recursive: true });
      writeFileSync(`.tmp/bundles/${chunk.fileName}.json`, JSON.stringify(modules, null, 1));
    }
  },
};

/** Browser bundles: the ledger (src/server) and its Node dependencies never belong in them. */
const serverBoundary: Plugin = {
  name: 'consentry-server-boundary',
  load(id) {
    if (/[\\/]src[\\/]server[\\/]|[\\/]node_modules[\\/](fastify|@fastify|pg|better-sqlite3|ajv)[\\/]/.test(id))
      this.error(`a browser bundle must not include ${id}: src/server is the Node ledger (vite build --mode server)`);
    return null;
  },
};

const UI = /[\\/](src[\\/]ui|node_modules[\\/]preact)[\\/]/;
const guardOnly = keepOut(UI, 'the UI is loaded on demand');
const guardPlugins = [serverBoundary, guardOnly, recordModules];
const runtimeOnly = [...guardPlugins, keepOut(/[\\/]src[\\/]guard[\\/]head[\\/]/, "the runtime never imports the head: it reaches the head's code through the kernel")];

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'runtime') {
    return {
      ...shared,
      plugins: runtimeOnly,
      build: {
        ...shared.build,
        lib: { entry: 'src/guard/runtime/index.ts', formats: ['iife'], name: 'consentryRuntime', fileName: () => 'consentry-runtime.js' },
      },
    };
  }
  if (mode === 'guard') {
    return {
      ...shared,
      plugins: guardPlugins,
      build: {
        ...shared.build,
        lib: { entry: 'src/guard/head/index.ts', formats: ['iife'], name: 'consentryGuard', fileName: () => 'consentry.js' },
      },
    };
  }
  if (mode === 'sw') {
    return {
      ...shared,
      plugins: [keepOut(/[\\/](src[\\/](ui|guard)|node_modules[\\/]preact)[\\/]/, 'the service worker runs in no page: it holds core and idb-keyval only')],
      build: {
        ...shared.build,
        lib: { entry: 'src/sw/index.ts', formats: ['iife'], name: 'consentrySW', fileName: () => 'consentry-sw.js' },
      },
    };
  }
  if (mode === 'ui' || mode === 'ui-centre') {
    const ui = (mode === 'ui' ? uiBuild : uiCentreBuild)(shared);
    return { ...ui, plugins: [serverBoundary, ...(ui.plugins ?? [])] };
  }
  if (mode === 'esm') {
    return {
      ...shared,
      plugins: [serverBoundary],
      build: {
        ...shared.build,
        outDir: 'dist/esm',
        minify: false,
        lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
        rollupOptions: { external: [/^preact/, 'idb-keyval', 'js-cookie'] },
      },
    };
  }
  if (mode === 'tools') {
    return {
      ...shared,
      publicDir: false,
      build: {
        ...shared.build,
        ssr: true,
        target: 'node20',
        minify: false,
        rollupOptions: {
          input: { cli: 'src/cli/index.ts', vite: 'src/vite/index.ts' },
          external: [/^node:/, 'parse5', 'acorn', 'tinyglobby', 'diff', 'vite'],
          output: {
            format: 'es',
            entryFileNames: '[name].js',
            chunkFileNames: 'tools/[name].js',
            banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
          },
        },
      },
    };
  }
  if (mode === 'server') {
    return {
      ...shared,
      build: {
        ...shared.build,
        ssr: true,
        outDir: 'dist/server',
        target: 'node20',
        minify: false,
        rollupOptions: {
          input: { cli: 'src/server/cli.ts', index: 'src/server/index.ts' },
          output: { format: 'es', entryFileNames: '[name].js', banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '') },
        },
      },
    };
  }
  throw new Error(`vite.config.ts: unknown mode "${mode}"; expected guard, runtime, ui, ui-centre, sw, esm, tools or server (see package.json scripts)`);
});
