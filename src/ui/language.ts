/** The language the UI opens in (the picker itself is core's: src/core/language.ts). */
import { pickLanguage } from '../core/language';
import type { Language } from '../core/types';

/** The config's forced language, the guard's choice, `<html lang>`, the browser's, else English. */
export function initialLanguage(host: { config: { language?: string }; language: string }, available: readonly string[]): Language {
  return pickLanguage([host.config.language, host.language, document.documentElement.lang, ...(navigator.languages ?? [])], available);
}
