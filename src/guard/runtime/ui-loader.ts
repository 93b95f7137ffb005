/**
 * Loads the UI bundle on demand (a visitor who already chose never downloads
 * it) from beside the head, or `config.ui.src`/`config.ui.css`, with
 * `config.ui.nonce` for strict CSPs, then opens a view. Also makes every
 * `data-consentry-open` element a way to open the UI (delegated, no inline handlers).
 */
import { SHIPPED_LANGUAGES } from '../../core/language';
import { policyNoticeActive } from '../../core/policy-notice';
import type { ConsentryUi, UiHost, UiView } from '../../core/types';
import type { Trusted } from '../kernel';
import { removeSettingsButton } from './settings-button';

declare global {
  interface Window {
    consentryUI?: ConsentryUi;
  }
}

/**
 * What the UI is opened with: the host it gets, where the head was loaded from (the UI's files are
 * beside it), and Consentry's Trusted Types policy for the script URLs.
 */
export type UiLoaderOptions = Pick<UiHost, 'api' | 'config' | 'language' | 'gpc'> & { base: string; trusted: Trusted };

/** Opens a view of the UI. */
export type UiLoader = (view: UiView, extra?: Partial<UiHost>) => Promise<void>;

/** `open(view)` loads the UI the first time (never rejects: failures are reported on the console). */
export function createUiLoader(options: UiLoaderOptions): UiLoader {
  const { api, config, language, gpc, base, trusted } = options;
  let loading: Promise<ConsentryUi | undefined> | undefined;

  const inject = <T extends HTMLLinkElement | HTMLScriptElement>(element: T): Promise<unknown> =>
    new Promise((resolve) => {
      if (config.ui.nonce) element.nonce = config.ui.nonce;
      element.onload = element.onerror = resolve;
      document.head.appendChild(element);
    });

  function load(): Promise<ConsentryUi | undefined> {
    if (window.consentryUI) return Promise.resolve(window.consentryUI);
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = config.ui.css ?? new URL('consentry.css', base).href;
    const script = document.createElement('script');
    const src = config.ui.src ?? new URL('consentry-ui.js', base).href;
    script.src = trusted.scriptUrl(src);
    // The texts are a data script beside the bundle, loaded in parallel with it: the visitor's shipped
    // language (complete, no fallback needed), or English under a language the site owner added.
    const texts = document.createElement('script');
    texts.src = trusted.scriptUrl(new URL(`consentry-ui.${SHIPPED_LANGUAGES.includes(language) ? language : 'en'}.js`, script.src).href);
    // The stylesheet is awaited too, so the banner never shows unstyled.
    return Promise.all([inject(link), inject(script), inject(texts)]).then(() => {
      if (!window.consentryUI) {
        loading = undefined; // let a later call try again
        console.error(`consentry: the UI could not be loaded from ${src}`);
      }
      return window.consentryUI;
    });
  }

  const open = async (view: UiView, extra?: Partial<UiHost>) => {
    try {
      // However the UI is opened (API, link, signal), it draws its own settings button from now on.
      removeSettingsButton();
      const ui = await (loading ??= load());
      ui?.open(view, { api, config, language, gpc, policyChanged: policyNoticeActive(config, Date.now()), scriptUrl: trusted.scriptUrl, ...extra });
    } catch (error) {
      console.error('consentry: could not open the consent UI', error);
    }
  };
  return open;
}

const VIEWS: Record<string, UiView> = { banner: 'banner', optouts: 'optouts' };

/** `<a href="#" data-consentry-open="preferences|optouts|banner">` (empty means preferences) opens that view. */
export function listenForOpenLinks(open: (view: UiView) => unknown): void {
  document.addEventListener('click', (event) => {
    const opener = (event.target as Element | null)?.closest?.('[data-consentry-open]');
    if (!opener) return;
    event.preventDefault();
    void open(VIEWS[opener.getAttribute('data-consentry-open')!] ?? 'preferences');
  });
}
