/**
 * Navigations used as beacons: a script's click on a link to a tracker (a
 * hidden iframe as its target, or the page itself) and `window.open` of a
 * tracker URL. A visitor's own click is theirs to make, but not the link's
 * `ping` to a tracker. A window the page
 * opens on its own origin is guarded like a frame (./realms.ts). Forms are
 * sinks of the table (`action`, `formaction`), held like any.
 */
import type { Realm } from './elements';
import { patchMethods } from './patch';
import { guardRealm } from './realms';
import { isBlockedUrl } from './rules';

export function guardNavigation(realm: Realm): void {
  const onClick = (event: Event) => {
    const link = (event.target as Element | null)?.closest?.('a,area') as HTMLAnchorElement | null | undefined;
    if (!link) return;
    // A script's click on a tracker link goes nowhere.
    if (!event.isTrusted && isBlockedUrl(link.href)) event.preventDefault();
    // `ping`: its tracker URLs are dropped (judged again now: a withdrawal may have come since it was set).
    const ping = link.getAttribute('ping');
    if (ping) link.setAttribute('ping', ping);
  };
  realm.addEventListener('click', onClick, true);
  realm.addEventListener('auxclick', onClick, true);
  patchMethods(realm, 'open', (native) =>
    function (this: unknown, url?: unknown, ...rest: unknown[]) {
      // Read once; a tracker opens nothing (as when a popup is blocked: null).
      const target = url == null ? '' : String(url);
      if (target && isBlockedUrl(target)) return null;
      const opened = native.call(this, target, ...rest);
      guardRealm(opened);
      return opened;
    },
  );
}
