/** From what a site owner wrote to the full configuration every part of Consentry reads. */
import { defaultConfig } from './defaults';
import { deepMerge } from './objects';
import type { CategoryConfig, ConfigProblem, ConsentryConfig } from './types';
import { validate } from './validate';

/** The result of `resolveConfig`. */
export interface ResolvedConfig {
  /** The defaults when `problems` has an error; otherwise the owner's config merged over them. */
  config: ConsentryConfig;
  /** Everything `validate` found (errors and warnings). */
  problems: ConfigProblem[];
  /** True when a problem other than a warning was found: callers deny every optional category (fail closed). */
  invalid: boolean;
}

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
 * Validates `user` and merges it over the defaults. Never throws: an invalid
 * config yields the defaults and `invalid: true`.
 */
export function resolveConfig(user: unknown): ResolvedConfig {
  const problems = validate(user ?? {});
  const invalid = problems.some((p) => !p.warning);
  const base = defaultConfig();
  if (invalid || !user) return { config: base, problems, invalid };
  const { categories, ...rest } = user as { categories?: Partial<CategoryConfig>[] };
  const config = deepMerge(base, rest);
  config.categories = mergeCategories(base.categories, categories ?? []);
  return { config, problems, invalid };
}
