/**
 * Releasing what the visitor allowed: every held element whose categories are
 * all allowed, in document order, each once (its `data-consent` is removed
 * first). A classic or deferred script waits for the previous one to load, as
 * it would have in the HTML; async scripts, images, iframes and links do not.
 * Plugged into the head's blockers as `release` and `reblock`.
 */
import type { Held, Plugins } from '../kernel';

/** Tagged elements (the site owner's `data-consent`, or the blockers' own marking). */
const TAGGED = 'script[data-consent],img[data-consent],iframe[data-consent],link[data-consent]';

/** Release and re-block over the head's held elements; `placeholder` shows and hides the embeds' stand-ins. */
export function createRelease(
  { scripts, inspected, natives, categoriesOf, isReleasable }: Held,
  placeholder: { show: Plugins['placeholder']; remove(frame: HTMLElement): void },
): Pick<Plugins, 'release' | 'reblock'> {
  let queue: Promise<unknown> = Promise.resolve();
  /** Released tagged iframes and the categories they needed: a withdrawal puts them back behind their placeholder. */
  const releasedFrames = new Map<HTMLElement, string>();

  function releaseScript(script: HTMLScriptElement): Promise<unknown> | void {
    const type = script.getAttribute('data-type');
    script.removeAttribute('data-type');
    const heldUrl = scripts.get(script);
    if (heldUrl !== undefined) {
      // Created by a script: give the same element its URL back (its listeners stay attached).
      scripts.delete(script);
      if (type) natives.setAttribute.call(script, 'type', type);
      else script.removeAttribute('type');
      natives.scriptSrc.call(script, heldUrl);
      return;
    }
    // From the HTML: the parser will not run it again, so run a copy in its place.
    const copy = document.createElement('script');
    for (const { name, value } of [...script.attributes]) {
      if (!/^(type|on)/.test(name)) natives.setAttribute.call(copy, name, value);
    }
    if (type) natives.setAttribute.call(copy, 'type', type);
    copy.nonce = script.nonce;
    copy.text = script.text;
    if (!script.hasAttribute('async')) copy.async = false;
    inspected.add(copy);
    // Listeners (and on* attributes) of the original hear the copy's load and error.
    const loaded = new Promise((resolve) => {
      for (const event of ['load', 'error']) {
        copy.addEventListener(event, () => {
          script.dispatchEvent(new Event(event));
          resolve(undefined);
        });
      }
    });
    script.replaceWith(copy);
    return copy.src && !copy.async ? loaded : undefined;
  }

  function release(element: Element): Promise<unknown> | void {
    if (element.tagName === 'IFRAME') releasedFrames.set(element as HTMLElement, element.getAttribute('data-consent')!);
    element.removeAttribute('data-consent');
    if (element instanceof HTMLScriptElement) return releaseScript(element);
    const isLink = element.tagName === 'LINK';
    for (const name of ['src', 'srcset', 'href']) {
      const value = element.getAttribute('data-' + name);
      if (value !== null) natives.setAttribute.call(element, isLink && name === 'src' ? 'href' : name, value);
    }
    placeholder.remove(element as HTMLElement);
  }

  return {
    /** Release everything that is allowed now. Runs after any release already in progress. */
    release() {
      queue = queue
        .then(async () => {
          const items = [...document.querySelectorAll(TAGGED)];
          for (const script of scripts.keys()) if (!script.isConnected) items.push(script);
          for (const element of items) {
            if (element.hasAttribute('data-consent') && isReleasable(element)) await release(element);
          }
        })
        .catch((error) => console.error('consentry: internal error while releasing', error));
    },
    /** Unload released iframes whose categories are no longer all allowed: a third-party page in a frame is out of reach of every other interceptor. */
    reblock() {
      for (const [frame, categories] of releasedFrames) {
        natives.setAttribute.call(frame, 'data-consent', categories);
        if (isReleasable(frame)) {
          frame.removeAttribute('data-consent');
          continue;
        }
        releasedFrames.delete(frame);
        natives.setAttribute.call(frame, 'src', 'about:blank');
        placeholder.show(frame, categoriesOf(frame));
      }
    },
  };
}
