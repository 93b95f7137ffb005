import type { LocalizedText } from '../core/types';

/** The text for `language` (then its base language, then English); '' when there is none. */
export function localized(text: LocalizedText | undefined, language: string): string {
  if (!text || typeof text !== 'object') return '';
  const base = language.split('-')[0];
  const zhFallback = base === 'zh' ? text['zh-CN'] ?? text.zh : undefined;
  const value = text[language] ?? text[base] ?? zhFallback ?? text.en;
  return typeof value === 'string' ? value : '';
}
