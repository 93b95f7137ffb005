/**
 * `consentry/vite`: a Vite plugin that puts Consentry on every page Vite
 * serves and builds.
 *
 * - Every HTML page (transformIndexHtml, after Vite's own work) gets the
 *   config and the guard first in `<head>` when it lacks them, and then goes
 *   through the tagger (src/tagger): each tracker element is written in its
 *   tagged form, and `observeMarkup: false` into the config when nothing is
 *   left untagged. What was tagged, and what could not be, is logged per page.
 * - `vite build` copies Consentry's files into the output, in `folder`
 *   (default `consentry/`): the guard, its runtime, the UI bundle, its CSS
 *   and one text file per language; `consentry-sw.js` goes to the output's
 *   root when the package ships it (a service worker's scope is its folder).
 * - `vite` (dev) serves the same files from the same URLs.
 *
 * ```js
 * // vite.config.js
 * import consentry from 'consentry/vite';
 * export default { plugins: [consentry({ config: { policy: { url: '/privacy', version: '2026-01-01' } } })] };
 * ```
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ResolvedConfig } from 'vite';
import type { TrackerRule } from '../core/types';
import { injectGuard, tagHtml } from '../tagger';

export interface ConsentryViteOptions {
  /** Folder of Consentry's files in the site's output, under Vite's `base` (default `consentry/`). */
  folder?: string;
  /** Config embedded in pages that have no `#consentry-config` of their own. */
  config?: Record<string, unknown>;
  /** Add the guard and config to pages that lack them (default true). */
  inject?: boolean;
  /** CSP nonce for the injected guard `<script>` (the guard reuses it for the UI). */
  nonce?: string;
  /** Extra tracker rules, checked before each page's site rules and the built-in ones. */
  rules?: TrackerRule[];
  /** Where Consentry's built files are (default: this package's dist/). */
  dist?: string;
  /** Where to report (default: Vite's logger once Vite has resolved its config, else the console). */
  log?: { info(message: string): void; warn(message: string): void };
}

/** Consentry's files in dist/ that a site serves beside the guard. */
const SITE_FILE = /^consentry(-runtime|-ui(-centre)?(\.[\w-]+)?)?\.(js|css)$/;
const SERVICE_WORKER = 'consentry-sw.js';
const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

export default function consentry(options: ConsentryViteOptions = {}): Plugin {
  const folder = (options.folder ?? 'consentry/').replace(/^\/+/, '').replace(/\/*$/, '/');
  const dist = options.dist ?? fileURLToPath(new URL('.', import.meta.url));
  let base = '/';
  let log = options.log ?? { info: (m: string) => console.log(m), warn: (m: string) => console.warn(m) };

  const siteFiles = () => (existsSync(dist) ? readdirSync(dist).filter((name) => SITE_FILE.test(name)) : []);

  /** A page, with Consentry put on it and its trackers tagged. */
  function transform(html: string, page: string): string {
    let out = html;
    if (options.inject !== false) out = injectGuard(out, { src: `${base}${folder}consentry.js`, config: options.config, nonce: options.nonce }).html;
    const result = tagHtml(out, { rules: options.rules });
    const name = `consentry: ${page}`;
    if (result.changes.length) log.info(`${name}: ${result.changes.length} tracker element${result.changes.length === 1 ? '' : 's'} tagged (${result.changes.map((c) => `${c.element} ${c.categories.join(' ')}`).join('; ')})`);
    for (const note of result.untagged) log.warn(`${name}:${note.line}:${note.column}: ${note.message}`);
    if (result.observeMarkup.status === 'left' && result.untagged.length) log.warn(`${name}: observeMarkup left as it is: ${result.observeMarkup.reason}`);
    return result.html;
  }

  return {
    name: 'consentry',
    configResolved(config: ResolvedConfig) {
      base = config.base.endsWith('/') ? config.base : config.base + '/';
      if (!options.log) log = { info: (m) => config.logger.info(m), warn: (m) => config.logger.warn(m) };
      if (!siteFiles().length) log.warn(`consentry: no built Consentry files in ${dist}: the guard's URL ${base}${folder}consentry.js will not be found`);
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) => transform(html, context.path),
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!;
        const name = path === `${base}${SERVICE_WORKER}` ? SERVICE_WORKER : path.startsWith(base + folder) ? path.slice((base + folder).length) : '';
        if (!name || !(SITE_FILE.test(name) || name === SERVICE_WORKER) || !existsSync(join(dist, name))) return next();
        res.setHeader('content-type', TYPES[name.split('.').pop()!]!);
        res.end(readFileSync(join(dist, name)));
      });
    },
    generateBundle() {
      for (const name of siteFiles()) this.emitFile({ type: 'asset', fileName: folder + name, source: readFileSync(join(dist, name)) });
      if (existsSync(join(dist, SERVICE_WORKER))) this.emitFile({ type: 'asset', fileName: SERVICE_WORKER, source: readFileSync(join(dist, SERVICE_WORKER)) });
    },
  };
}
