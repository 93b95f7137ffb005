/**
 * Languages: the ones Consentry ships texts for, and the one picker every
 * part uses (the guard to decide, the UI to open in, the placeholder to
 * speak).
 */
import type { ConsentryConfig, Language } from './types';

/**
 * The languages Consentry ships texts for, each complete. Each has its own
 * data script beside the UI bundle (`consentry-ui.<language>.js`), so a
 * visitor downloads only the texts they read.
 */
export const SHIPPED_LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

/** The languages a site can be shown in: the shipped ones and those its `translations` add. */
export const availableLanguages = (config: Pick<ConsentryConfig, 'translations'>): Language[] => [
  ...SHIPPED_LANGUAGES,
  ...Object.keys(config.translations || {}),
];

/**
 * The available language that best matches a language tag, or `undefined`:
 * exactly (case-insensitive, `_` read as `-`), else by primary subtag, so any
 * Chinese variant (`zh`, `zh-Hans`, `zh-TW`) reads Simplified Chinese before English.
 */
export function matchLanguage(tag: unknown, available: readonly Language[]): Language | undefined {
  if (typeof tag != 'string') return;
  const wanted = tag.trim().replace(/_/g, '-').toLowerCase();
  const base = wanted.split('-')[0];
  return wanted
    ? (available.find((a) => a.toLowerCase() == wanted) ?? available.find((a) => a.toLowerCase().split('-')[0] == base))
    : undefined;
}

/**
 * The first candidate that matches an available language, else English.
 * Callers list the config's `language` first, then `<html lang>`, then
 * `navigator.languages`.
 */
export function pickLanguage(candidates: readonly unknown[], available: readonly Language[]): Language {
  for (const candidate of candidates) {
    const match = matchLanguage(candidate, available);
    if (match) return match;
  }
  return 'en';
}
