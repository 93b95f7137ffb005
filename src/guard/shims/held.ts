/**
 * The blockers' shared state (../blocking/held.ts) as the async part
 * (dist/consentry-runtime.js) sees it: the one instance the synchronous part's
 * interceptors use, taken from the handoff (../handoff.ts). vite.config.ts
 * aliases src/guard/blocking/held.ts to this file in the runtime build only.
 */
import type * as Held from '../blocking/held';
import { internals } from '../handoff';

// The runtime is only ever injected after the handoff exists; `{}` keeps a stray copy from throwing at load.
const held = internals()?.held ?? ({} as typeof Held);

export const { natives, heldSrc, inspected, untaggedInMarkup, TAGGED, later, captureNatives, categoriesOf, isReleasable } = held;
