/**
 * The blockers' rules (../blocking/classify.ts) as the async part
 * (dist/consentry-runtime.js) sees them: the synchronous part's one instance,
 * taken from the handoff (../handoff.ts), so the rule table is shipped once
 * and the purge judges cookies by exactly the rules the blockers use.
 * vite.config.ts aliases src/guard/blocking/classify.ts to this file in the
 * runtime build only.
 */
import type * as Classify from '../blocking/classify';
import { internals } from '../handoff';

// The runtime is only ever injected after the handoff exists; `{}` keeps a stray copy from throwing at load.
const classify = internals()?.classify ?? ({} as typeof Classify);

export const { useRules, urlRule, cookieRule, isBlockedUrl } = classify;
