/**
 * Loads a shipped language's data script (consentry-ui.<language>.js) from
 * the UI bundle's own base URL, with the config's nonce, when the visitor
 * needs a language the guard did not load (the language switch, or a UI
 * opened without the guard's loader).
 */
import type { LocaleResources } from './locale-resources';
import { localeFileName } from './shipped-languages';

/** The UI bundle's own URL, read while it runs for the first time (later, `currentScript` is someone else's). */
const ownSrc = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null)?.src : undefined;

const pending = new Map<string, Promise<LocaleResources | undefined>>();

/** The texts of `language`, loading its data script once; undefined when it could not be loaded. */
export function loadLocale(language: string, nonce: string | undefined): Promise<LocaleResources | undefined> {
  const present = window.consentryLocales?.[language];
  if (present) return Promise.resolve(present);
  let loading = pending.get(language);
  if (!loading) {
    loading = new Promise((resolve) => {
      const script = document.createElement('script');
      if (nonce) script.nonce = nonce;
      script.src = new URL(localeFileName(language), ownSrc || location.href).href;
      script.onload = script.onerror = () => {
        const loaded = window.consentryLocales?.[language];
        if (!loaded) {
          pending.delete(language); // a later switch may try again
          console.error(`consentry: the ${language} texts could not be loaded from ${script.src}`);
        }
        resolve(loaded);
      };
      document.head.appendChild(script);
    });
    pending.set(language, loading);
  }
  return loading;
}
