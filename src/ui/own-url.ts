import type { UiHost } from '../core/types';

/**
 * The UI bundle's own URL, read while it runs for the first time (later,
 * `document.currentScript` is someone else's). The files the UI loads itself
 * (the preference centre, another language's texts) live beside it.
 */
const ownSrc = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null)?.src : undefined;

/** The URL of `file` beside the UI bundle (beside the page when the bundle's URL is unknown, as in tests). */
export const besideBundle = (file: string): string => new URL(file, ownSrc || location.href).href;

/** Appends `element` to <head> with the CSP nonce; resolves once it loaded (true) or failed (false). */
function inject(element: HTMLScriptElement | HTMLLinkElement, nonce: string | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (nonce) element.nonce = nonce;
    element.onload = () => resolve(true);
    element.onerror = () => resolve(false);
    document.head.appendChild(element);
  });
}

/** How the UI loads its own files: the CSP nonce, and the host's Trusted Types policy for script URLs. */
export type LoadWith = Pick<UiHost, 'scriptUrl'> & { config: { ui?: { nonce?: string } } };

/** Runs a classic script; resolves once it ran or failed to load (callers check what it defined). */
export function loadScript(src: string, host: LoadWith): Promise<boolean> {
  const script = document.createElement('script');
  script.src = host.scriptUrl ? host.scriptUrl(src) : src;
  return inject(script, host.config.ui?.nonce);
}

/** Adds a stylesheet; resolves once it applies, or failed to load. */
export function loadStylesheet(href: string, nonce: string | undefined): Promise<boolean> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  return inject(link, nonce);
}
