/**
 * Reading an inline script the way the tagger needs: which tracker URLs its
 * string literals name, and whether it does something that loads a URL.
 * JavaScript is tokenised with acorn (comments and regular expressions are
 * never mistaken for strings); only the literals' contents are searched for
 * URLs.
 *
 * A script is a loader when BOTH hold:
 * - a string or template literal names a tracker URL: an absolute or
 *   protocol-relative URL anywhere in it (also after `unescape`, for
 *   `document.write(unescape("%3Cscript src=…"))`), a literal that starts
 *   with a host and a path (`"s22.cnzz.com/z_stat.php…"`, the form glued to a
 *   protocol chosen at run time), or a bare file path judged by the rules'
 *   paths (`'matomo.js'` for a self-hosted Matomo);
 * - the code has a loading construct: an assignment to `.src`/`.srcset`,
 *   `setAttribute('src'|'srcset'|'href', …)`, `document.write`/`writeln`,
 *   `new Image`, `fetch(`, `sendBeacon(`, `import(`, a module's `import "…"`, `importScripts(`,
 *   `getScript(`, `insertAdjacentHTML`, or an `innerHTML` assignment.
 * A first-party script that only mentions a tracker's address in a string
 * (a link, a message, a setting) has no such construct and is left alone.
 */
import { tokenizer, tokTypes as tt, type Token as AcornToken } from 'acorn';

/** acorn's tokens carry their value (a string literal's contents, a name), which its types leave out. */
type Token = AcornToken & { value?: unknown };

/** A call (by name) that loads what it is given. */
const LOADING_CALLS = new Set(['write', 'writeln', 'fetch', 'sendBeacon', 'importScripts', 'getScript', 'insertAdjacentHTML']);
/** Properties whose assignment loads a URL. */
const LOADING_PROPERTIES = new Set(['src', 'srcset', 'innerHTML']);
/** Attributes whose `setAttribute` loads a URL. */
const LOADING_ATTRIBUTES = /^(src|srcset|href)$/i;

/** Absolute (`https://…`, `wss://…`) and protocol-relative (`//host/…`) URLs inside a text. */
const EMBEDDED_URL = /(?:\b(?:https?|wss?):)?\/\/[^\s'"<>\\()`]+/gi;
/** A literal that starts with a host and a path: the part after a protocol chosen at run time (`"s22.cnzz.com/z_stat.php…"`). */
const HOST_AND_PATH = /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?\/[^\s'"<>\\()`]*/i;
/** A literal that is a relative file path (`matomo.js`, `/stats/piwik.php`). */
const FILE_PATH = /^(?:\.{0,2}\/)?[\w~-]+(?:[./][\w~-]+)*\.[a-z]{2,4}$/i;

/** What one inline script is, for the tagger. */
export interface ScriptReading {
  /** URLs named by its literals (unresolved; the caller resolves and judges them). */
  urls: string[];
  /** Whether it has a loading construct. */
  loads: boolean;
  /** Set when the text could not be tokenised as JavaScript (then nothing else is known). */
  unreadable?: string;
}

/** The URLs a string literal's value may name, in the order found. */
export function urlsInLiteral(value: string): string[] {
  const found: string[] = [];
  const texts = [value];
  if (/%[0-9a-f]{2}/i.test(value)) texts.push(unescape(value));
  for (const text of texts) {
    for (const match of text.matchAll(EMBEDDED_URL)) found.push(match[0]);
    const hostAndPath = HOST_AND_PATH.exec(text.trim());
    if (hostAndPath) found.push('https://' + hostAndPath[0]);
  }
  if (FILE_PATH.test(value.trim())) found.push(value.trim());
  return [...new Set(found)];
}

/** Reads `code` (a classic script, or a module when `module`). Never throws. */
export function readScript(code: string, module = false): ScriptReading {
  const tokens: Token[] = [];
  try {
    for (const token of tokenizer(code, { ecmaVersion: 'latest', sourceType: module ? 'module' : 'script', allowHashBang: true })) tokens.push(token);
  } catch (error) {
    return { urls: [], loads: false, unreadable: (error as Error).message };
  }
  const urls: string[] = [];
  let loads = false;
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    const afterDot = tokens[i - 1]?.type === tt.dot;
    if (token.type === tt.string || token.type === tt.template) {
      if (typeof token.value === 'string') urls.push(...urlsInLiteral(token.value));
    } else if (token.type === tt.name) {
      const name = token.value as string;
      if (afterDot && LOADING_PROPERTIES.has(name) && next?.type === tt.eq) loads = true;
      else if (LOADING_CALLS.has(name) && next?.type === tt.parenL) loads = true;
      else if (name === 'setAttribute' && next?.type === tt.parenL) {
        const attribute = tokens[i + 2];
        if (attribute?.type === tt.string && LOADING_ATTRIBUTES.test(attribute.value as string)) loads = true;
      } else if (name === 'Image' && tokens[i - 1]?.type === tt._new) loads = true;
    } else if (token.type === tt._import && (next?.type === tt.parenL || next?.type === tt.string)) loads = true;
  });
  return { urls: [...new Set(urls)], loads };
}
