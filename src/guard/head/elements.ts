/**
 * Script, image and iframe interceptors. Scripts created by other scripts are
 * caught where their URL is set (`src` setter, `setAttribute`) or where they
 * are inserted (appendChild, insertBefore, append, …); scripts in the HTML
 * are caught by a MutationObserver, which Chromium runs before the parser
 * executes a script: turning its `type` into `text/plain` keeps it from running
 * (the preload scanner may still have fetched it — see README, Blocking).
 * Blocked scripts are released later (the runtime's release, ./plugins.ts); blocked pixels and iframes
 * are not (a hit from before the choice must never be sent after it).
 */
import { allows } from './gate';
import { categoriesOf, inspected, isReleasable, natives, scripts, untagged } from './held';
import { plugins } from './plugins';
import { forUrl, isBlockedUrl } from './rules';

const WATCHED = 'script,img,iframe,link[data-consent]';
const WATCHED_TAGS = /^(SCRIPT|IMG|IFRAME|LINK)$/;
const SRC_TAGS = /^(SCRIPT|IMG|IFRAME)$/;

/** Mark a script as blocked: it keeps its original type in `data-type` and waits for `data-consent`. */
function markBlocked(script: Element, category: string): void {
  const type = script.getAttribute('type');
  if (type !== null && type !== 'text/plain') natives.setAttribute.call(script, 'data-type', type);
  natives.setAttribute.call(script, 'type', 'text/plain');
  natives.setAttribute.call(script, 'data-consent', category);
}

/** A pixel that was not requested fails like one blocked by the browser. */
function failImage(image: Element): void {
  setTimeout(() => image.dispatchEvent(new Event('error')));
}

/** Intercept a URL about to be set on a script, image or iframe; true when it must not be set. */
function holdUrl(element: Element, url: string): boolean {
  const rule = forUrl(url);
  if (!rule || allows(rule.category)) return false;
  if (element.tagName === 'SCRIPT') {
    scripts.set(element, url);
    markBlocked(element, rule.category);
  } else if (element.tagName === 'IMG') {
    failImage(element);
  }
  return true;
}

/**
 * Judge a node (and its subtree) once: tagged elements wait, untagged tracker
 * elements are blocked. Returns true when it left a tagged element that is not
 * in the page yet for later.
 */
function inspect(root: Node | null | undefined, fromMarkup: boolean): boolean | void {
  // Cheap checks first: this runs for every node a page inserts.
  const nodeType = root?.nodeType;
  if (nodeType !== 1 && nodeType !== 11) return;
  // An element without `src` or `data-consent` has nothing to judge yet (a `src` set later goes through the setters).
  const watched =
    nodeType === 1 &&
    WATCHED_TAGS.test((root as Element).tagName) &&
    ((root as Element).hasAttribute('src') || (root as Element).hasAttribute('data-consent'));
  if (!watched && !(root as ParentNode).firstElementChild) return;
  const found: Element[] = watched ? [root as Element] : [];
  if ((root as ParentNode).firstElementChild) found.push(...(root as ParentNode).querySelectorAll(WATCHED));
  let release = false;
  let deferred = false;
  for (const element of found) {
    if (inspected.has(element)) continue;
    if (element.hasAttribute('data-consent')) {
      // Judged once in the page: a placeholder needs a place.
      if (!element.isConnected) {
        deferred = true;
        continue;
      }
      inspected.add(element);
      release = true;
      if (element.tagName === 'IFRAME' && !isReleasable(element)) plugins.placeholder(element as HTMLElement, categoriesOf(element));
      continue;
    }
    inspected.add(element);
    const src = element.getAttribute('src');
    const rule = src && forUrl(src);
    if (!rule) continue;
    const tag = element.tagName.toLowerCase();
    if (fromMarkup) untagged.push([tag, src, rule]);
    if (allows(rule.category)) continue;
    if (tag === 'script') {
      markBlocked(element, rule.category);
      release = true;
      if (!fromMarkup) {
        // Not yet run (inserted by a script): keep its URL, release the same element later.
        scripts.set(element, src);
        element.removeAttribute('src');
      }
    } else if (tag === 'iframe') {
      natives.setAttribute.call(element, 'src', 'about:blank');
    } else {
      element.removeAttribute('src');
      if (!fromMarkup) failImage(element);
    }
  }
  if (release) plugins.release();
  return deferred;
}

/** Rewrite `<script src>` tags of denied trackers in `document.write` HTML (CNZZ's standard snippet writes one). */
function blockWrittenScripts(html: string): string {
  return html.replace(/<script\b([^>]*)>/gi, (tag, attributes: string) => {
    const src = /\ssrc\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
    const rule = src && forUrl(src);
    if (!rule || allows(rule.category)) return tag;
    const typePattern = /\stype\s*=\s*["']?([^"'\s>]+)["']?/i;
    const type = typePattern.exec(attributes)?.[1];
    return `<script${attributes.replace(typePattern, '')} type="text/plain" data-consent="${rule.category}"${type ? ` data-type="${type}"` : ''}>`;
  });
}

type Patchable = Record<string, unknown>;

function patchMethods(proto: object, names: string, make: (native: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown): void {
  for (const name of names.split(' ')) {
    const native = (proto as Patchable)[name];
    if (typeof native === 'function') (proto as Patchable)[name] = make(native as (...args: unknown[]) => unknown);
  }
}

/** `set` gets the value as assigned (`innerHTML = null` must still clear, not write "null"). */
function patchSetter(proto: object, name: string, set: (this: Element, value: unknown, native: (value: unknown) => void) => void): void {
  const descriptor = Object.getOwnPropertyDescriptor(proto, name);
  if (!descriptor?.set) return;
  const nativeSet = descriptor.set;
  Object.defineProperty(proto, name, {
    ...descriptor,
    set(this: Element, value: unknown) {
      set.call(this, value, (v) => nativeSet.call(this, v));
    },
  });
}

/**
 * Starts the markup observer (once; the guard calls it before its own script
 * ends, so no markup is parsed in between); set by `guardElements`.
 */
export let watchMarkup = (): void => {};

/** Install the script, image and iframe interceptors; `watchMarkup` then starts the markup observer. */
export function guardElements(): void {
  // Scripts already in the page ran before us: never judge (and hold, and run again) one of them.
  // Whether a tracker was among them is said by the async part (../diagnostics.ts).
  for (const script of document.scripts) inspected.add(script);

  for (const proto of [HTMLScriptElement.prototype, HTMLImageElement.prototype, HTMLIFrameElement.prototype]) {
    patchSetter(proto, 'src', function (url, native) {
      if (!holdUrl(this, String(url))) native(url);
    });
  }
  patchSetter(HTMLScriptElement.prototype, 'type', function (type, native) {
    // A held script stays text/plain; the type it asked for is used on release.
    if (scripts.has(this)) natives.setAttribute.call(this, 'data-type', String(type));
    else native(type);
  });
  patchMethods(Element.prototype, 'setAttribute', () =>
    function (this: Element, ...args: unknown[]) {
      const name = String(args[0]).toLowerCase();
      const value = String(args[1]);
      if (name === 'src' && SRC_TAGS.test(this.tagName) && holdUrl(this, value)) return;
      natives.setAttribute.call(this, name === 'type' && scripts.has(this) ? 'data-type' : String(args[0]), value);
    },
  );
  // The markup observer is only needed while the parser inserts nodes, and a
  // MutationRecord for every node a script inserts would cost more than the page's
  // own work (bench: 10,000 elements). So a script's first insertion pauses it until
  // the script ends: the parser always runs a microtask checkpoint before it goes on.
  let observer: MutationObserver | undefined;
  let paused = false;
  const observe = () => observer?.observe(document, { childList: true, subtree: true });
  const inspectRecords = (records: MutationRecord[]) => {
    for (const record of records) for (const node of record.addedNodes) inspect(node, true);
  };
  const pauseObserver = () => {
    if (observer && !paused) {
      paused = true;
      inspectRecords(observer.takeRecords());
      observer.disconnect();
      queueMicrotask(() => {
        paused = false;
        observe();
      });
    }
  };
  // appendChild, insertBefore and replaceChild insert their first argument only (the second is
  // already in the page: judging it would walk a whole container on every insertBefore). These
  // run for every node a page inserts, so they take no rest array.
  patchMethods(Node.prototype, 'appendChild insertBefore replaceChild', (native) =>
    function (this: unknown, node: unknown, other?: unknown) {
      const deferred = inspect(node as Node, false);
      pauseObserver();
      // The same number of arguments: insertBefore with one must still throw as it does natively.
      const result = arguments.length < 2 ? native.call(this, node) : native.call(this, node, other);
      if (deferred) inspect(node as Node, false);
      return result;
    },
  );
  patchMethods(Element.prototype, 'append prepend before after replaceWith insertAdjacentElement', (native) =>
    function (this: unknown, ...args: unknown[]) {
      let deferred: boolean | void = false;
      for (let i = 0; i < args.length; i++) deferred = inspect(args[i] as Node, false) || deferred;
      pauseObserver();
      const result = native.apply(this, args);
      if (deferred) for (let i = 0; i < args.length; i++) inspect(args[i] as Node, false);
      return result;
    },
  );
  // HTML strings parsed after the page loaded: scripts in them never run, but images and
  // iframes load at once; judge them right after (release tagged ones, fail tracker pixels)...
  const html = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
  // ...except a tracker iframe, which starts navigating the moment it is connected: blank it
  // in an inert copy first (a template's content loads nothing) and let the browser parse that.
  const blankTrackerFrames = (markup: unknown): unknown => {
    if (typeof markup != 'string' || !/<iframe/i.test(markup)) return markup;
    const template = document.createElement('template');
    html.set!.call(template, markup);
    let blanked = false;
    for (const frame of template.content.querySelectorAll('iframe[src]')) {
      if (isBlockedUrl(frame.getAttribute('src'))) {
        natives.setAttribute.call(frame, 'src', 'about:blank');
        blanked = true;
      }
    }
    return blanked ? html.get!.call(template) : markup;
  };
  for (const [proto, name] of [
    [Element.prototype, 'innerHTML'],
    [Element.prototype, 'outerHTML'],
    [ShadowRoot.prototype, 'innerHTML'],
  ] as const) {
    patchSetter(proto, name, function (markup, native) {
      const parent = name === 'outerHTML' ? this.parentNode : this;
      native(blankTrackerFrames(markup));
      if (parent) inspect(parent, false);
    });
  }
  for (const proto of [Element.prototype, ShadowRoot.prototype]) {
    patchMethods(proto, 'insertAdjacentHTML setHTMLUnsafe', (native) =>
      function (this: Element, ...args: unknown[]) {
        native.apply(this, args.map(blankTrackerFrames));
        // A detached element's own content loads too (images): judge it when there is no parent.
        inspect(this.parentNode || this, false);
      },
    );
  }
  patchMethods(Document.prototype, 'write writeln', (native) =>
    function (this: unknown, ...parts: unknown[]) {
      // Written HTML goes through the parser: let the observer see it.
      if (paused) {
        paused = false;
        observe();
      }
      return native.apply(this, parts.map((part) => blockWrittenScripts(String(part))));
    },
  );

  watchMarkup = () => {
    watchMarkup = () => {};
    if (document.readyState !== 'loading') return;
    observer = new MutationObserver(inspectRecords);
    observe();
    document.addEventListener('DOMContentLoaded', () => {
      inspectRecords(observer!.takeRecords());
      observer!.disconnect();
      observer = undefined;
    });
  };
}
