/**
 * The consent managers the bench compares, each on its own page of the same
 * shape (bench/pages/<id>.html), configured per its own documentation.
 * `bannerSelector` is the element the visitor sees on a first visit;
 * `acceptAll` runs in the page and gives consent through the tool's public API;
 * `owns(path)` says which served files belong to the tool (for byte counts);
 * `modules` marks a tool loaded as an ES module (see trace.mjs).
 */
import { readFileSync } from 'node:fs';

const version = (pkg) => JSON.parse(readFileSync(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), 'utf8')).version;
const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

export const TOOLS = [
  {
    id: 'consentry',
    name: 'Consentry',
    version: own.version,
    page: '/bench/pages/consentry.html',
    bannerSelector: '[data-consentry="banner"]',
    acceptAll: 'window.consentry.acceptAll()',
    owns: (path) => path.startsWith('/dist/'),
  },
  {
    id: 'cookieconsent',
    name: 'vanilla-cookieconsent',
    version: version('vanilla-cookieconsent'),
    page: '/bench/pages/cookieconsent.html',
    bannerSelector: '#cc-main .cm',
    acceptAll: "CookieConsent.acceptCategory('all')",
    modules: true,
    owns: (path) => path.startsWith('/peers/vanilla-cookieconsent/') || path === '/bench/pages/cookieconsent-config.js',
  },
  {
    id: 'klaro',
    name: 'Klaro',
    version: version('klaro'),
    page: '/bench/pages/klaro.html',
    bannerSelector: '.klaro .cookie-notice',
    acceptAll: '(() => { const m = klaro.getManager(); m.changeAll(true); m.saveAndApplyConsents(); })()',
    owns: (path) => path.startsWith('/peers/klaro/') || path === '/bench/pages/klaro-config.js',
  },
  {
    id: 'tarteaucitron',
    name: 'tarteaucitron',
    version: version('tarteaucitronjs'),
    page: '/bench/pages/tarteaucitron.html',
    bannerSelector: '#tarteaucitronAlertBig',
    acceptAll: 'tarteaucitron.userInterface.respondAll(true)',
    owns: (path) => path.startsWith('/peers/tarteaucitronjs/'),
  },
];
