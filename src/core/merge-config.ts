/**
 * Merging a site owner's config over the defaults, without validating it
 * (validation lives in config.ts, and the guard's synchronous part must not
 * carry it).
 */
import { defaultConfig } from './defaults';
import { deepMerge } from './objects';
import type { CategoryConfig, ConsentryConfig } from './types';

/**
 * Categories are merged by id: an owner's entry with a built-in id changes
 * only what it names (texts merge per language, `vendors` replaces); a new id
 * is appended, so the built-in order (the mirror cookie's bit order) is kept.
 */
function mergeCategories(base: CategoryConfig[], over: Partial<CategoryConfig>[]): CategoryConfig[] {
  const merged = base.slice();
  for (const entry of over) {
    const at = merged.findIndex((c) => c.id === entry.id);
    if (at >= 0) merged[at] = deepMerge(merged[at], entry);
    else merged.push(deepMerge({ id: entry.id ?? '', name: { en: '' }, description: { en: '' }, vendors: [] }, entry));
  }
  // `necessary` is always on, whatever was written.
  return merged.map((c) => (c.id === 'necessary' ? { ...c, required: true } : c));
}

/**
 * Merges `user` over the defaults WITHOUT validating it. Only for a config
 * known to be valid (the guard's synchronous part, for a raw config that
 * `resolveConfig` accepted on an earlier page view): everyone else calls
 * `resolveConfig`. Validation is left out so the guard stays small.
 */
export function mergeConfig(user: unknown): ConsentryConfig {
  const base = defaultConfig();
  if (!user) return base;
  const { categories, ...rest } = user as { categories?: Partial<CategoryConfig>[] };
  const config = deepMerge(base, rest);
  config.categories = mergeCategories(base.categories, categories ?? []);
  return config;
}

