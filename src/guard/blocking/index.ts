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
import { guardElements, watchMarkup } from './elements';
import { captureNatives, later } from './held';
import { guardNetwork } from './network';

let installed = false;
let config: ConsentryConfig | undefined;

/** Deletes tracker cookies of newly denied categories; set by the async part (see ./purge.ts). */
let purge: ((config: ConsentryConfig, categories: CategoryId[]) => void) | undefined;

/** Use `purgeTrackerCookies` (./purge.ts) when a category becomes denied. */
export function usePurge(purgeTrackerCookies: typeof purge): void {
  purge = purgeTrackerCookies;
}

/**
 * Install all interceptors, with the built-in rules, and subscribe to the gate.
 * It runs before the guard reads anything the page controls (config, cookies,
 * storage): whatever fails after it, the blockers are in place. Never throws;
 * a blocker that cannot install is reported and the others still run.
 */
export function installBlocking(): void {
  if (installed) return;
  installed = true;
  for (const install of [captureNatives, guardCookieWrites, guardNetwork, guardElements]) {
    try {
      install();
    } catch (error) {
      console.error('consentry: could not install a blocker', error);
    }
  }
  onAllowedChange((now, before) => {
    const denied = [...before].filter((category) => !now.has(category));
    if (denied.length) {
      if (config) purge?.(config, denied);
      later.reblockFrames();
    }
    later.release();
  });
}

/**
 * The site's config, once read: its rules join the built-in ones, and the
 * markup observer starts unless `observeMarkup` is `false` (only `false`: an
 * unvalidated config with any other value keeps it, fail closed). Called
 * without a config when reading it failed: the observer starts.
 */
export function configureBlocking(site?: ConsentryConfig): void {
  config = site;
  if (site) useRules(site);
  if (site?.observeMarkup !== false) watchMarkup();
}
