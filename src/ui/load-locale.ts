/**
 * Loads a shipped language's data script (consentry-ui.<language>.js) from
 * the UI bundle's own base URL, with the config's nonce, when the visitor
 * needs a language the guard did not load (the language switch, or a UI
 * opened without the guard's loader).
 */
import type { LocaleResources } from './locale-resources';
import { besideBundle, loadScript, type LoadWith } from './own-url';
import { localeFileName } from './shipped-languages';

const pending = new Map<string, Promise<LocaleResources | undefined>>();

/** The texts of `language`, loading its data script once; undefined when it could not be loaded. */
export function loadLocale(language: string, host: LoadWith): Promise<LocaleResources | undefined> {
  const present = window.consentryLocales?.[language];
  if (present) return Promise.resolve(present);
  let loading = pending.get(language);
  if (!loading) {
    const src = besideBundle(localeFileName(language));
    loading = loadScript(src, host).then(() => {
      const loaded = window.consentryLocales?.[language];
      if (!loaded) {
        pending.delete(language); // a later switch may try again
        console.error(`consentry: the ${language} texts could not be loaded from ${src}`);
      }
      return loaded;
    });
    pending.set(language, loading);
  }
  return loading;
}
