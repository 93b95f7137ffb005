/**
 * The blocking half of the guard. `installBlocking` runs first thing in the
 * guard (before any other script on the page): it installs every interceptor
 * synchronously and follows the gate (src/guard/gate.ts) — what becomes
 * allowed is released, what becomes denied has its cookies purged and every
 * later request, beacon, socket message and cookie write refused. The purge
 * itself (./purge.ts) is in the guard's async part and plugged in by `usePurge`.
 */
import type { CategoryId, ConsentryConfig } from '../../core/types';
import { onAllowedChange } from '../gate';
import { useRules } from './classify';
import { guardCookieWrites } from './cookies';
import { guardElements } from './elements';
import { captureNatives, later } from './held';
import { guardNetwork } from './network';

let installed = false;

/** Deletes tracker cookies of newly denied categories; set by the async part (see ./purge.ts). */
let purge: ((config: ConsentryConfig, categories: CategoryId[]) => void) | undefined;

/** Use `purgeTrackerCookies` (./purge.ts) when a category becomes denied. */
export function usePurge(purgeTrackerCookies: typeof purge): void {
  purge = purgeTrackerCookies;
}

/** Install all interceptors and subscribe to the gate. Never throws; a blocker that cannot install is reported and the others still run. */
export function installBlocking(config: ConsentryConfig): void {
  if (installed) return;
  installed = true;
  useRules(config);
  for (const install of [captureNatives, guardCookieWrites, guardNetwork, guardElements]) {
    try {
      install(config);
    } catch (error) {
      console.error('consentry: could not install a blocker', error);
    }
  }
  onAllowedChange((now, before) => {
    const denied = [...before].filter((category) => !now.has(category));
    if (denied.length) {
      purge?.(config, denied);
      later.reblockFrames();
    }
    later.release();
  });
}
