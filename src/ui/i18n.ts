/**
 * The UI's texts through i18next: one instance per opened UI, whose resources
 * are the shipped languages loaded so far (`window.consentryLocales`, filled by
 * the data scripts consentry-ui.<language>.js) plus the site owner's
 * `config.translations` (overrides and extra languages), which always win.
 * Keys are flat ("banner.title"), exactly as in locales/en.json, so the key
 * separator is off. Interpolation does not escape: Preact renders every
 * result as text, never as HTML. Nesting ("$t(key)" inside a string) is off.
 */
import i18next, { type i18n } from 'i18next';
import type { LocaleResources } from './locale-resources';
import { SHIPPED_LANGUAGES } from './shipped-languages';

declare global {
  interface Window {
    /** Shipped texts by language, assigned by the data scripts. */
    consentryLocales?: Record<string, LocaleResources>;
    /** The bilingual notices' strings of shipped languages, assigned by the data scripts of the others. */
    consentryNotices?: Record<string, Record<string, string>>;
  }
}

/** A lookup bound to one language: the text of `key` there, else in its base language, else English, else the key. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface Texts {
  /** Languages with texts: the shipped ones (loaded or not), then those the owner added. */
  languages: string[];
  /** Whether `language`'s shipped texts are present (always true for a language only the owner provides). */
  loaded(language: string): boolean;
  /** Registers a shipped language's texts once its data script has run; the owner's strings stay on top. */
  add(language: string, resources: LocaleResources): void;
  /** The string for `key` in exactly `language`, without fallback. */
  get(language: string, key: string): string | undefined;
  forLanguage(language: string): Translate;
}

type Translations = Record<string, Record<string, string>> | undefined;

/** Only string values: a config is data from the page and may hold anything. */
function ownerStrings(strings: unknown): Record<string, string> {
  if (!strings || typeof strings !== 'object') return {};
  return Object.fromEntries(Object.entries(strings).filter(([, value]) => typeof value === 'string')) as Record<string, string>;
}

export function createTexts(
  translations: Translations,
  shipped: Record<string, LocaleResources> = window.consentryLocales ?? {},
  notices: Record<string, Record<string, string>> = window.consentryNotices ?? {},
): Texts {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    resources: {},
    fallbackLng: 'en',
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    // Resources are in memory: initialise synchronously so the first render has its texts.
    initAsync: false,
  });
  const owner = translations ?? {};
  const addOwner = (language: string) => instance.addResourceBundle(language, 'translation', ownerStrings(owner[language]), true, true);
  const present = new Set<string>();
  const add = (language: string, resources: LocaleResources) => {
    present.add(language);
    instance.addResourceBundle(language, 'translation', resources, true, true);
    addOwner(language);
  };
  for (const language of SHIPPED_LANGUAGES) {
    if (shipped[language]) add(language, shipped[language]);
    else if (notices[language]) {
      // Only the notice strings: the language is not `loaded` until its data script has run.
      instance.addResourceBundle(language, 'translation', notices[language], true, true);
      addOwner(language);
    }
  }
  for (const language of Object.keys(owner)) addOwner(language);

  return {
    languages: [...new Set([...SHIPPED_LANGUAGES, ...Object.keys(owner)])],
    loaded: (language) => present.has(language) || !SHIPPED_LANGUAGES.includes(language),
    add,
    get(language, key) {
      const value: unknown = instance.getResource(language, 'translation', key);
      return typeof value === 'string' ? value : undefined;
    },
    forLanguage(language) {
      const t = instance.getFixedT(language);
      // `nest: false`: owner strings are plain text with {{placeholders}}; "$t(...)" inside one is shown as written.
      return (key, values) => t(key, { ...values, nest: false }) as string;
    },
  };
}
