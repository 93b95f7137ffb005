/**
 * Loads the UI bundle on demand (a visitor who already chose never downloads
 * it) from the guard's own base URL, or `config.ui.src`/`config.ui.css`, with
 * `config.ui.nonce` for strict CSPs, then opens a view. Also makes every
 * `data-consentry-open` element a way to open the UI (delegated, no inline handlers).
 */
import { policyNoticeActive } from '../core/policy';
import { removeSettingsButton } from './settings-button';
import type { ConsentryApi, ConsentryConfig, ConsentryUi, Language, UiHost, UiView } from '../core/types';

declare global {
  interface Window {
    consentryUI?: ConsentryUi;
  }
}

/** What the UI host is built from; set once by the bootstrap. */
export interface UiContext {
  api: ConsentryApi;
  config: ConsentryConfig;
  language: Language;
  gpc: boolean;
  /** The guard script's own URL: the UI files are looked up beside it. */
  base: string;
}

let context: UiContext | undefined;
let loading: Promise<ConsentryUi | undefined> | undefined;

/** Called by the bootstrap before anything may open the UI. */
export function configureUi(ui: UiContext): void {
  context = ui;
}

const inject = <T extends HTMLLinkElement | HTMLScriptElement>(element: T, nonce: string | undefined): Promise<unknown> =>
  new Promise((resolve) => {
    if (nonce) element.nonce = nonce;
    element.onload = element.onerror = resolve;
    document.head.appendChild(element);
  });

function loadUi({ config, base, language }: UiContext): Promise<ConsentryUi | undefined> {
  if (window.consentryUI) return Promise.resolve(window.consentryUI);
  const { src, css, nonce } = config.ui;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = css ?? new URL('consentry.css', base).href;
  const script = document.createElement('script');
  script.src = src ?? new URL('consentry-ui.js', base).href;
  // The texts are a data script beside the bundle, in parallel with it: the visitor's shipped language
  // (complete, no English fallback needed), or English under a language the site owner added.
  const added = language !== 'en' && language !== 'zh-CN' && language in config.translations;
  const texts = document.createElement('script');
  texts.src = new URL(`consentry-ui.${!added && /^zh/i.test(language) ? 'zh-CN' : 'en'}.js`, script.src).href;
  // The stylesheet is awaited too, so the banner never shows unstyled.
  return Promise.all([inject(link, nonce), inject(script, nonce), inject(texts, nonce)]).then(() => {
    if (!window.consentryUI) {
      loading = undefined; // let a later call try again
      console.error(`consentry: the UI could not be loaded from ${script.src}`);
    }
    return window.consentryUI;
  });
}

/** Opens `view` (loading the UI first if needed). Never rejects: failures are reported on the console. */
export async function openUi(view: UiView, extra?: Partial<UiHost>): Promise<void> {
  try {
    // However the UI is opened (API, link, signal), it draws its own settings button from now on.
    removeSettingsButton();
    if (!context) return;
    const ui = await (loading ??= loadUi(context));
    const { api, config, language, gpc } = context;
    ui?.open(view, { api, config, language, gpc, policyChanged: policyNoticeActive(config, Date.now()), ...extra });
  } catch (error) {
    console.error('consentry: could not open the consent UI', error);
  }
}

const VIEWS: Record<string, UiView> = { banner: 'banner', optouts: 'optouts' };

/** `<a href="#" data-consentry-open="preferences|optouts|banner">` (empty means preferences) opens that view. */
export function listenForOpenLinks(): void {
  document.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    const opener = target?.closest?.('[data-consentry-open]');
    if (!opener) return;
    event.preventDefault();
    void openUi(VIEWS[opener.getAttribute('data-consentry-open')!] ?? 'preferences');
  });
}
