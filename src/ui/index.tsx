/**
 * The UI bundle's entry (dist/consentry-ui.js, the banner's layer): assigns
 * `window.consentryUI`, which the guard calls with a view and the host (API +
 * config), and publishes the kernel the preference centre's bundle is built
 * against (./kernel.ts). Everything renders into one container at the start
 * of <body>, so the banner comes first in the tab order while being shown
 * fixed at the bottom.
 */
import './styles.css';
import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
import type { ConsentryUi, UiHost, UiView } from '../core/types';
import { App } from './App';
import { loadCentre, loadedCentre } from './centre-loader';
import * as ui from './kernel';
import { initialLanguage } from './language';
import { loadLocale } from './load-locale';
import { SHIPPED_LANGUAGES } from './shipped-languages';

/**
 * What the centre's bundle imports, by the name scripts/ui-build.ts gives each
 * of its externals (`consentryUI.kernel.<name>`): one Preact, one UI context.
 * Only the hooks the centre calls are listed (the whole module would cost
 * ~1 kB gzip of the banner's bundle); test/unit/ui-kernel.test.ts fails when
 * centre code imports one that is not here.
 */
export const KERNEL = {
  hooks: { useEffect, useLayoutEffect, useRef, useState },
  jsxRuntime: { Fragment, jsx, jsxs },
  ui,
};

/** The views drawn by the centre's bundle. */
const CENTRE_VIEWS: readonly UiView[] = ['preferences', 'optouts', 'unsubscribe'];

const ROOT_ID = 'consentry-root';
let seq = 0;
/** Hosts whose missing language, or centre, was already fetched once, so a failed load does not retry forever. */
const localesTried = new WeakSet<UiHost>();
const centreTried = new WeakSet<UiHost>();
/** The API of the mounted UI: the guard builds a fresh host object on every open, but the same API means the same visit. */
let currentApi: UiHost['api'] | null = null;

/**
 * The shipped language whose texts the visitor reads, when it is not loaded yet:
 * their own, or English (the fallback) under a language only the owner provides.
 * Shipped languages have every key, so a Chinese visitor never needs English; the
 * bilingual notices' other-language strings come with every data script. The
 * guard loads this file beside the bundle, so usually nothing is missing.
 */
function missingLanguage(host: UiHost): string | undefined {
  const language = initialLanguage(host, [...SHIPPED_LANGUAGES, ...Object.keys(host.config.translations ?? {})]);
  const needed = SHIPPED_LANGUAGES.includes(language) ? language : 'en';
  return window.consentryLocales?.[needed] ? undefined : needed;
}

function root(): HTMLElement {
  let element = document.getElementById(ROOT_ID);
  if (!element) {
    element = document.createElement('div');
    element.id = ROOT_ID;
    element.className = 'consentry';
    document.body.prepend(element);
  }
  return element;
}

/** Creates the `consentryUI` object; exported for tests, which mount it on a fresh document. */
export function createConsentryUi(): ConsentryUi {
  const consentryUi: ConsentryUi = {
    open(view: UiView, host: UiHost) {
      // The guard may finish before the parser reaches <body> on a long page: mount once it exists.
      if (!document.body) {
        document.addEventListener('DOMContentLoaded', () => consentryUi.open(view, host), { once: true });
        return;
      }
      // Render once what the view needs is here, loaded in parallel (or failed: the texts then fall back, and
      // without the centre its views stay closed; both are reported on the console).
      const loads: Promise<unknown>[] = [];
      const missing = missingLanguage(host);
      if (missing && !localesTried.has(host)) {
        localesTried.add(host);
        loads.push(loadLocale(missing, host));
      }
      if (CENTRE_VIEWS.includes(view) && !loadedCentre() && !centreTried.has(host)) {
        centreTried.add(host);
        loads.push(loadCentre(host));
      }
      if (loads.length) {
        void Promise.all(loads).then(() => consentryUi.open(view, host));
        return;
      }
      try {
        // A new API (a re-init, another test) gets a fresh App; the same API just switches view, keeping the language picked.
        if (host.api !== currentApi) {
          currentApi = host.api;
          seq = 0;
          render(null, root());
        } else seq += 1;
        render(<App host={host} request={{ view, seq }} />, root());
      } catch (error) {
        console.error('consentry: the consent UI could not open', error);
      }
    },
    close() {
      const element = document.getElementById(ROOT_ID);
      if (element) {
        render(null, element);
        element.remove();
      }
      currentApi = null;
    },
  };
  return consentryUi;
}

declare global {
  interface Window {
    consentryUI?: ConsentryUi;
  }
}

if (typeof window !== 'undefined') {
  window.consentryUI = createConsentryUi();
  // Not enumerable: the guard's contract is open() and close(); the kernel is for the centre's bundle only.
  Object.defineProperty(window.consentryUI, 'kernel', { value: KERNEL });
}
