/**
 * Every place in markup where a URL makes the browser load something, as
 * data: the guard judges each of them however it is set (property, any form
 * of setAttribute, HTML strings, markup, clones), and the tagging tool
 * rewrites them in HTML files, from this one table, so the two cannot
 * disagree. A new sink is one row.
 *
 * Each row is `tag attribute kind`:
 * - `tag`: the element's local name as the parser makes it (SVG keeps its
 *   case: `feImage`), or `*` for every element;
 * - `attribute`: as written (`xlink:href` with its prefix);
 * - `kind`: how the value names URLs (see `UrlKind`).
 *
 * Pure: no DOM. Kept as one string so the guard's bytes stay small.
 */

/**
 * How an attribute's value names URLs:
 * - `u`: one URL;
 * - `s`: a `srcset` (candidates separated by commas, each a URL and an optional descriptor);
 * - `l`: URLs separated by spaces (`ping`);
 * - `c`: CSS (`url(…)`, `image-set(…)` and `@import` strings);
 * - `h`: HTML (`srcdoc`), judged as a document of its own.
 */
export type UrlKind = 'u' | 's' | 'l' | 'c' | 'h';

export interface UrlSink {
  tag: string;
  attribute: string;
  kind: UrlKind;
}

const TABLE =
  // Scripts (HTML, and SVG's href / xlink:href)
  'script src u,script href u,script xlink:href u,' +
  // Images and responsive sources
  'img src u,img srcset s,source src u,source srcset s,input src u,' +
  // Frames and embedded documents
  'iframe src u,iframe srcdoc h,frame src u,embed src u,object data u,object codebase u,' +
  // Links: preload, prefetch, modulepreload, preconnect, dns-prefetch, stylesheet, icon, manifest…
  'link href u,link imagesrcset s,' +
  // Media
  'video src u,video poster u,audio src u,track src u,' +
  // SVG resources
  'image href u,image xlink:href u,use href u,use xlink:href u,feImage href u,feImage xlink:href u,' +
  // Legacy backgrounds
  'body background u,table background u,td background u,th background u,' +
  // Beacons sent on a click or a submit
  'a ping l,area ping l,form action u,button formaction u,input formaction u,' +
  // Inline styles
  '* style c';

/** The table, one object per row. */
export const URL_SINKS: readonly UrlSink[] = TABLE.split(',').map((row) => {
  const [tag, attribute, kind] = row.split(' ') as [string, string, UrlKind];
  return { tag, attribute, kind };
});

/**
 * The sink an attribute of an element is, or undefined. `tag` is matched
 * case-insensitively (the DOM upper-cases HTML tag names), `attribute` as
 * the DOM reports it (lowercase for HTML).
 */
export function sinkOf(tag: string, attribute: string): UrlSink | undefined {
  const name = attribute.toLowerCase();
  const element = tag.toLowerCase();
  return URL_SINKS.find((sink) => sink.attribute === name && (sink.tag === '*' || sink.tag.toLowerCase() === element));
}

/** HTML's ASCII whitespace; JavaScript's `\s` has more (U+00A0, U+2028…), which a URL may contain. */
const HTML_SPACE = /[\t\n\f\r ]/;

/**
 * The URLs in a `srcset` value, as HTML's "parse a srcset attribute" reads
 * them: each candidate's URL is its run of characters up to ASCII whitespace
 * (commas inside it, as in a `data:` URL, belong to it; trailing ones end the
 * candidate), and its descriptors run to the next comma outside a
 * parenthesis (which, as in the algorithm, does not nest: its first `)` ends
 * it).
 */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  for (let at = 0; at < value.length; ) {
    while (HTML_SPACE.test(value[at] ?? '') || value[at] == ',') at++;
    const start = at;
    while (at < value.length && !HTML_SPACE.test(value[at]!)) at++;
    let url = value.slice(start, at);
    if (/,$/.test(url)) url = url.replace(/,+$/, '');
    else {
      for (let inParens = false; at < value.length && (value[at] != ',' || inParens); at++) inParens = value[at] == '(' || (inParens && value[at] != ')');
      at++;
    }
    if (url) urls.push(url);
  }
  return urls;
}

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
  if (kind === 'u') return value.trim() ? [value.trim()] : [];
  if (kind === 's') return srcsetUrls(value);
  if (kind === 'l') return value.split(/\s+/).filter(Boolean);
  if (kind === 'c') return cssUrls(value);
  return [];
}
