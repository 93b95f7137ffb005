/**
 * One shipped language's texts as the UI's i18next resources: the UI strings
 * (locales/<language>.json) plus that language's half of the policy texts
 * (category descriptions and vendor/cookie tables from core/policy-texts).
 *
 * Not part of the UI bundle: the build writes each language to its own data
 * script (`localeScript`, see vite.config.ts), and component tests register
 * it directly. Keys are flat ("banner.title"), matching `config.translations`.
 */
import en from './locales/en.json' with { type: 'json' };
import zhCN from './locales/zh-CN.json' with { type: 'json' };
import { POLICY_TEXTS } from '../core/policy-texts.ts';
import type { CategoryId, LocalizedText } from '../core/types';
import { localized } from './localized.ts';

/** A vendor of a built-in category, in one language (what `vendors.<category>` holds). */
export interface LocalVendor {
  name: string;
  policyUrl?: string;
  purpose: string;
  cookies: { name: string; purpose: string; duration: string }[];
}

/** One language's resources: strings, and for `vendors.<category>` a vendor list. */
export type LocaleResources = Record<string, string | LocalVendor[]>;

const UI_STRINGS: Record<string, Record<string, string>> = { en, 'zh-CN': zhCN };

/** The resources of shipped `language` ('en' or 'zh-CN'). */
export function localeResources(language: string): LocaleResources {
  const strings = UI_STRINGS[language];
  if (!strings) throw new Error(`consentry: no shipped texts for "${language}"`);
  const text = (value: LocalizedText) => localized(value, language);
  const resources: LocaleResources = { ...strings };
  for (const [id, texts] of Object.entries(POLICY_TEXTS) as [CategoryId, (typeof POLICY_TEXTS)[CategoryId]][]) {
    resources[`category.${id}.description`] = text(texts.description);
    resources[`vendors.${id}`] = texts.vendors.map((vendor) => ({
      name: typeof vendor.name == 'string' ? vendor.name : text(vendor.name),
      ...(vendor.policyUrl ? { policyUrl: vendor.policyUrl } : {}),
      purpose: text(vendor.purpose),
      cookies: vendor.cookies.map((cookie) => ({ name: cookie.name, purpose: text(cookie.purpose), duration: text(cookie.duration) })),
    }));
  }
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
