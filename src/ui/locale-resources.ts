/**
 * One shipped language's texts as the UI's i18next resources: the UI strings
 * (locales/<language>.json) plus that language's built-in category
 * descriptions (core/category-texts).
 *
 * Not part of the UI bundle: the build writes each language to its own data
 * script (`localeScript`, see vite.config.ts), and component tests register
 * it directly. Keys are flat ("banner.title"), matching `config.translations`.
 */
import en from './locales/en.json' with { type: 'json' };
import zhCN from './locales/zh-CN.json' with { type: 'json' };
import { CATEGORY_TEXTS } from '../core/category-texts.ts';
import { localized } from './centre/localized.ts';

/** One language's resources: flat keys to strings. */
export type LocaleResources = Record<string, string>;

const UI_STRINGS: Record<string, Record<string, string>> = { en, 'zh-CN': zhCN };

/** The resources of shipped `language` ('en' or 'zh-CN'). */
export function localeResources(language: string): LocaleResources {
  const strings = UI_STRINGS[language];
  if (!strings) throw new Error(`consentry: no shipped texts for "${language}"`);
  const resources: LocaleResources = { ...strings };
  for (const [id, description] of Object.entries(CATEGORY_TEXTS)) resources[`category.${id}.description`] = localized(description, language);
  return resources;
}

/**
 * The keys the bilingual notices (unsubscribe confirmation, policy notice) show
 * in the other shipped language. Every data script carries them for the other
 * shipped languages, so those notices never need a second download.
 */
export const NOTICE_KEYS: readonly string[] = ['unsub.title', 'unsub.body', 'unsub.bodyNoList', 'unsub.service', 'unsub.invalid', 'policy.changed'];

/** The notice strings of every shipped language but `language`. */
export function otherNotices(language: string): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.keys(UI_STRINGS)
      .filter((other) => other !== language)
      .map((other) => [other, Object.fromEntries(NOTICE_KEYS.map((key) => [key, UI_STRINGS[other]![key]!]))]),
  );
}

/**
 * The data script of `language`: only assignments, to `window.consentryLocales`
 * (its texts) and `window.consentryNotices` (the other languages' notice strings).
 * No code is evaluated from text, so it passes `script-src 'self'` and nonce-based CSPs alike.
 */
export function localeScript(language: string): string {
  const key = JSON.stringify(language);
  return (
    `(window.consentryLocales=window.consentryLocales||{})[${key}]=${JSON.stringify(localeResources(language))};` +
    `Object.assign(window.consentryNotices=window.consentryNotices||{},${JSON.stringify(otherNotices(language))});\n`
  );
}
