/**
 * The blockers as the async part (dist/consentry-runtime.js) sees them: they
 * were installed by the synchronous part, and their state (held elements,
 * captured natives, rules) lives there; only the purge is called from here,
 * through the handoff (../handoff.ts). vite.config.ts aliases
 * src/guard/blocking/index.ts to this file in the runtime build only.
 */
import type { CategoryId, ConsentryConfig } from '../../core/types';
import { internals } from '../handoff';

export const purgeTrackerCookies = (config: ConsentryConfig, categories: Iterable<CategoryId>): void =>
  internals().purgeTrackerCookies(config, categories);
