/**
 * The element interceptors: every way a page can put a URL on an element
 * goes through ./hold.ts, which judges it against the URL-sink table —
 * property setters (one per row of the table), `setAttribute`,
 * `setAttributeNS`, `setAttributeNode(NS)`, `Attr.value`, HTML strings (`innerHTML`,
 * `outerHTML`, `insertAdjacentHTML`, `setHTMLUnsafe`,
 * `createContextualFragment`), clones and imports, insertions (for what no
 * setter saw: nodes from other documents), and markup: a MutationObserver,
 * which Chromium runs before the parser executes the next script, judges
 * what the parser inserts (the preload scanner may have fetched it already —
 * the tagging tool and the service worker cover that).
 *
 * `guardElements(realm)` installs all of it in a window (the page's, and each
 * same-origin frame's: ./realms.ts); the state is the head's, shared.
 */
import { URL_SINKS } from '../../core/url-sinks';
import { inspected, natives } from './held';
import { hold, judgeMarkup, judgeTree, PARSED, PRESENT } from './hold';
import { patchMethods, patchSetter } from './patch';
import { guardFramesIn } from './realms';
import { guardWrite } from './write';

/** A window whose DOM classes we patch (the page's own, or a same-origin frame's). */
export type Realm = Window & typeof globalThis;

/** IDL properties whose names differ from their attribute's. */
const PROPERTY: Record<string, string> = { codebase: 'codeBase', imagesrcset: 'imageSrcset', formaction: 'formAction' };

/** A held script keeps `text/plain`: the type it asks for is used on release. */
const typeHeld = (element: Element) => element.hasAttribute('data-consent') && element.getAttribute('type') == 'text/plain';

/**
 * Starts the markup observer (once; the head calls it before its own script
 * ends, so no markup is parsed in between); set by `guardElements`.
 */
export let watchMarkup = (): void => {};

/** Install the element interceptors in `realm`. */
export function guardElements(realm: Realm): void {
  const { Element, Node, Attr, Document, DocumentFragment, ShadowRoot, Range } = realm;
  const tt = (realm as { trustedTypes?: Record<'isScriptURL' | 'isHTML' | 'isScript', (value: unknown) => boolean> }).trustedTypes;
  /**
   * A value read once: `[what is judged, what the browser gets]`, the same string, except that a
   * Trusted Types value (or null) is passed as it is: the browser reads it, not its toString.
   */
  const read = (value: unknown): [string, unknown] => {
    const text = String(value);
    return [text, value == null || tt?.isScriptURL(value) || tt?.isHTML(value) || tt?.isScript(value) ? value : text];
  };
  // Scripts already in the page ran before us: never judge (and hold, and run again) one of them.
  // Whether a tracker was among them is said by the runtime (runtime/diagnostics.ts).
  for (const script of realm.document.scripts) inspected.add(script);

  // One setter per row of the sink table, on the prototype that defines it (video.src is HTMLMediaElement's).
  for (const { tag, attribute } of URL_SINKS) {
    const property = PROPERTY[attribute] ?? attribute;
    for (let owner = tag == '*' ? realm.HTMLElement.prototype : Object.getPrototypeOf(realm.document.createElement(tag)); owner; owner = Object.getPrototypeOf(owner)) {
      const descriptor = Object.getOwnPropertyDescriptor(owner, property);
      if (!descriptor) continue;
      // Patched once per prototype: img.src and source.src share none, video and audio share HTMLMediaElement's.
      if (!(descriptor.set as { judged?: boolean } | undefined)?.judged) {
        patchSetter(owner, property, function (value, native) {
          const [text, pass] = read(value);
          if (!hold(this, attribute, text)) native(pass);
        });
        (Object.getOwnPropertyDescriptor(owner, property)!.set as { judged?: boolean }).judged = true;
      }
      break;
    }
  }
  patchSetter(realm.HTMLScriptElement.prototype, 'type', function (type, native) {
    if (typeHeld(this)) natives.setAttribute.call(this, 'data-type', String(type));
    else native(type);
  });
  // Every form of setting an attribute. A value is turned into a string once: what was judged is what is set.
  patchMethods(Element.prototype, 'setAttribute setAttributeNS', (native, method) =>
    function (this: Element, ...args: unknown[]) {
      const ns = method == 'setAttributeNS';
      const name = String(args[+ns]);
      const [text, pass] = read(args[+ns + 1]);
      if (/^type$/i.test(name) && typeHeld(this)) return natives.setAttribute.call(this, 'data-type', text);
      if (!hold(this, name, text)) return native.apply(this, ns ? [args[0], name, pass] : [name, pass]);
    },
  );
  patchMethods(Element.prototype, 'setAttributeNode setAttributeNodeNS', (native) =>
    function (this: Element, attr: unknown) {
      return attr instanceof Attr && hold(this, attr.name, attr.value) ? null : native.call(this, attr);
    },
  );
  // An attribute node's value, however it is written (own accessors on Attr, so other nodes' textContent stays native).
  for (const name of ['value', 'nodeValue', 'textContent']) {
    const descriptor = Object.getOwnPropertyDescriptor(name == 'value' ? Attr.prototype : Node.prototype, name);
    if (descriptor?.set) Object.defineProperty(Attr.prototype, name, descriptor);
    patchSetter<Attr>(Attr.prototype, name, function (value, native) {
      const owner = this.ownerElement;
      if (!owner || !hold(owner, this.name, String(value))) native(value);
    });
  }
  // The markup observer is only needed while the parser inserts nodes, and a
  // MutationRecord for every node a script inserts would cost more than the page's
  // own work (bench: 10,000 elements). So a script's first insertion pauses it until
  // the script ends: the parser always runs a microtask checkpoint before it goes on.
  let observer: MutationObserver | undefined;
  let paused = false;
  const observe = () => observer?.observe(realm.document, { childList: true, subtree: true });
  const judgeRecords = (records: MutationRecord[]) => {
    for (const record of records)
      for (const node of record.addedNodes) {
        judgeTree(node, PARSED);
        guardFramesIn(node);
      }
  };
  const pause = () => {
    if (observer && !paused) {
      paused = true;
      judgeRecords(observer.takeRecords());
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
      const deferred = judgeTree(node as Node, PRESENT);
      pause();
      // The same number of arguments: insertBefore with one must still throw as it does natively.
      const result = arguments.length < 2 ? native.call(this, node) : native.call(this, node, other);
      if (deferred) judgeTree(node as Node, PRESENT);
      guardFramesIn(node);
      return result;
    },
  );
  for (const owner of [Element, Document, DocumentFragment]) {
    patchMethods(owner.prototype, 'append prepend before after replaceWith replaceChildren insertAdjacentElement moveBefore', (native) =>
      function (this: unknown, ...args: unknown[]) {
        let deferred: boolean | void = false;
        for (let i = 0; i < args.length; i++) deferred = judgeTree(args[i] as Node, PRESENT) || deferred;
        pause();
        const result = native.apply(this, args);
        for (let i = 0; i < args.length; i++) {
          if (deferred) judgeTree(args[i] as Node, PRESENT);
          guardFramesIn(args[i]);
        }
        return result;
      },
    );
  }
  // A clone of a node (or one imported from another document) loads what it names as soon as it exists.
  for (const [owner, names] of [
    [Node, 'cloneNode'],
    [Document, 'importNode adoptNode'],
  ] as const) {
    patchMethods(owner.prototype, names, (native) =>
      function (this: unknown, ...args: unknown[]) {
        const node = native.apply(this, args) as Node;
        judgeTree(node, PRESENT);
        return node;
      },
    );
  }

  // HTML strings: judged as markup before the browser parses them (a tracker iframe would start
  // navigating the moment it is connected), then what was inserted is judged (tagged elements).
  for (const [owner, name] of [
    [Element, 'innerHTML'],
    [Element, 'outerHTML'],
    [ShadowRoot, 'innerHTML'],
  ] as const) {
    patchSetter(owner.prototype, name, function (markup, native) {
      const parent = name == 'outerHTML' ? this.parentNode : this;
      native(typeof markup == 'string' ? judgeMarkup(markup, this.ownerDocument) : markup);
      judgeTree(parent, PRESENT);
      guardFramesIn(parent);
    });
  }
  for (const owner of [Element, ShadowRoot]) {
    patchMethods(owner.prototype, 'insertAdjacentHTML setHTMLUnsafe', (native, method) =>
      function (this: Element, ...args: unknown[]) {
        const at = method == 'setHTMLUnsafe' ? 0 : 1;
        if (typeof args[at] == 'string') args[at] = judgeMarkup(args[at] as string, this.ownerDocument);
        native.apply(this, args);
        // A detached element's own content loads too (images): judge it when there is no parent.
        judgeTree(this.parentNode || this, PRESENT);
        guardFramesIn(this.parentNode);
      },
    );
  }
  patchMethods(Range.prototype, 'createContextualFragment', (native) =>
    function (this: Range, ...args: unknown[]) {
      const fragment = native.apply(this, args) as DocumentFragment;
      judgeTree(fragment, PRESENT);
      return fragment;
    },
  );
  guardWrite(realm, () => {
    // Written HTML goes through the parser: let the observer see it.
    if (paused) {
      paused = false;
      observe();
    }
  });

  if (realm != window) return;
  watchMarkup = () => {
    watchMarkup = () => {};
    if (document.readyState != 'loading') return;
    observer = new MutationObserver(judgeRecords);
    observe();
    document.addEventListener('DOMContentLoaded', () => {
      judgeRecords(observer!.takeRecords());
      observer!.disconnect();
      observer = undefined;
    });
  };
}
