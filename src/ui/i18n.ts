/**
 * The UI's texts: the shipped English and Simplified Chinese strings plus the
 * site owner's `config.translations` (overrides and extra languages). Keys are
 * flat ("banner.title"), so owners override them exactly as they appear in
 * locales/en.json. `{{name}}` placeholders are filled from plain values; the
 * result is always rendered as text by Preact, never as HTML.
 *
 * Why not i18next: it alone is 15.7 kB gzip, which with Preact, both locales
 * and the vendor tables put the UI at 36 kB against its hard 32 kB budget. The
 * UI needs only lookup, fallback to English and interpolation — this module.
 */
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

/** A lookup bound to one language: the text of `key` there, else in its base language, else English, else the key. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface Texts {
  /** Languages with texts: the shipped ones, then those the owner added. */
  languages: string[];
  /** The string for `key` in exactly `language`, without fallback. */
  get(language: string, key: string): string | undefined;
  forLanguage(language: string): Translate;
}

const SHIPPED: Record<string, Record<string, string>> = { en, 'zh-CN': zhCN };

export function createTexts(translations: Record<string, Record<string, string>> | undefined): Texts {
  const table: Record<string, Record<string, string>> = {};
  for (const [lng, strings] of Object.entries(SHIPPED)) table[lng] = { ...strings };
  for (const [lng, strings] of Object.entries(translations ?? {})) {
    if (!strings || typeof strings !== 'object') continue;
    const merged = (table[lng] ??= {});
    for (const [key, value] of Object.entries(strings)) if (typeof value === 'string') merged[key] = value;
  }
  const get = (language: string, key: string) => table[language]?.[key];
  return {
    languages: Object.keys(table),
    get,
    forLanguage(language) {
      const chain = [language, language.split('-')[0], 'en'];
      return (key, values) => {
        let text = key;
        for (const lng of chain) {
          const found = get(lng, key);
          if (found !== undefined) {
            text = found;
            break;
          }
        }
        return values ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)) : text;
      };
    },
  };
}
