/**
 * The UI's build (`vite build --mode ui`), kept beside vite.config.ts, which
 * calls it: dist/consentry-ui.js + dist/consentry.css, loaded on demand by the
 * guard; one data script of texts per shipped language,
 * dist/consentry-ui.<language>.js; and the presets as JSON,
 * dist/presets/<name>.json (content shown in the UI, for pages without a bundler).
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Plugin, UserConfig } from 'vite';
import { localeScript } from '../src/ui/locale-resources.ts';
import { SHIPPED_LANGUAGES, localeFileName } from '../src/ui/shipped-languages.ts';

const PRESETS = new URL('../src/presets/', import.meta.url);

/** The texts stay out of the bundle: each language is a data script the guard loads beside it. Presets ship as JSON. */
const dataFiles: Plugin = {
  name: 'consentry-ui-data-files',
  generateBundle() {
    for (const language of SHIPPED_LANGUAGES) this.emitFile({ type: 'asset', fileName: localeFileName(language), source: localeScript(language) });
    for (const name of readdirSync(PRESETS).filter((file) => file.endsWith('.json')))
      this.emitFile({ type: 'asset', fileName: `presets/${name}`, source: readFileSync(new URL(name, PRESETS), 'utf8') });
  },
};

/** The `ui` build, over the settings every build shares. */
export function uiBuild(shared: UserConfig): UserConfig {
  return {
    ...shared,
    plugins: [dataFiles],
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
