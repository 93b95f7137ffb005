/** Which language the visitor sees. */
import type { ConsentryConfig, Language } from './types';

/**
 * `config.language` when set; otherwise the first of `candidates` (the page's
 * `<html lang>`, then `navigator.languages`) that Consentry has texts for,
 * matched exactly or by primary subtag (`zh-TW`, `zh-Hans` → `zh-CN`); else English.
 */
export function pickLanguage(config: ConsentryConfig, candidates: readonly (string | null | undefined)[]): Language {
  if (config.language) return config.language;
  const available = ['en', 'zh-CN', ...Object.keys(config.translations)];
  for (const tag of candidates) {
    if (!tag) continue;
    const lower = tag.toLowerCase();
    const found =
      available.find((a) => a.toLowerCase() === lower) ?? available.find((a) => a.split('-')[0]!.toLowerCase() === lower.split('-')[0]);
    if (found) return found;
  }
  return 'en';
}
