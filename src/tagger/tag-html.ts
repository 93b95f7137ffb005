/**
 * The tagger: HTML in, HTML out, with every tracker element rewritten to
 * Consentry's tagged form (README "Tagged"), everything else byte for byte
 * as it was, and a report of what changed and why.
 *
 * The document is parsed with parse5, as a browser parses it (so `<template>`
 * content, `<noscript>` text, comments and conditional comments are what they
 * are to the browser: inert), keeping source positions; the output is the
 * input with small edits spliced in at those positions, never a
 * re-serialisation. Which attributes load URLs comes from the guard's own
 * table (core/url-sinks.ts), which URL belongs to which category from the
 * guard's rules (the page's site rules first, then the built-in ones): the
 * tagger and the guard cannot disagree.
 *
 * The tagged form, per element:
 * - `<script>` (a tracker `src`, or an inline loader, see script-reading.ts):
 *   `type="text/plain" data-consent="…"`, its own `type` kept in `data-type`,
 *   `src` kept (a text/plain script is never fetched);
 * - `<style>` whose CSS loads a tracker URL: the same (`type="text/plain"`,
 *   `type` kept in `data-type`);
 * - any other element: each URL attribute that names a tracker (`src`,
 *   `srcset`, `href`, `poster`, `imagesrcset`, `style`, `ping`, …) renamed
 *   `data-<attribute>`, plus `data-consent="…"`.
 * An element that already has `data-consent` keeps it (the owner's choice);
 * only what still loads is neutralised. Tagging a tagged page changes nothing.
 *
 * Pure: no file system, no DOM.
 */
import { parse, type DefaultTreeAdapterMap, type ParserError } from 'parse5';
import { BUILTIN_RULES } from '../core/rules';
import { EMBED_RULES } from '../core/embed-rules';
import type { TrackerRule } from '../core/types';
import { ruleForUrl } from '../core/url-match';
import { cssUrls, urlsOf } from '../core/css-urls';
import { sinkOf } from '../core/url-sinks';
import { readConfigText, withObserveMarkupOff } from './config-json';
import { readScript } from './script-reading';
import { applyEdits, type Edit } from './splice';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type TextNode = DefaultTreeAdapterMap['textNode'];

/** A place in the input: 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** One element the tagger rewrote. */
export interface TagChange extends Position {
  /** What it was, e.g. `<script src>`, `inline <script>`, `<img src srcset>`. */
  element: string;
  /** What was done, e.g. `type="text/plain"`, `src → data-src`. */
  action: string;
  /** The categories it now waits for (its `data-consent`). */
  categories: string[];
  /** The tracker hosts that made it a tracker element. */
  hosts: string[];
}

/** Something the tagger saw and did not change, with why. */
export interface TagNote extends Position {
  message: string;
}

/** What happened to the config's `observeMarkup`. */
export type ObserveMarkupOutcome =
  | { status: 'written' }
  | { status: 'already' }
  | { status: 'left'; reason: string };

export interface TagResult {
  /** The tagged HTML (=== the input when nothing changed). */
  html: string;
  changes: TagChange[];
  /** Tracker elements that could not be tagged: the guard's markup observer is still needed for them. */
  untagged: TagNote[];
  /** Parse errors and other doubts: reported, never fatal, never a reason to lose data. */
  warnings: TagNote[];
  observeMarkup: ObserveMarkupOutcome;
  /** Whether the page loads the Consentry guard (a `<script src>` ending in `consentry.js`); tagged elements wait for it. */
  hasGuard: boolean;
}

export interface TagOptions {
  /** Rules checked before the page's own site rules and the built-in ones (e.g. a build's shared site rules). */
  rules?: readonly TrackerRule[];
  /**
   * Whether to write `"observeMarkup": false` into `#consentry-config` once
   * every tracker element is tagged (default true). With no config element,
   * one is created just before the guard's `<script>`.
   */
  observeMarkup?: boolean;
}

/** The page URL relative URLs are judged against when the page has no `<base href>`: only path rules can match them. */
const PAGE = 'https://page.invalid/';
/** JavaScript types a `<script type>` may have for the browser to run it (HTML's JavaScript MIME type essences, plus `module`). */
const SCRIPT_TYPES =
  /^(|module|(application|text)\/(ecmascript|javascript|x-ecmascript|x-javascript)|text\/(javascript1\.[0-5]|jscript|livescript))$/;
const GUARD_FILE = /(^|\/)consentry\.js$/;

const attr = (element: Element, name: string) => element.attrs.find((a) => (a.prefix ? `${a.prefix}:${a.name}` : a.name) === name)?.value;
const fullName = (a: Element['attrs'][number]) => (a.prefix ? `${a.prefix}:${a.name}` : a.name);
const isScript = (element: Element) => element.tagName === 'script';
const scriptType = (element: Element) => (attr(element, 'type') ?? '').trim().toLowerCase();
const textOf = (element: Element) => element.childNodes.map((c) => (c.nodeName === '#text' ? (c as TextNode).value : '')).join('');

/** Every element in document order, template contents left out (they are inert until a script clones them). */
function* elements(node: Node): Generator<Element> {
  for (const child of (node as Element).childNodes ?? []) {
    if ('tagName' in child) {
      yield child;
      yield* elements(child);
    }
  }
}

/** Tags the trackers in `html`; see the module comment. Never throws on any input text. */
export function tagHtml(html: string, options: TagOptions = {}): TagResult {
  const bom = html.startsWith('\uFEFF') ? '\uFEFF' : '';
  const source = html.slice(bom.length);
  const errors: ParserError[] = [];
  const document = parse(source, { sourceCodeLocationInfo: true, onParseError: (error) => errors.push(error) });
  const all = [...elements(document)];

  const warnings: TagNote[] = errors.map((e) => ({ line: e.startLine, column: e.startCol, message: `HTML parse error: ${e.code}` }));
  const untagged: TagNote[] = [];
  const changes: TagChange[] = [];
  const edits: Edit[] = [];

  // The page's config: its site rules come before the built-in ones, as in the guard.
  const configElement = all.find((e) => attr(e, 'id') === 'consentry-config');
  const config = configElement ? readConfigText(textOf(configElement)) : undefined;
  if (config && !config.ok) warnings.push({ ...startOf(configElement!), message: `${config.problem}; judged with the built-in rules only` });
  // The embeds the guard does not build in are tagged too: tagged, they need no rule in the page.
  const rules = [...(options.rules ?? []), ...(config?.ok ? config.rules : []), ...BUILTIN_RULES, ...EMBED_RULES];

  // Relative URLs are judged against the first <base href>, as the browser resolves them.
  const baseHref = all.find((e) => e.tagName === 'base' && attr(e, 'href') !== undefined);
  let base = PAGE;
  try {
    if (baseHref) base = new URL(attr(baseHref, 'href')!.trim(), PAGE).href;
  } catch {
    // An unusable base: the browser ignores it too.
  }

  /** The tracker rule a URL belongs to (a `necessary` rule lets it through), or undefined. */
  const trackerRule = (url: string): TrackerRule | undefined => {
    try {
      const rule = ruleForUrl(rules, new URL(url, base));
      return rule && rule.category !== 'necessary' ? rule : undefined;
    } catch {
      return undefined;
    }
  };

  /** The categories and hosts of the tracker URLs among `urls`. */
  const judge = (urls: string[]) => {
    const categories: string[] = [];
    const hosts: string[] = [];
    for (const url of urls) {
      const rule = trackerRule(url);
      if (!rule) continue;
      if (!categories.includes(rule.category)) categories.push(rule.category);
      // A URL on the page's own host (a path rule: self-hosted Matomo) is named by its path.
      const resolved = new URL(url, base);
      const host = resolved.host === new URL(PAGE).host ? resolved.pathname : resolved.host;
      if (!hosts.includes(host)) hosts.push(host);
    }
    return { categories, hosts };
  };

  for (const element of all) {
    if (isScript(element) && !SCRIPT_TYPES.test(scriptType(element))) continue; // data blocks and tagged scripts never run
    const found = { categories: [] as string[], hosts: [] as string[] };
    const merge = (more: { categories: string[]; hosts: string[] }) => {
      for (const c of more.categories) if (!found.categories.includes(c)) found.categories.push(c);
      for (const h of more.hosts) if (!found.hosts.includes(h)) found.hosts.push(h);
    };
    /** Attributes to rename `data-…`. */
    const rename: string[] = [];
    let blockAsScript = false;
    let description = `<${element.tagName}`;

    for (const attribute of element.attrs) {
      const name = fullName(attribute);
      const sink = sinkOf(element.tagName, name);
      if (!sink) continue;
      let judged;
      if (sink.kind === 'h') {
        const inner = tagHtml(attribute.value, { rules, observeMarkup: false });
        judged = {
          categories: [...new Set(inner.changes.flatMap((c) => c.categories))],
          hosts: [...new Set(inner.changes.flatMap((c) => c.hosts))],
        };
      } else {
        judged = judge(urlsOf(sink.kind, attribute.value));
      }
      if (!judged.categories.length) continue;
      merge(judged);
      description += ' ' + name;
      // A script (HTML or SVG) is kept from running by its type; its URL stays.
      if (isScript(element)) blockAsScript = true;
      else rename.push(name);
    }
    if (isScript(element) && !found.categories.length && !attr(element, 'src') && !attr(element, 'href') && !attr(element, 'xlink:href')) {
      const reading = readScript(textOf(element), scriptType(element) === 'module');
      if (reading.unreadable) {
        warnings.push({ ...startOf(element), message: `inline <script> is not readable JavaScript (${reading.unreadable}): left as is` });
      } else if (reading.loads) {
        const judged = judge(reading.urls);
        if (judged.categories.length) {
          merge(judged);
          blockAsScript = true;
          description = 'inline <script';
        }
      }
    }
    if (element.tagName === 'style' && /^(|text\/css)$/.test((attr(element, 'type') ?? '').trim().toLowerCase())) {
      const judged = judge(cssUrls(textOf(element)));
      if (judged.categories.length) {
        merge(judged);
        blockAsScript = true;
      }
    }
    if (!found.categories.length) continue;
    description += '>';

    const location = element.sourceCodeLocation?.startTag;
    const where = location ? { line: location.startLine, column: location.startCol } : { line: 0, column: 0 };
    const cannot = (why: string) => untagged.push({ ...where, message: `${description} (${found.hosts.join(', ')}, ${found.categories.join(' ')}) not tagged: ${why}` });
    if (!location) {
      cannot('the parser created this element (misnested markup), so it has no place in the source; fix the markup');
      continue;
    }
    if (errors.some((e) => e.code === 'duplicate-attribute' && e.startOffset >= location.startOffset && e.startOffset < location.endOffset)) {
      cannot('an attribute is written twice; the browser ignores the second, which renaming the first would bring to life');
      continue;
    }
    const taken = [...rename, ...(blockAsScript && attr(element, 'type') !== undefined ? ['type'] : [])].filter((name) => attr(element, 'data-' + name) !== undefined);
    if (taken.length) {
      cannot(`it already has ${taken.map((name) => `data-${name}`).join(', ')}, where the tagged form keeps ${taken.join(', ')}`);
      continue;
    }

    const owned = attr(element, 'data-consent');
    const categories = owned === undefined ? found.categories : owned.split(/\s+/).filter(Boolean);
    const actions: string[] = [];
    const added: string[] = [];
    const afterName = location.startOffset + 1 + element.tagName.length;
    if (blockAsScript) {
      const typeLocation = element.sourceCodeLocation!.attrs?.type;
      if (typeLocation) {
        edits.push({ start: typeLocation.startOffset, end: typeLocation.startOffset, insert: 'data-' });
        actions.push('type → data-type');
      }
      added.push('type="text/plain"');
    }
    for (const name of rename) {
      const at = element.sourceCodeLocation!.attrs![name]!.startOffset;
      edits.push({ start: at, end: at, insert: 'data-' });
      actions.push(`${name} → data-${name}`);
    }
    if (owned === undefined) added.push(`data-consent="${categories.join(' ')}"`);
    if (added.length) edits.push({ start: afterName, end: afterName, insert: ' ' + added.join(' ') });
    changes.push({ ...where, element: description, action: [...added, ...actions].join(', '), categories, hosts: found.hosts });
  }

  const guard = all.find((e) => isScript(e) && GUARD_FILE.test((attr(e, 'src') ?? '').split(/[?#]/)[0]!.trim()));
  const observeMarkup = observeMarkupEdit(source, configElement, config, guard, untagged, options.observeMarkup !== false, edits);
  const out = edits.length ? bom + applyEdits(source, edits) : html;
  return { html: out, changes, untagged, warnings, observeMarkup, hasGuard: guard !== undefined };
}

function startOf(element: Element): Position {
  const at = element.sourceCodeLocation?.startTag ?? element.sourceCodeLocation;
  return { line: at?.startLine ?? 0, column: at?.startCol ?? 0 };
}

/**
 * Decides `observeMarkup` and adds its edit: `false` is written only when
 * nothing is left untagged and the config is valid JSON the guard accepts;
 * an owner's explicit value is never changed.
 */
function observeMarkupEdit(
  source: string,
  configElement: Element | undefined,
  config: ReturnType<typeof readConfigText> | undefined,
  guard: Element | undefined,
  untagged: TagNote[],
  wanted: boolean,
  edits: Edit[],
): ObserveMarkupOutcome {
  if (!wanted) return { status: 'left', reason: 'not asked to' };
  if (untagged.length) return { status: 'left', reason: 'something could not be tagged: the guard must keep watching the markup' };
  if (config && !config.ok) return { status: 'left', reason: config.problem };
  if (config?.ok && config.observeMarkup === false) return { status: 'already' };
  if (config?.ok && config.observeMarkup !== undefined) return { status: 'left', reason: `the config sets observeMarkup to ${JSON.stringify(config.observeMarkup)}; left as written` };
  if (configElement) {
    if (!isScript(configElement)) return { status: 'left', reason: '#consentry-config is not a <script type="application/json">' };
    const start = configElement.sourceCodeLocation?.startTag?.endOffset;
    const end = configElement.sourceCodeLocation?.endTag?.startOffset ?? source.length;
    if (start === undefined) return { status: 'left', reason: '#consentry-config has no place in the source' };
    const text = source.slice(start, end);
    const written = withObserveMarkupOff(text);
    if (written === undefined) return { status: 'left', reason: '#consentry-config could not be edited as JSON' };
    edits.push({ start, end, insert: written });
    return { status: 'written' };
  }
  const at = guard?.sourceCodeLocation?.startTag?.startOffset;
  if (at === undefined) return { status: 'left', reason: 'no #consentry-config and no Consentry guard <script> to put one before' };
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  const indent = /^[ \t]*$/.test(source.slice(lineStart, at)) ? '\n' + source.slice(lineStart, at) : '';
  edits.push({ start: at, end: at, insert: `<script type="application/json" id="consentry-config">{ "observeMarkup": false }</script>${indent}` });
  return { status: 'written' };
}
