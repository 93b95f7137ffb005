/**
 * State shared by the element interceptors and the release queue, plus the
 * native DOM functions captured before we patch them (release must bypass our
 * own interceptors, or a released script would be caught again).
 *
 * The interceptors run in the guard's synchronous part; release (./release.ts)
 * and the iframe placeholder (./placeholder.ts) run in its async part, which
 * reaches this module's one instance through the handoff (src/guard/handoff.ts)
 * and plugs them into `later`.
 */
import type { TrackerRule } from '../../core/types';
import { isAllowed } from '../gate';

/**
 * What the async part plugs in. Until it arrives, held and tagged elements
 * simply stay held (fail closed); it then shows the placeholders and releases
 * what is allowed by then.
 */
export const later = {
  /** Release everything that is allowed now (./release.ts `releaseAllowed`). */
  release(): void {},
  /** Put released iframes no longer allowed back behind their placeholder (./release.ts). */
  reblockFrames(): void {},
  /** Hide a tagged iframe behind its placeholder (./placeholder.ts). */
  showPlaceholder(_frame: HTMLElement, _categories: string[]): void {},
};

/** Native functions, captured by `captureNatives()` at install (not at import: the ESM build may load in Node). */
export const natives = {} as {
  setAttribute: (this: Element, name: string, value: string) => void;
  scriptSrc: (this: HTMLScriptElement, url: string) => void;
};

export function captureNatives(): void {
  natives.setAttribute = Element.prototype.setAttribute;
  natives.scriptSrc = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src')!.set!;
}

/**
 * Scripts created by other scripts whose tracker URL we kept from them: the
 * same element gets its URL on release, so its load listeners still fire.
 * A Map, not a WeakMap, because a script not yet inserted must be found too.
 */
export const heldSrc = new Map<Element, string>();

/** Elements already looked at (on insertion, or by the markup observer), so each is judged once. */
export const inspected = new WeakSet<Node>();

/**
 * Untagged tracker elements the markup observer found in the HTML, as
 * `[tag, src, rule]`: the async part tells the site owner to tag them
 * (./diagnostics.ts); the words stay off the critical path.
 */
export const untaggedInMarkup: [tag: string, src: string, rule: TrackerRule][] = [];

/** Selector of tagged elements (the site owner's `data-consent`). */
export const TAGGED = 'script[data-consent],img[data-consent],iframe[data-consent],link[data-consent]';

/** The categories a tagged element waits for (`data-consent="analytics advertising"` waits for both). */
export function categoriesOf(element: Element): string[] {
  return (element.getAttribute('data-consent') || '').split(/\s+/).filter(Boolean);
}

/** Whether every category a held element waits for is allowed now (an empty tag is never released: fail closed). */
export function isReleasable(element: Element): boolean {
  const categories = categoriesOf(element);
  return categories.length > 0 && categories.every(isAllowed);
}
