/**
 * The blockers. `installBlocking` runs first thing in the head, before it
 * reads anything the page controls: it installs every interceptor
 * synchronously, with the built-in rules, and follows the gate — what becomes
 * allowed is released, what becomes denied has its cookies purged and every
 * later request, beacon, socket message and cookie write refused (release and
 * purge are the runtime's, through ./plugins.ts). `configureBlocking` then
 * adds the site's rules and starts the markup observer.
 */
import type { ConsentryConfig } from '../../core/types';
import { watchMarkup } from './elements';
import { onChange } from './gate';
import { captureNatives } from './held';
import { watchHits } from './hits';
import { plugins } from './plugins';
import { guardRealm } from './realms';
import { use } from './rules';

/** Install all interceptors in the page's realm and subscribe to the gate. Never throws; a blocker that cannot install is reported and the others still run. */
export function installBlocking(): void {
  captureNatives();
  guardRealm(window);
  watchHits();
  onChange((now, before) => {
    const denied = [...before].filter((category) => !now.has(category));
    if (denied.length) {
      plugins.purge(denied);
      plugins.reblock();
    }
    plugins.release();
  });
}

/**
 * The site's config, once read: its rules join the built-in ones, and the
 * markup observer starts unless `observeMarkup` is `false` (only `false`: an
 * unvalidated config with any other value keeps it, fail closed). Called
 * without a config when reading it failed: the observer starts.
 */
export function configureBlocking(config?: ConsentryConfig): void {
  if (config) use(config.rules);
  if (config?.observeMarkup !== false) watchMarkup();
}
