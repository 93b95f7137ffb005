/**
 * Judging one attribute of one element against the URL-sink table
 * (src/core/url-sinks.ts), however it is being set, and holding what names a
 * denied tracker in the tagged form the runtime releases:
 * - a script is marked `type="text/plain"` (its own type kept in
 *   `data-type`); a script made by a script keeps its URL in `held.scripts`,
 *   so the same element gets it back;
 * - a pixel (`<img>`) is a hit: held while the visitor decides (./hits.ts),
 *   refused once they have refused;
 * - any other sink keeps its value in `data-<attribute>`;
 * - a `ping` list just loses its tracker URLs, and `srcdoc` is judged as HTML.
 * CSS (`style`, `<style>`, style sheets) is not read here: the head's bytes
 * cannot hold a CSS reader, so CSS is the service worker's to refuse (and the
 * tagging tool's to tag in HTML).
 * Every held element carries `data-consent`, the categories it waits for.
 */
import { readUrls, SINK_ATTRIBUTES, sinkOf } from '../../core/url-sinks';
import type { TrackerRule } from '../../core/types';
import { categoriesOf, inspected, isReleasable, natives, releasing, scripts, self, untagged } from './held';
import { holdHit } from './hits';
import { plugins } from './plugins';
import { deniedRule } from './rules';

/**
 * Where a value being judged stands (numbers: they are in every page view's bytes):
 * - `SET`: about to be set (nothing loaded yet);
 * - `PRESENT`: already on an element a script is inserting (nothing loaded yet, but the attribute is live);
 * - `PARSED`: put there by the HTML parser (the browser's preload scanner may have requested it already);
 * - `MARKUP`: on a stand-in parsed from an HTML string into an inert template, which the page's parse replaces.
 */
export const SET = 0;
export const PRESENT = 1;
export const PARSED = 2;
export const MARKUP = 3;
export type Stage = typeof SET | typeof PRESENT | typeof PARSED | typeof MARKUP;

/** The base URL of the document an HTML string is parsed for (see `judgeMarkup`). */
let markupBase = '';

/** Every element that may hold a sink, or is tagged. */
export const SINK_SELECTOR = SINK_ATTRIBUTES.map((name) => `[${name.replace(':', '\\:')}]`).join() + ',[data-consent]';

/** Set an attribute with the native method (our own writes are never judged again). */
const set = (element: Element, name: string, value: string) => natives.setAttribute.call(element, name, value);

/** A pixel that was not requested fails like one blocked by the browser. */
const failImage = (image: Element) => setTimeout(() => image.dispatchEvent(new Event('error')));

/** Add `category` to what `element` waits for. */
function tagWith(element: Element, category: string): void {
  const waits = categoriesOf(element);
  if (!waits.includes(category)) set(element, 'data-consent', [...waits, category].join(' '));
}

/** Mark a script as held: `text/plain`, its own type kept for its release. */
export function markHeld(element: Element, category: string): void {
  const type = element.getAttribute('type');
  if (type !== null && type != 'text/plain') set(element, 'data-type', type);
  set(element, 'type', 'text/plain');
  tagWith(element, category);
}

/**
 * Judge `value` as attribute `name` of `element`. Returns true when it dealt
 * with it (held, or set in a judged form) and the caller must not set it.
 */
export function hold(element: Element, name: string, value: string, stage: Stage = SET): boolean {
  const sink = sinkOf(element.localName, name);
  if (!sink) return false;
  // A stand-in in a template's inert document has the base URL about:blank: its URLs resolve against the page's.
  const base = stage == MARKUP ? markupBase : element.baseURI;
  if (sink.kind == 'h') {
    // Its own realm runs the head first, which attaches to this page's kernel (./index.ts).
    const judged = judgeMarkup(value, element.ownerDocument, true);
    const next = judged.startsWith(self.attach) ? judged : self.attach + judged;
    if (next == value && stage != SET) return false;
    set(element, name, next);
    return true;
  }
  let rule: TrackerRule | undefined;
  for (const url of readUrls(sink.kind, value)) if ((rule = deniedRule(url, base))) break;
  if (!rule) return false;
  const tag = element.localName;
  const parsed = stage == PARSED;
  const live = stage != SET;
  if (parsed && sink.kind != 'l') untagged.push([tag, name, value, rule]);
  if (sink.kind == 'l') {
    set(element, name, readUrls('l', value).filter((url) => !deniedRule(url, base)).join(' '));
  } else if (tag == 'script') {
    // Made by the parser: it will not run it again, so the runtime runs a copy; else the same element gets its URL back.
    if (stage < PARSED) {
      scripts.set(element, value);
      if (live) element.removeAttribute(name);
    }
    markHeld(element, rule.category);
  } else if (tag == 'img') {
    // A pixel. From the HTML it has been requested already: never again. From a string, a new image sends it.
    if (live) element.removeAttribute(name);
    const send = stage == MARKUP ? () => void (new Image().src = value) : () => set(element, name, value);
    if (parsed || !holdHit(rule.category, 0, send)) failImage(element);
  } else {
    set(element, 'data-' + name, value);
    if (live) {
      // A frame from the HTML is loading it: send it somewhere that loads nothing. Media restart without it.
      if (/^i?frame$/.test(tag) && parsed) set(element, name, 'about:blank');
      else element.removeAttribute(name);
      if (parsed) (element as HTMLMediaElement).load?.();
    }
    tagWith(element, rule.category);
    if (element.isConnected && /^i?frame$/.test(tag)) plugins.placeholder(element as HTMLElement, categoriesOf(element));
  }
  return true;
}

/**
 * Judge a node and its subtree once (on insertion, or when the markup
 * observer sees it): tagged elements get their placeholder and are handed to
 * the release, attributes no setter judged are judged now. Returns true when
 * it left a tagged element that is not in the page yet for later.
 */
export function judgeTree(root: Node | null | undefined, stage: Stage): boolean | void {
  // Cheap checks first: this runs for every node a page inserts.
  const type = root?.nodeType;
  if (type !== 1 && type !== 11) return;
  const element = root as Element;
  const tag = element.localName;
  // A script a released script inserts is released too: its document.write goes to the runtime.
  if (tag == 'script') {
    const current = document.currentScript;
    if (current && releasing.has(current)) releasing.add(element);
  }
  // Most inserted elements name no URL: one native selector match rules them out (no attribute walk, no WeakSet entry).
  const own = type === 1 && element.matches(SINK_SELECTOR);
  if (!own && !element.firstElementChild) return;
  const found: Element[] = own ? [element] : [];
  if (element.firstElementChild) found.push(...element.querySelectorAll(SINK_SELECTOR));
  let release = false;
  let deferred = false;
  for (const node of found) {
    if (inspected.has(node)) continue;
    if (node.hasAttribute('data-consent')) {
      // Judged once in the page: a placeholder needs a place.
      if (!node.isConnected) {
        deferred = true;
        continue;
      }
      inspected.add(node);
      release = true;
      if (/^i?frame$/.test(node.localName) && !isReleasable(node)) plugins.placeholder(node as HTMLElement, categoriesOf(node));
      continue;
    }
    inspected.add(node);
    for (const { name, value } of [...node.attributes]) if (hold(node, name, value, stage)) release = true;
  }
  if (release) plugins.release();
  return deferred;
}

/**
 * HTML about to be parsed into the page (an HTML string, or a `srcdoc`
 * document when `scriptsRun`), with
 * every tracker in it held: parsed first into an inert template of `doc`
 * (nothing in a template loads), judged, and written back only if something
 * was held, so markup without trackers is parsed exactly as given.
 */
export function judgeMarkup(html: string, doc: Document | null = document, scriptsRun?: boolean): string {
  // Relative URLs are first-party unless a <base> says otherwise: most strings need no parse.
  if (!doc || (!/[/:]/.test(html) && new URL(doc.baseURI).origin == location.origin)) return html;
  // Kept for the stand-ins below (a srcdoc among them judges its own document, then this one goes on).
  const outer = markupBase;
  markupBase = doc.baseURI;
  const template = doc.createElement('template');
  natives.innerHTML.set!.call(template, html);
  let held = false;
  for (const node of template.content.querySelectorAll(SINK_SELECTOR)) {
    // Scripts in an HTML string never run; in a `srcdoc` document they do.
    if (node.localName == 'script' && !scriptsRun) continue;
    for (const { name, value } of [...node.attributes]) if (hold(node, name, value, MARKUP)) held = true;
  }
  markupBase = outer;
  return held ? natives.innerHTML.get!.call(template) : html;
}
