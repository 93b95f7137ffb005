/**
 * Releasing what the visitor allowed: every held element whose categories are
 * all allowed, in document order, each once (its `data-consent` is removed
 * first). A classic or deferred script waits for the previous one to load
 * (and for what it wrote with `document.write`, ./write.ts), as it would have
 * in the HTML; async scripts and everything else do not. Plugged into the
 * head's blockers as `release` and `reblock`.
 */
import type { Held, Kernel, Plugins, Trusted } from '../kernel';
import { runnableCopy, type Writer } from './write';

/** Release and re-block over the head's held elements; `placeholder` shows and hides the embeds' stand-ins. */
export function createRelease(
  held: Held,
  sinkOf: Kernel['sinkOf'],
  placeholder: { show: Plugins['placeholder']; remove(frame: HTMLElement): void },
  writer: Pick<Writer, 'written'>,
  trusted: Trusted,
): Pick<Plugins, 'release' | 'reblock'> {
  const { scripts, natives, categoriesOf, isReleasable, releasing } = held;
  let queue: Promise<unknown> = Promise.resolve();
  /** Released frames and the categories they needed: a withdrawal puts them back behind their placeholder. */
  const releasedFrames = new Map<HTMLElement, string>();

  /** Settles once `script` ran and what it wrote is in the page (at once for an async one). */
  const done = (script: HTMLScriptElement) =>
    new Promise<void>((resolve) => {
      const settle = () => void writer.written(script).then(resolve);
      script.addEventListener('load', settle);
      script.addEventListener('error', settle);
    });

  function releaseScript(script: HTMLScriptElement): Promise<unknown> | void {
    const heldUrl = scripts.get(script);
    releasing.add(script);
    if (heldUrl !== undefined) {
      // Made by a script: give the same element its type and URL back (its listeners stay attached).
      const type = script.getAttribute('data-type');
      script.removeAttribute('data-type');
      scripts.delete(script);
      if (type) natives.setAttribute.call(script, 'type', type);
      else script.removeAttribute('type');
      natives.scriptSrc.call(script, trusted.scriptUrl(heldUrl));
      return script.async ? undefined : done(script);
    }
    // From the HTML: the parser will not run it again, so run a copy in its place.
    const copy = runnableCopy(script, held, trusted);
    // Listeners (and on* attributes) of the original hear the copy's load and error, before the next script is released.
    for (const event of ['load', 'error']) copy.addEventListener(event, () => script.dispatchEvent(new Event(event)));
    const loaded = copy.src ? done(copy) : undefined;
    script.replaceWith(copy);
    return copy.src ? (copy.async ? undefined : loaded) : writer.written(copy);
  }

  function release(element: Element): Promise<unknown> | void {
    const tag = element.localName;
    if (/^i?frame$/.test(tag)) releasedFrames.set(element as HTMLElement, element.getAttribute('data-consent')!);
    element.removeAttribute('data-consent');
    if (tag == 'script') return releaseScript(element as HTMLScriptElement);
    if (tag == 'style' && element.getAttribute('type') == 'text/plain') {
      const type = element.getAttribute('data-type');
      element.removeAttribute('data-type');
      if (type) natives.setAttribute.call(element, 'type', type);
      else element.removeAttribute('type');
    }
    // Every sink attribute held as data-<attribute> gets its value back (the owner's data-src, data-srcset, …).
    for (const { name, value } of [...element.attributes]) {
      const attribute = name.slice(5);
      if (name.startsWith('data-') && sinkOf(tag, attribute)) {
        element.removeAttribute(name);
        // SVG's xlink:href only counts in its namespace.
        if (attribute.startsWith('xlink:')) element.setAttributeNS('http://www.w3.org/1999/xlink', attribute, value);
        else natives.setAttribute.call(element, attribute, value);
      }
    }
    // A link tagged the old way (`data-src` for its href).
    if (tag == 'link' && element.hasAttribute('data-src')) {
      natives.setAttribute.call(element, 'href', element.getAttribute('data-src')!);
      element.removeAttribute('data-src');
    }
    placeholder.remove(element as HTMLElement);
  }

  return {
    /** Release everything that is allowed now. Runs after any release already in progress. */
    release() {
      queue = queue
        .then(async () => {
          const items = [...document.querySelectorAll('[data-consent]')];
          for (const script of scripts.keys()) if (!script.isConnected) items.push(script);
          for (const element of items) {
            if (element.hasAttribute('data-consent') && isReleasable(element)) await release(element);
          }
        })
        .catch((error) => console.error('consentry: internal error while releasing', error));
    },
    /** Unload released frames whose categories are no longer all allowed: a third-party page in a frame is out of reach of every other interceptor. */
    reblock() {
      for (const [frame, categories] of releasedFrames) {
        natives.setAttribute.call(frame, 'data-consent', categories);
        if (isReleasable(frame)) {
          frame.removeAttribute('data-consent');
          continue;
        }
        releasedFrames.delete(frame);
        natives.setAttribute.call(frame, 'data-src', frame.getAttribute('src') ?? '');
        natives.setAttribute.call(frame, 'src', 'about:blank');
        placeholder.show(frame, categoriesOf(frame));
      }
    },
  };
}
