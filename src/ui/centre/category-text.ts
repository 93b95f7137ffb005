/**
 * A category's name or description in the current language. Order: the
 * owner's `config.translations` key (`category.<id>.name`), the config's own
 * text in this language, our shipped translation for a built-in id, then the
 * config's English text, then the id itself — so a site that configured only
 * English still shows built-in categories in natural Chinese.
 */
import type { CategoryConfig, ConsentryConfig } from '../../core/types';
import type { Texts } from '../i18n';

export function categoryText(
  category: CategoryConfig,
  field: 'name' | 'description',
  language: string,
  config: Readonly<ConsentryConfig>,
  texts: Texts,
): string {
  const key = `category.${category.id}.${field}`;
  const owner = config.translations?.[language]?.[key];
  if (typeof owner === 'string') return owner;
  const own = category[field]?.[language];
  if (typeof own === 'string' && own) return own;
  const shipped = texts.get(language, key);
  if (shipped !== undefined) return shipped;
  const english = category[field]?.en;
  if (typeof english === 'string' && english) return english;
  return field === 'name' ? String(category.id) : '';
}
