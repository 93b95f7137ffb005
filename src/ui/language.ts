/**
 * Picking the language texts are shown in: the config's forced language,
 * then the guard's choice / <html lang>, then the browser's languages, then
 * English — matched against the languages we have texts for.
 */
import type { Language } from '../core/types';

/** The available language that best matches `tag`, or null. Any Chinese variant reads Simplified Chinese before English. */
export function matchLanguage(tag: string | null | undefined, available: readonly string[]): Language | null {
  if (!tag) return null;
  const wanted = tag.trim().replace(/_/g, '-').toLowerCase();
  if (!wanted) return null;
  const exact = available.find((a) => a.toLowerCase() === wanted);
  if (exact) return exact;
  const base = wanted.split('-')[0];
  const sameBase = available.find((a) => a.toLowerCase() === base) ?? available.find((a) => a.toLowerCase().split('-')[0] === base);
  return sameBase ?? null;
}

/** The first candidate that matches an available language, else English. */
export function pickLanguage(candidates: readonly (string | null | undefined)[], available: readonly string[]): Language {
  for (const candidate of candidates) {
    const match = matchLanguage(candidate, available);
    if (match) return match;
  }
  return 'en';
}

/** The language the UI opens in: the config's forced language, the guard's choice, `<html lang>`, the browser's, else English. */
export function initialLanguage(host: { config: { language?: string }; language: string }, available: readonly string[]): Language {
  return pickLanguage([host.config.language, host.language, document.documentElement.lang, ...(navigator.languages ?? [])], available);
}
