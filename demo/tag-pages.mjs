/**
 * The demo's pages go through Consentry's Vite plugin (`consentry/vite`,
 * dist/vite.js) before they are served: the same HTML hook Vite runs on every
 * page it serves and builds. It tags the vendor snippets the pages paste as
 * published (demo/snippets.mjs) and writes `"observeMarkup": false` into the
 * page's config, so the first page view requests no tracker, not even from
 * the browser's preload scanner, and the guard registers no markup observer.
 * The pages already carry the guard and the config, so it injects nothing.
 */
import consentry from '../dist/vite.js';

/**
 * Returns `tagPage(html, path)`. What was tagged is printed once per path
 * (unless `quiet`); what could not be tagged, every time.
 * @param {{ quiet?: boolean }} [options]
 */
export function pageTagger({ quiet = false } = {}) {
  const reported = new Set();
  let path = '';
  const plugin = consentry({
    log: {
      info: (message) => {
        if (!quiet && !reported.has(path)) console.log(message);
        reported.add(path);
      },
      warn: (message) => console.warn(message),
    },
  });
  const hook = plugin.transformIndexHtml;
  // The same page is served again and again: tag each distinct text once (a handful per path).
  const tagged = new Map();
  /** @param {string} html @param {string} pagePath */
  return (html, pagePath) => {
    path = pagePath;
    if (!tagged.has(html)) {
      if (tagged.size >= 100) tagged.delete(tagged.keys().next().value);
      tagged.set(html, hook.handler(html, { path: pagePath, filename: pagePath }));
    }
    return tagged.get(html);
  };
}
