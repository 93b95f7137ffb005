/** The URL-sink table (src/core/url-sinks.ts): each row found by its element and attribute, and each way a value names URLs. */
import { describe, expect, it } from 'vitest';
import { cssUrls, urlsOf } from '../../src/core/css-urls';
import { sinkOf, srcsetUrls, URL_SINKS } from '../../src/core/url-sinks';

describe('URL_SINKS', () => {
  // One row per sink: the element, attribute and kind the guard and the tagger both read.
  it.each([
    ['script', 'src', 'u'],
    ['script', 'href', 'u'],
    ['script', 'xlink:href', 'u'],
    ['img', 'src', 'u'],
    ['img', 'srcset', 's'],
    ['source', 'src', 'u'],
    ['source', 'srcset', 's'],
    ['input', 'src', 'u'],
    ['iframe', 'src', 'u'],
    ['iframe', 'srcdoc', 'h'],
    ['frame', 'src', 'u'],
    ['embed', 'src', 'u'],
    ['object', 'data', 'u'],
    ['object', 'codebase', 'u'],
    ['link', 'href', 'u'],
    ['link', 'imagesrcset', 's'],
    ['video', 'src', 'u'],
    ['video', 'poster', 'u'],
    ['audio', 'src', 'u'],
    ['track', 'src', 'u'],
    ['image', 'href', 'u'],
    ['image', 'xlink:href', 'u'],
    ['use', 'href', 'u'],
    ['use', 'xlink:href', 'u'],
    ['feImage', 'href', 'u'],
    ['feImage', 'xlink:href', 'u'],
    ['body', 'background', 'u'],
    ['table', 'background', 'u'],
    ['td', 'background', 'u'],
    ['th', 'background', 'u'],
    ['a', 'ping', 'l'],
    ['area', 'ping', 'l'],
    ['form', 'action', 'u'],
    ['button', 'formaction', 'u'],
    ['input', 'formaction', 'u'],
    ['*', 'style', 'c'],
  ])('<%s %s> is a sink of kind %s', (tag, attribute, kind) => {
    expect(URL_SINKS).toContainEqual({ tag, attribute, kind });
    expect(sinkOf(tag === '*' ? 'DIV' : tag.toUpperCase(), attribute.toUpperCase())).toEqual({ tag, attribute, kind });
  });

  it('has exactly the rows above (a new row needs a test row)', () => expect(URL_SINKS).toHaveLength(36));

  it.each([
    ['DIV', 'src'],
    ['A', 'href'],
    ['IMG', 'alt'],
    ['SCRIPT', 'type'],
    ['META', 'content'],
  ])('<%s %s> is not a sink', (tag, attribute) => expect(sinkOf(tag, attribute)).toBeUndefined());
});

describe('srcsetUrls', () => {
  it.each([
    ['a.png 1x, https://t.test/b.png 2x', ['a.png', 'https://t.test/b.png']],
    // As the HTML parser reads it: no space after the comma, so one URL with a comma in it.
    ['a.png,b.png', ['a.png,b.png']],
    ['https://t.test/x.png,https://first.test/y.png 2x', ['https://t.test/x.png,https://first.test/y.png']],
    ['a.png 100w,b.png 200w', ['a.png', 'b.png']],
    ['  , x.png', ['x.png']],
    ['data:image/png;base64,AA== 1x, https://t.test/c.png 2x', ['data:image/png;base64,AA==', 'https://t.test/c.png']],
    ['a.png (min-width: 1,2) 1x, b.png', ['a.png', 'b.png']],
    ['a.png,,, b.png 2x', ['a.png', 'b.png']],
    ['', []],
    ['   ', []],
    // Found by fuzzing against the HTML algorithm (test/unit/fuzz-urls.test.ts):
    // a parenthesis does not nest (its first ")" ends it), so the tracker after the comma is a candidate;
    ['a.png ((1), https://t.test/p.gif 2x', ['a.png', 'https://t.test/p.gif']],
    // only ASCII whitespace ends a URL, not U+00A0.
    ['https://t.test/a\u00a0b 1x, c.png', ['https://t.test/a\u00a0b', 'c.png']],
  ])('%j → %j', (value, urls) => expect(srcsetUrls(value)).toEqual(urls));
});

describe('cssUrls', () => {
  it.each([
    ['background:url(https://t.test/a.png)', ['https://t.test/a.png']],
    ['background: url( "https://t.test/a.png" ) no-repeat', ['https://t.test/a.png']],
    ["background: url('https://t.test/a\\'b.png')", ["https://t.test/a'b.png"]],
    ['@import "https://t.test/a.css"; @import url(https://t.test/b.css) screen;', ['https://t.test/a.css', 'https://t.test/b.css']],
    ["@font-face { src: url(https://t.test/f.woff2) format('woff2'), url('https://t.test/f.woff') }", ['https://t.test/f.woff2', 'https://t.test/f.woff']],
    ['background-image: image-set("https://t.test/a.png" 1x, \'https://t.test/b.png\' 2x)', ['https://t.test/a.png', 'https://t.test/b.png']],
    ['background-image: -webkit-image-set(url(https://t.test/a.png) 1x)', ['https://t.test/a.png']],
    ['BACKGROUND: URL(https://t.test/a.png)', ['https://t.test/a.png']],
    ['font-family: "Helvetica", "Arial"; color: red', []],
    ['background: url()', []],
    ['background: url("")', []],
    ['background: image-set(url("https://t.test/a.png") 1x, "https://t.test/b.png" 2x); content: "not a url"', ['https://t.test/a.png', 'https://t.test/b.png']],
    ['', []],
    // Found by fuzzing (test/unit/fuzz-urls.test.ts): each was a tracker URL the browser loads and this reader missed or misread.
    ['background: url("\\68 ttps://www.google-analytics.com/c")', ['https://www.google-analytics.com/c']],
    ['background: url(\\68 ttps://t.test/a)', ['https://t.test/a']],
    ['background: url(\\000068ttps://t.test/a)', ['https://t.test/a']],
    ['background: url("https://t.test/\\\na")', ['https://t.test/a']],
    ['background: url(https://t.test/a\u00a0b)', ['https://t.test/a\u00a0b']],
    ["/* don't */ div { background: url(https://t.test/a) } p { font-family: 'x' }", ['https://t.test/a']],
    ['p { content: "oops\n; background: url(https://t.test/a); content: "x" }', ['https://t.test/a']],
    ['background: image-set("a)b.png" 1x, "https://t.test/c.png" 2x)', ['a)b.png', 'https://t.test/c.png']],
  ])('%j → %j', (css, urls) => expect(cssUrls(css)).toEqual(urls));
});

describe('urlsOf', () => {
  it.each([
    ['u', ' https://t.test/a ', ['https://t.test/a']],
    ['u', '   ', []],
    ['s', 'a 1x, b 2x', ['a', 'b']],
    ['l', ' https://t.test/p  /ping ', ['https://t.test/p', '/ping']],
    ['c', 'background:url(x.png)', ['x.png']],
    ['h', '<img src="https://t.test/x">', []],
  ] as const)('kind %s of %j → %j', (kind, value, urls) => expect(urlsOf(kind, value)).toEqual(urls));
});
