/**
 * Every same-origin realm is guarded. A frame the page makes (`about:blank`,
 * `srcdoc`, `javascript:`, a same-origin page) or a window it opens has a
 * `fetch`, an `Image` and DOM classes of its own, and so do prototype setters
 * taken from it: the head installs its interceptors there too, sharing its
 * state, as soon as the realm is reachable — when a frame is inserted (or
 * seen in the HTML), when its `contentWindow`/`contentDocument` is read,
 * when `window.open` returns. A `srcdoc` document gets a realm of its own
 * once it loads: its markup is judged, and the head is its first script,
 * which attaches to this page's kernel (./index.ts). Cross-origin realms are
 * out of reach (and cannot reach this page's cookies either).
 */
import { guardCookieWrites } from './cookies';
import { guardElements, type Realm } from './elements';
import { guardNavigation } from './navigation';
import { guardNetwork } from './network';

/** Marks a realm (its global, not the WindowProxy, which outlives navigations) as guarded. */
const MARK = Symbol.for('consentry.realm');

/** What frames are, among elements. */
const FRAME = /^(i?frame|object|embed)$/;

/** Install every interceptor in `realm` (each on its own: one that cannot install does not stop the others). */
export function guardRealm(target: unknown): void {
  const realm = target as Realm | null;
  try {
    if (!realm || MARK in realm) return;
    Object.defineProperty(realm, MARK, { value: 1 });
  } catch {
    return; // Cross-origin: out of reach, and it cannot reach ours.
  }
  for (const install of [guardCookieWrites, guardNetwork, guardElements, guardNavigation, guardFrames]) {
    try {
      install(realm);
    } catch (error) {
      console.error('consentry: could not install a blocker', error);
    }
  }
}

/** The realm of a frame element, if it has one. */
const realmOf = (frame: Element) => (frame as HTMLIFrameElement).contentWindow ?? (frame as HTMLObjectElement).contentDocument?.defaultView;

/** Guard the realms of the frames in `node` (just inserted, or parsed). */
export function guardFramesIn(node: unknown): void {
  const element = node as Element;
  if (element?.nodeType != 1 && element?.nodeType != 11) return;
  if (FRAME.test(element.localName)) guardRealm(realmOf(element));
  else if (element.firstElementChild) for (const frame of element.querySelectorAll('iframe,frame,object,embed')) guardRealm(realmOf(frame));
}

/** Guard a realm the moment page code reaches it through a frame element. */
function guardFrames(realm: Realm): void {
  for (const owner of [realm.HTMLIFrameElement, realm.HTMLFrameElement, realm.HTMLObjectElement]) {
    for (const name of ['contentWindow', 'contentDocument']) {
      const descriptor = Object.getOwnPropertyDescriptor(owner.prototype, name);
      if (descriptor?.get)
        Object.defineProperty(owner.prototype, name, {
          ...descriptor,
          get(this: Element) {
            const value = descriptor.get!.call(this);
            guardRealm(name == 'contentWindow' ? value : value?.defaultView);
            return value;
          },
        });
    }
  }
}
