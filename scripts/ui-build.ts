/**
 * The UI's two builds, kept beside vite.config.ts, which calls them:
 * - `ui` (`uiBuild`): the banner's layer, dist/consentry-ui.js +
 *   dist/consentry.css (what the guard loads on a first visit), plus its data
 *   files: one script of texts per shipped language,
 *   dist/consentry-ui.<language>.js, and the presets as JSON,
 *   dist/presets/<name>.json (content shown in the UI, for pages without a bundler);
 * - `ui-centre` (`uiCentreBuild`): the preference centre,
 *   dist/consentry-ui-centre.js + dist/consentry-ui-centre.css, which the
 *   banner's layer loads on demand (src/ui/centre-loader.ts). It is
 *   built against the kernel the banner's bundle publishes (src/ui/kernel.ts):
 *   Preact's hooks and JSX runtime and the kernel are its externals, read from
 *   `consentryUI.kernel`.
 * Each build fails if it would take in code of the other layer.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import { localeScript } from '../src/ui/locale-resources.ts';
import { SHIPPED_LANGUAGES, localeFileName } from '../src/ui/shipped-languages.ts';

const SRC = join(import.meta.dirname, '..', 'src');
const PRESETS = join(SRC, 'presets');
const UI_DIR = join(SRC, 'ui') + sep;
const CENTRE_DIR = join(SRC, 'ui', 'centre') + sep;
const KERNEL_FILE = join(SRC, 'ui', 'kernel.ts');

/**
 * The centre's externals and the global each is read from: the members of
 * `KERNEL` in src/ui/index.tsx (a unit test keeps the two in step).
 */
export const CENTRE_EXTERNALS: Record<string, string> = {
  'preact/hooks': 'consentryUI.kernel.hooks',
  'preact/jsx-runtime': 'consentryUI.kernel.jsxRuntime',
  [KERNEL_FILE]: 'consentryUI.kernel.ui',
};

/** The texts stay out of the bundle: each language is a data script the guard loads beside it. Presets ship as JSON. */
const dataFiles: Plugin = {
  name: 'consentry-ui-data-files',
  generateBundle() {
    for (const language of SHIPPED_LANGUAGES) this.emitFile({ type: 'asset', fileName: localeFileName(language), source: localeScript(language) });
    for (const name of readdirSync(PRESETS).filter((file) => file.endsWith('.json')))
      this.emitFile({ type: 'asset', fileName: `presets/${name}`, source: readFileSync(join(PRESETS, name), 'utf8') });
  },
};

/** The banner's layer never carries the centre (its code reaches the centre only as types and by loading its file). */
const withoutCentre: Plugin = {
  name: 'consentry-ui-without-centre',
  load(id) {
    if (id.startsWith(CENTRE_DIR)) this.error(`the banner's bundle must not include ${id}: the preference centre is loaded on demand`);
    return null;
  },
};

/** The centre takes the rest of the UI from the kernel only: a second copy would have its own context and state. */
const onlyCentre: Plugin = {
  name: 'consentry-ui-only-centre',
  load(id) {
    if (id.startsWith(UI_DIR) && !id.startsWith(CENTRE_DIR) && !id.endsWith('.css'))
      this.error(`the centre's bundle must not include ${id}: import it through src/ui/kernel.ts (published by the banner's bundle)`);
    if (/[\\/]node_modules[\\/](preact|i18next)[\\/]/.test(id)) this.error(`the centre's bundle must not include ${id}: it runs on the banner's`);
    return null;
  },
};

/** The `ui` build, over the settings every build shares. */
export function uiBuild(shared: UserConfig): UserConfig {
  return {
    ...shared,
    plugins: [withoutCentre, dataFiles],
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

/** The `ui-centre` build. */
export function uiCentreBuild(shared: UserConfig): UserConfig {
  return {
    ...shared,
    plugins: [onlyCentre],
    build: {
      ...shared.build,
      cssCodeSplit: false,
      lib: {
        entry: 'src/ui/centre/index.ts',
        formats: ['iife'],
        name: 'consentryUICentre',
        fileName: () => 'consentry-ui-centre.js',
        cssFileName: 'consentry-ui-centre',
      },
      rollupOptions: {
        external: (id) => id in CENTRE_EXTERNALS,
        output: { globals: CENTRE_EXTERNALS },
      },
    },
  };
}
