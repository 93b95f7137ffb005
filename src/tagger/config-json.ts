/**
 * The page's Consentry config as the tagger sees it: the JSON text of
 * `#consentry-config`, its site rules, and the one edit the tagger makes to
 * it (`"observeMarkup": false`, written into the text as it stands so the
 * owner's formatting and key order stay).
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { resolveConfig } from '../core/config';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type Element = DefaultTreeAdapterMap['element'];
import { isPlainObject } from '../core/objects';
import type { TrackerRule } from '../core/types';

/** What the tagger read from the config text. */
export type ConfigReading =
  | { ok: true; rules: readonly TrackerRule[]; observeMarkup: unknown }
  | { ok: false; problem: string };

/** Reads a config text as the guard does (empty is `{}`), validated by `resolveConfig`. */
export function readConfigText(text: string): ConfigReading {
  let user: unknown;
  try {
    user = JSON.parse(text.trim() || '{}');
  } catch (error) {
    return { ok: false, problem: `#consentry-config is not valid JSON (${(error as Error).message})` };
  }
  if (!isPlainObject(user)) return { ok: false, problem: '#consentry-config must be a JSON object' };
  const { config, problems, invalid } = resolveConfig(user);
  if (invalid) {
    const errors = problems.filter((p) => !p.warning).map((p) => p.message);
    return { ok: false, problem: `#consentry-config is invalid: ${errors.join('; ')}` };
  }
  return { ok: true, rules: config.rules, observeMarkup: user.observeMarkup };
}

/**
 * `text` with `"observeMarkup": false` as the object's first key, laid out
 * like the key after it (its own line and indent, or inline), or undefined
 * when the text is not a JSON object. The rest of the text is unchanged.
 */
export function withObserveMarkupOff(text: string): string | undefined {
  const open = text.search(/\S/);
  if (open < 0) return '{ "observeMarkup": false }';
  if (text[open] !== '{') return undefined;
  const after = text.slice(open + 1);
  const empty = /^\s*\}/.test(after);
  const layout = /^(\s*)/.exec(after)![1]!;
  const key = '"observeMarkup": false';
  const result = empty
    ? text.slice(0, open + 1) + (layout.includes('\n') ? layout + '  ' + key : ' ' + key + (layout ? '' : ' ')) + after
    : text.slice(0, open + 1) + (layout.includes('\n') || layout ? layout + key + ',' : key + ', ') + after;
  try {
    const parsed = JSON.parse(result);
    return isPlainObject(parsed) && parsed.observeMarkup === false ? result : undefined;
  } catch {
    return undefined;
  }
}

/** The text of a page's `#consentry-config` element (the first element with that id in document order, as `getElementById` finds it), or undefined. */
export function findConfigText(html: string): string | undefined {
  const find = (node: ParentNode): Element | undefined => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      if (child.attrs.some((a) => a.name === 'id' && a.value === 'consentry-config')) return child;
      const inside = find(child);
      if (inside) return inside;
    }
    return undefined;
  };
  const element = find(parse(html));
  return element?.childNodes.map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterMap['textNode']).value : '')).join('');
}
