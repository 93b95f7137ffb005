/**
 * The URLs CSS loads, read as CSS Syntax 3 tokenizes them. Its own module:
 * the patterns are built when the module loads, and the guard's head, which
 * leaves CSS to the service worker, must not carry them (the tagging tool
 * and the tests read CSS).
 */
import { readUrls, type UrlKind } from './url-sinks';

/** CSS whitespace (CSS Syntax 3), in a regular expression. */
const CSS_SPACE = String.raw`(?:\r\n|[\t\n\f\r ])`;

/**
 * An escape, read one way only (so a long run of escapes cannot make the
 * expression backtrack exponentially): 6 hex digits, or 1–5 not followed by
 * another, then one whitespace or none (so `url(\68 ttps://…)` stays one
 * URL); or a backslash before any other character.
 */
const CSS_ESCAPE = String.raw`\\(?:(?:[0-9a-f]{6}|[0-9a-f]{1,5}(?![0-9a-f]))(?:${CSS_SPACE}|(?!${CSS_SPACE}))|[^0-9a-f])`;

/** A quoted CSS string: it ends at its quote, or (a bad string, as the tokenizer has it) at a newline that is not escaped. */
const CSS_STRING = String.raw`"(?:[^"\\\n\f\r]|${CSS_ESCAPE})*"|'(?:[^'\\\n\f\r]|${CSS_ESCAPE})*'`;

/**
 * A comment (skipped: the browser ignores what is in it, and a quote in it
 * must not open a string that hides the next `url()`); `url(…)` (a string,
 * or unquoted up to whitespace or `)`); `@import "…"`; `image-set(`; any
 * string (a URL when inside an image-set).
 */
const CSS_URLS = new RegExp(
  String.raw`/\*[\s\S]*?(?:\*/|$)|url\(${CSS_SPACE}*(${CSS_STRING}|(?:[^)\t\n\f\r \\]|${CSS_ESCAPE})*)${CSS_SPACE}*\)|@import${CSS_SPACE}*(${CSS_STRING})|image-set\(|(${CSS_STRING})`,
  'gi',
);

/**
 * A CSS string or URL's value, as CSS Syntax 3 "consumes an escaped code
 * point": a hex escape (1–6 digits, and one whitespace after it) is its code
 * point (0, a surrogate or one past U+10FFFF is U+FFFD), an escaped newline
 * continues the line, any other escaped character is itself.
 */
const unescapeCss = (text: string) =>
  text.replace(/\\(?:([0-9a-f]{1,6})(?:\r\n|[\t\n\f\r ])?|(\r\n|[\n\f\r])|([\s\S]))/gi, (_, hex?: string, newline?: string, char?: string) => {
    if (newline) return '';
    if (!hex) return char!;
    const code = parseInt(hex, 16);
    return String.fromCodePoint(code == 0 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff ? 0xfffd : code);
  });

/**
 * The URLs CSS loads: `url(…)` (quoted or not), the strings of `image-set(…)`
 * and `@import "…"`, with CSS escapes undone (a tracker URL written with
 * `\68 ttps:` escapes is still read). (CSS that spells `url` itself with
 * escapes is beyond this reading: the service worker catches what it loads.)
 */
export function cssUrls(css: string): string[] {
  const urls: string[] = [];
  // The end of the `image-set(…)` being read: quoted strings before it are image URLs.
  let setEnd = -1;
  for (const match of css.matchAll(CSS_URLS)) {
    const [found, inUrl, imported, quoted] = match;
    if (/^image-set/i.test(found)) {
      setEnd = imageSetEnd(css, match.index + found.length);
      continue;
    }
    const url = inUrl || imported || (match.index < setEnd ? quoted : '');
    // Quotes off, escapes undone.
    if (url) urls.push(unescapeCss(url.replace(/^(["'])([\s\S]*)\1$/, '$2')));
  }
  return urls.filter(Boolean);
}

/** Where the `image-set(` whose arguments start at `at` ends: at its `)`, skipping escapes, strings (to their quote or a newline) and nested parentheses. */
function imageSetEnd(css: string, at: number): number {
  for (let depth = 1; at < css.length; at++) {
    const c = css[at];
    if (c == '\\') at++;
    else if (c == '"' || c == "'") {
      for (at++; at < css.length && css[at] != c && !/[\n\f\r]/.test(css[at]!); at++) if (css[at] == '\\') at++;
    } else if ((depth += c == '(' ? 1 : c == ')' ? -1 : 0) == 0) return at;
  }
  return at;
}

/** The URLs a sink's value names (for `h`, none: an HTML document is judged as a whole). */
export function urlsOf(kind: UrlKind, value: string): string[] {
  return kind == 'c' ? cssUrls(value) : kind == 'h' ? [] : readUrls(kind, value);
}

