/**
 * What the blockers hold (the kernel's `Held`): scripts whose tracker URL was
 * kept from them, the nodes already judged, untagged trackers seen in the
 * HTML, and the native DOM functions captured before the blockers patched
 * them (release must bypass our own interceptors, or a released script would
 * be caught again).
 */
import type { TrackerRule } from '../../core/types';
import type { Natives } from '../kernel';
import { allows } from './gate';

/** The head's own script, as a tag a `srcdoc` document starts with (set at start; empty when the head has no URL). */
export const self = { attach: '' };

/** Native functions, captured by `captureNatives()` at install (not at import: the ESM build may load in Node). */
export const natives = {} as Natives;

export function captureNatives(): void {
  natives.setAttribute = Element.prototype.setAttribute;
  natives.scriptSrc = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src')!.set!;
  natives.innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
}

/**
 * Scripts created by other scripts whose tracker URL we kept from them: the
 * same element gets its URL on release, so its load listeners still fire.
 * A Map, not a WeakMap, because a script not yet inserted must be found too.
 */
export const scripts = new Map<Element, string>();

/** Elements already looked at (on insertion, or by the markup observer), so each is judged once. */
export const inspected = new WeakSet<Node>();

/** Scripts the runtime released, and scripts they inserted or wrote: their `document.write` goes to the runtime. */
export const releasing = new WeakSet<Element>();

/**
 * Untagged tracker elements the markup observer found in the HTML, as
 * `[tag, attribute, value, rule]`: the runtime tells the site owner to tag
 * them (runtime/diagnostics.ts); the words stay off the critical path.
 */
export const untagged: [tag: string, attribute: string, value: string, rule: TrackerRule][] = [];

/** The categories a tagged element waits for (`data-consent="analytics advertising"` waits for both). */
export function categoriesOf(element: Element): string[] {
  return (element.getAttribute('data-consent') || '').split(/\s+/).filter(Boolean);
}

/** Whether every category a held element waits for is allowed now (an empty tag is never released: fail closed). */
export function isReleasable(element: Element): boolean {
  const categories = categoriesOf(element);
  return categories.length > 0 && categories.every(allows);
}
