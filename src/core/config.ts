/** From what a site owner wrote to the full configuration every part of Consentry reads. */
import { defaultConfig } from './defaults';
import { mergeConfig } from './merge-config';
import { jsonCopy } from './objects';
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
  let data: unknown;
  try {
    // Read once, as data: what is validated is what is merged (a getter or proxy could answer differently twice).
    data = jsonCopy(user ?? {}, 'config');
  } catch (error) {
    const message = `config cannot be read as JSON data (${errorText(error)})`;
    return { config: defaultConfig(), problems: [{ path: 'config', message }], invalid: true };
  }
  const problems = validate(data);
  const invalid = problems.some((p) => !p.warning);
  return { config: invalid ? defaultConfig() : mergeConfig(data), problems, invalid };
}

/** What a thrown value says, without trusting it (a getter may throw anything, even an object whose `message` throws). */
function errorText(error: unknown): string {
  try {
    return String((error as Error)?.message ?? error);
  } catch {
    return 'an unreadable error';
  }
}
