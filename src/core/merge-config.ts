/**
 * Merging a site owner's config over the defaults, without validating it
 * (validation lives in config.ts, and the guard's synchronous part must not
 * carry it).
 */
import { defaultConfig } from './defaults';
import { isPlainObject, mergeShaped } from './objects';
import type { CategoryConfig, ConsentryConfig } from './types';

/**
 * Categories are merged by id: an owner's entry with a built-in id changes
 * only what it names (texts merge per language, `vendors` replaces); a new id
 * is appended, so the built-in order (the mirror cookie's bit order) is kept.
 */
function mergeCategories(base: CategoryConfig[], over: unknown): CategoryConfig[] {
  const merged = base.slice();
  // Entries that are not objects with a string id are left out (validation names them).
  for (const entry of Array.isArray(over) ? over : []) {
    if (!isPlainObject(entry) || typeof entry.id != 'string') continue;
    const at = merged.findIndex((c) => c.id === entry.id);
    merged[at < 0 ? merged.length : at] = mergeShaped(merged[at] ?? { id: entry.id, name: { en: '' }, description: { en: '' }, vendors: [] }, entry);
  }
  // `necessary` is always on, whatever was written.
  return merged.map((c) => (c.id === 'necessary' ? { ...c, required: true } : c));
}

/**
 * Merges `user` over the defaults WITHOUT validating it (everyone but the
 * guard's synchronous part calls `resolveConfig`, which validates; leaving
 * validation out keeps the guard small). Whatever `user` holds, the result has
 * the defaults' shape (a value of the wrong kind is ignored, see
 * `mergeShaped`), so reading it never throws; only a validated config may
 * release anything.
 */
export function mergeConfig(user: unknown): ConsentryConfig {
  const base = defaultConfig();
  if (!isPlainObject(user)) return base;
  const { categories, ...rest } = user;
  const config = mergeShaped(base, rest);
  config.categories = mergeCategories(base.categories, categories);
  return config;
}

