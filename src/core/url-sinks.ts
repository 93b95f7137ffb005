/**
 * Every place in markup where a URL makes the browser load something, as
 * data: the guard judges each of them however it is set (property, any form
 * of setAttribute, HTML strings, markup, clones), and the tagging tool
 * rewrites them in HTML files, from this one table, so the two cannot
 * disagree. A new sink is one row.
 *
 * The table is written by attribute: `kind attribute tag tag …`, where
 * - `kind` is how the value names URLs (see `UrlKind`);
 * - `attribute` is as written (`xlink:href` with its prefix);
 * - each `tag` is an element's local name as the parser makes it (SVG keeps
 *   its case: `feImage`), or `*` for every element.
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
  // Scripts, images and frames; media; SVG resources (scripts, images, references)
  'u src script img source input iframe frame embed video audio track,' +
  's srcset img source,' +
  'u href script link image use feImage,' +
  'u xlink:href script image use feImage,' +
  // Embedded documents and objects
  'h srcdoc iframe,u data object,u codebase object,' +
  // Links (preload, prefetch, modulepreload, preconnect, dns-prefetch, stylesheet, icon, manifest…) and their image candidates
  's imagesrcset link,' +
  'u poster video,' +
  // Legacy backgrounds
  'u background body table td th,' +
  // Beacons sent on a click or a submit
  'l ping a area,u action form,u formaction button input,' +
  // Inline styles
  'c style *';

/** The rows by attribute: the guard asks for every attribute a page sets. */
const BY_ATTRIBUTE = new Map<string, UrlSink[]>();

/** The table, one object per element and attribute. */
export const URL_SINKS: readonly UrlSink[] = TABLE.split(',').flatMap((row) => {
  const [kind, attribute, ...tags] = row.split(' ') as [UrlKind, string, ...string[]];
  const sinks = tags.map((tag) => ({ tag, attribute, kind }));
  BY_ATTRIBUTE.set(attribute, sinks);
  return sinks;
});

/** The attribute names of the table (for a selector of every element that may hold a sink). */
export const SINK_ATTRIBUTES: readonly string[] = [...BY_ATTRIBUTE.keys()];

/**
 * The sink an attribute of an element is, or undefined. Both names are matched
 * case-insensitively (the DOM upper-cases HTML tag names; HTML attributes are
 * case-insensitive).
 */
export function sinkOf(tag: string, attribute: string): UrlSink | undefined {
  const element = tag.toLowerCase();
  return BY_ATTRIBUTE.get(attribute.toLowerCase())?.find((sink) => sink.tag === '*' || sink.tag.toLowerCase() === element);
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

/**
 * The URLs of a one-URL, srcset or list value (the kinds the guard's head
 * reads itself; CSS and HTML are the service worker's and the tagger's there).
 */
export function readUrls(kind: UrlKind, value: string): string[] {
  return kind == 'u' ? (value.trim() ? [value.trim()] : []) : kind == 's' ? srcsetUrls(value) : kind == 'l' ? value.split(/\s+/).filter(Boolean) : [];
}
