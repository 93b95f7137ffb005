/**
 * Navigations used as beacons: a script's click on a link to a tracker (a
 * hidden iframe as its target, or the page itself) and `window.open` of a
 * tracker URL. A visitor's own click is theirs to make. A window the page
 * opens on its own origin is guarded like a frame (./realms.ts). Forms are
 * sinks of the table (`action`, `formaction`), held like any.
 */
import type { Realm } from './elements';
import { patchMethods } from './patch';
import { guardRealm } from './realms';
import { isBlockedUrl } from './rules';

export function guardNavigation(realm: Realm): void {
  realm.addEventListener(
    'click',
    (event) => {
      const link = !event.isTrusted && (event.target as Element | null)?.closest?.('a[href],area[href]');
      if (link && isBlockedUrl((link as HTMLAnchorElement).href)) event.preventDefault();
    },
    true,
  );
  patchMethods(realm, 'open', (native) =>
    function (this: unknown, url?: unknown, ...rest: unknown[]) {
      // Read once; a tracker opens nothing (as when a popup is blocked: null).
      const target = url == null ? '' : String(url);
      if (target && isBlockedUrl(target, realm.document.baseURI)) return null;
      const opened = native.call(this, target, ...rest);
      guardRealm(opened);
      return opened;
    },
  );
}
