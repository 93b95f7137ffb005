/** From what a site owner wrote to the full configuration every part of Consentry reads. */
import { defaultConfig } from './defaults';
import { mergeConfig } from './merge-config';
import type { ConfigProblem, ConsentryConfig } from './types';
import { validate } from './validate';

export { mergeConfig };

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
 * Validates `user` and merges it over the defaults. Never throws: an invalid
 * config yields the defaults and `invalid: true`.
 */
export function resolveConfig(user: unknown): ResolvedConfig {
  const problems = validate(user ?? {});
  const invalid = problems.some((p) => !p.warning);
  return { config: invalid ? defaultConfig() : mergeConfig(user), problems, invalid };
}
