/**
 * The tagger over vendor snippets as published (the demo's, the guard's
 * pasted page and more in vendor-snippets.ts), before and after, exactly;
 * over pages where nothing may change; and over the edge cases of the tagged
 * form (conflicts, the owner's data-consent, site rules, <base>, the config's
 * observeMarkup). Every tagged output is tagged again to check that nothing
 * changes the second time.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tagHtml, type TagResult } from '../../../src/tagger';
import { VENDOR_SNIPPETS } from './vendor-snippets';
// @ts-expect-error -- plain .mjs data module of the demo
import * as demo from '../../../demo/snippets.mjs';

/** `html` with each `[from, to]` replaced in turn, each after the previous one; fails when one is missing. */
function replaced(html: string, pairs: [string, string][]): string {
  let out = '';
  let rest = html;
  for (const [from, to] of pairs) {
    const at = rest.indexOf(from);
    if (at < 0) throw new Error(`test data: ${JSON.stringify(from)} not found`);
    out += rest.slice(0, at) + to;
    rest = rest.slice(at + from.length);
  }
  return out + rest;
}

/** Tags `html`, and checks that tagging the result again changes nothing. */
function tag(html: string, options?: Parameters<typeof tagHtml>[1]): TagResult {
  const result = tagHtml(html, options);
  const again = tagHtml(result.html, options);
  expect(again.html, 'tagging twice').toBe(result.html);
  expect(again.changes, 'tagging twice').toEqual([]);
  return result;
}

/** A page around a snippet, with no Consentry config (so observeMarkup is left alone: there is no guard either). */
const page = (body: string) => `<!doctype html>\n<html><head><title>t</title></head><body>\n${body}\n</body></html>\n`;

describe('vendor snippets, as published', () => {
  it.each(VENDOR_SNIPPETS.map((s) => [s.vendor, s] as const))('%s', (_, snippet) => {
    const result = tag(page(snippet.html));
    expect(result.html).toBe(page(replaced(snippet.html, snippet.tagged)));
    expect(result.untagged).toEqual([]);
  });

  it('the demo site: each snippet, tagged as expected', () => {
    const GOOGLE_TAG_PUBLISHED = demo.GOOGLE_TAG;
    const cases: [string, string, [string, string][]][] = [
      ['Google tag', GOOGLE_TAG_PUBLISHED, [['<script async', '<script type="text/plain" data-consent="analytics" async']]],
      ['Meta Pixel', demo.META_PIXEL, [['<script>', '<script type="text/plain" data-consent="advertising">']]],
      ['Baidu Tongji', demo.BAIDU_TONGJI, [['<script>', '<script type="text/plain" data-consent="analytics">']]],
      ['Clarity', demo.CLARITY, [['<script type="text/javascript">', '<script type="text/plain" data-consent="analytics" data-type="text/javascript">']]],
      ['Hotjar', demo.HOTJAR, [['<script>', '<script type="text/plain" data-consent="analytics">']]],
      // Its first script only sets the partner id; the second loads the library.
      ['LinkedIn', demo.LINKEDIN_INSIGHT, [['</script><script type="text/javascript">', '</script><script type="text/plain" data-consent="advertising" data-type="text/javascript">']]],
      ['video embed (already tagged)', demo.VIDEO_EMBED, []],
    ];
    for (const [name, html, pairs] of cases) expect(tag(page(html)).html, name).toBe(page(replaced(html, pairs)));
  });

  it("the guard's pasted page: every vendor tagged, the config written before the guard", () => {
    const pasted = readFileSync('test/e2e/pages/guard-pasted.html', 'utf8');
    const result = tag(pasted);
    const plain = (category: string) => `<script type="text/plain" data-consent="${category}"`;
    expect(result.html).toBe(
      replaced(pasted, [
        ['<script src="/dist/consentry.js">', '<script type="application/json" id="consentry-config">{ "observeMarkup": false }</script>\n<script src="/dist/consentry.js">'],
        ['<script async src="https://www.googletagmanager.com', plain('analytics') + ' async src="https://www.googletagmanager.com'],
        ["<script>(function(w,d,s,l,i)", plain('analytics') + '>(function(w,d,s,l,i)'],
        ['<script>\n!function(f,b,e,v,n,t,s)', plain('advertising') + '>\n!function(f,b,e,v,n,t,s)'],
        ['<script>\n!function (w, d, t)', plain('advertising') + '>\n!function (w, d, t)'],
        ['<script type="text/javascript">\n    (function(c,l,a,r,i,t,y)', plain('analytics') + ' data-type="text/javascript">\n    (function(c,l,a,r,i,t,y)'],
        ['<script>\n    (function(h,o,t,j,a,r)', plain('analytics') + '>\n    (function(h,o,t,j,a,r)'],
        ['<script>\nvar _hmt', plain('analytics') + '>\nvar _hmt'],
        ['<script>\n  var _paq', plain('analytics') + '>\n  var _paq'],
        ['<a id="pinged" href="#clicked" ping=', '<a data-consent="analytics" id="pinged" href="#clicked" data-ping='],
        ['<script type="text/javascript">document.write', plain('analytics') + ' data-type="text/javascript">document.write'],
        ['</script><script type="text/javascript">', '</script>' + plain('advertising') + ' data-type="text/javascript">'],
      ]),
    );
    expect(result.changes.map((c) => `${c.line}:${c.column} ${c.element} ${c.categories.join(' ')} ${c.hosts.join(' ')}`)).toEqual([
      '9:1 <script src> analytics www.googletagmanager.com',
      '18:1 inline <script> analytics www.googletagmanager.com',
      '25:1 inline <script> advertising connect.facebook.net',
      '42:1 inline <script> advertising analytics.tiktok.com',
      '54:1 inline <script> analytics www.clarity.ms',
      '62:1 inline <script> analytics static.hotjar.com',
      '72:1 inline <script> analytics hm.baidu.com',
      '82:1 inline <script> analytics /matomo.php /matomo.js',
      '101:4 <a ping> analytics www.google-analytics.com',
      '102:1 inline <script> analytics s9.cnzz.com',
      '107:10 inline <script> advertising snap.licdn.com',
    ]);
    expect(result.observeMarkup).toEqual({ status: 'written' });
    expect(result.untagged).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe('pages where nothing may change', () => {
  const unchanged: [string, string][] = [
    ['first-party scripts, external and inline', `<script src="/js/app.js"></script><script type="module" src="/js/app.mjs"></script><script>document.body.classList.add('js');</script>`],
    ['JSON-LD naming tracker URLs', `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","sameAs":["https://www.facebook.com/tr","https://www.googletagmanager.com/gtm.js"]}</script>`],
    ['inline data and templates of other types', `<script type="application/json" id="data">{"pixel":"https://www.facebook.com/tr?id=1"}</script><script type="text/x-template"><img src="https://www.facebook.com/tr?id=1"></script>`],
    [
      "a tracker's address inside a first-party script's strings, with no loading construct",
      `<script>
  // Where our privacy page says the data goes.
  var links = { meta: 'https://www.facebook.com/tr', google: "https://www.google-analytics.com/collect" };
  document.getElementById('vendors').textContent = links.meta + ' ' + links.google;
  if (location.hostname === 'www.googletagmanager.com') console.log('preview');
</script>`,
    ],
    ['a loading construct with only first-party URLs', `<script>var i = new Image(); i.src = '/pixel.gif?' + Date.now(); fetch('/api/visit', { method: 'POST' });</script>`],
    ['a tracker URL only in a comment of a loading script', `<script>/* was: https://www.googletagmanager.com/gtm.js */ var s = document.createElement('script'); s.src = '/js/late.js'; document.head.appendChild(s);</script>`],
    ['comments', `<!-- <script src="https://www.googletagmanager.com/gtag/js?id=G-OLD"></script> --><!-- <img src="https://www.facebook.com/tr?id=1"> -->`],
    ['conditional comments', `<!--[if lt IE 9]><script src="https://www.googletagmanager.com/gtag/js?id=G-IE"></script><img src="https://www.facebook.com/tr?id=1"><![endif]-->`],
    ['template content (inert until a script clones it; the guard judges clones)', `<template id="t"><script src="https://connect.facebook.net/en_US/fbevents.js"></script><img src="https://www.facebook.com/tr?id=1"><iframe src="https://www.googletagmanager.com/ns.html"></iframe></template>`],
    ['noscript content (text while scripts run)', `<noscript><img src="https://www.facebook.com/tr?id=1&ev=PageView&noscript=1"><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-X"></iframe></noscript>`],
    ['links and media that are not trackers', `<link rel="stylesheet" href="/site.css"><link rel="preconnect" href="https://fonts.gstatic.com"><img src="/logo.png" srcset="/logo@2x.png 2x"><a href="https://www.facebook.com/ourpage">Facebook</a>`],
    ['a site rule that lets a vendor through (necessary)', `<script type="application/json" id="consentry-config">{"observeMarkup":false,"rules":[{"category":"necessary","hosts":["hotjar.com"]}]}</script><script src="https://static.hotjar.com/c/hotjar-1.js"></script>`],
    [
      'a page already tagged by hand',
      `<script type="text/plain" data-consent="analytics" async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script><img data-consent="advertising" data-src="https://www.facebook.com/tr?id=1"><iframe data-consent="advertising" data-src="https://www.youtube-nocookie.com/embed/x"></iframe><script type="text/plain" data-consent="analytics" data-type="module" src="/js/stats.mjs"></script>`,
    ],
  ];
  it.each(unchanged)('%s', (_, body) => {
    const html = page(body);
    const result = tag(html);
    expect(result.html).toBe(html);
    expect(result.changes).toEqual([]);
    expect(result.untagged).toEqual([]);
  });
});

describe('the tagged form, element by element', () => {
  const cases: [string, string, string][] = [
    ['<img src> and srcset', '<img src="https://www.facebook.com/tr?id=1" srcset="https://www.facebook.com/tr?id=2 2x" alt="">', '<img data-consent="advertising" data-src="https://www.facebook.com/tr?id=1" data-srcset="https://www.facebook.com/tr?id=2 2x" alt="">'],
    ['<img srcset> naming a tracker beside a first-party src', '<img src="/a.png" srcset="/a@2x.png 2x, https://px.ads.linkedin.com/collect/?pid=1 3x">', '<img data-consent="advertising" src="/a.png" data-srcset="/a@2x.png 2x, https://px.ads.linkedin.com/collect/?pid=1 3x">'],
    ['<iframe src> (the guard puts its placeholder there)', '<iframe src="https://www.googletagmanager.com/ns.html?id=GTM-1" width="1"></iframe>', '<iframe data-consent="analytics" data-src="https://www.googletagmanager.com/ns.html?id=GTM-1" width="1"></iframe>'],
    ['<link rel=preload> of a tracker script', '<link rel="preload" as="script" href="https://connect.facebook.net/en_US/fbevents.js">', '<link data-consent="advertising" rel="preload" as="script" data-href="https://connect.facebook.net/en_US/fbevents.js">'],
    ['<link rel=preload as=image imagesrcset>', '<link rel="preload" as="image" imagesrcset="https://www.facebook.com/tr?id=1 1x">', '<link data-consent="advertising" rel="preload" as="image" data-imagesrcset="https://www.facebook.com/tr?id=1 1x">'],
    ['<link rel=dns-prefetch> and preconnect', '<link rel="dns-prefetch" href="//www.google-analytics.com"><link rel="preconnect" href="https://www.googletagmanager.com">', '<link data-consent="analytics" rel="dns-prefetch" data-href="//www.google-analytics.com"><link data-consent="analytics" rel="preconnect" data-href="https://www.googletagmanager.com">'],
    ['<video poster> and <source src>', '<video poster="https://www.facebook.com/tr?id=p" controls><source src="https://www.facebook.com/tr?id=v" type="video/mp4"></video>', '<video data-consent="advertising" data-poster="https://www.facebook.com/tr?id=p" controls><source data-consent="advertising" data-src="https://www.facebook.com/tr?id=v" type="video/mp4"></video>'],
    ['<embed src> and <object data>', '<embed src="https://ad.doubleclick.net/x.swf"><object data="https://ad.doubleclick.net/y"></object>', '<embed data-consent="advertising" data-src="https://ad.doubleclick.net/x.swf"><object data-consent="advertising" data-data="https://ad.doubleclick.net/y"></object>'],
    ['a style attribute with a tracker url()', '<div style="background: url(https://www.facebook.com/tr?id=1)">x</div>', '<div data-consent="advertising" data-style="background: url(https://www.facebook.com/tr?id=1)">x</div>'],
    ['<style> importing a tracker', '<style>@import "https://www.googletagmanager.com/x.css"; body { color: red }</style>', '<style type="text/plain" data-consent="analytics">@import "https://www.googletagmanager.com/x.css"; body { color: red }</style>'],
    ['<style type=text/css> with a tracker url()', '<style type="text/css">.p { background: url("https://www.facebook.com/tr?id=1") }</style>', '<style type="text/plain" data-consent="advertising" data-type="text/css">.p { background: url("https://www.facebook.com/tr?id=1") }</style>'],
    ['<table background>', '<table background="https://www.facebook.com/tr?id=1"><tr><td>x</td></tr></table>', '<table data-consent="advertising" data-background="https://www.facebook.com/tr?id=1"><tr><td>x</td></tr></table>'],
    ['<form action> posting to a tracker', '<form action="https://www.facebook.com/tr" method="post"></form>', '<form data-consent="advertising" data-action="https://www.facebook.com/tr" method="post"></form>'],
    ['<iframe srcdoc> holding a tracker', '<iframe srcdoc="<script src=&quot;https://connect.facebook.net/en_US/fbevents.js&quot;></script>"></iframe>', '<iframe data-consent="advertising" data-srcdoc="<script src=&quot;https://connect.facebook.net/en_US/fbevents.js&quot;></script>"></iframe>'],
    ['a module script (its type kept in data-type)', '<script type="module" src="https://www.googletagmanager.com/x.mjs"></script>', '<script type="text/plain" data-consent="analytics" data-type="module" src="https://www.googletagmanager.com/x.mjs"></script>'],
    ['a module that imports a tracker', `<script type="module">import 'https://cdn.segment.com/analytics-next.js';</script>`, `<script type="text/plain" data-consent="analytics" data-type="module">import 'https://cdn.segment.com/analytics-next.js';</script>`],
    ['an SVG <image href>', '<svg><image href="https://www.facebook.com/tr?id=1" /></svg>', '<svg><image data-consent="advertising" data-href="https://www.facebook.com/tr?id=1" /></svg>'],
    ['two categories on one element', '<img src="https://www.google-analytics.com/g.gif" srcset="https://www.facebook.com/tr?id=1 2x">', '<img data-consent="analytics advertising" data-src="https://www.google-analytics.com/g.gif" data-srcset="https://www.facebook.com/tr?id=1 2x">'],
    ['upper-case markup', '<SCRIPT ASYNC SRC="https://www.googletagmanager.com/gtag/js?id=G-1"></SCRIPT><IMG SRC="https://www.facebook.com/tr?id=1">', '<SCRIPT type="text/plain" data-consent="analytics" ASYNC SRC="https://www.googletagmanager.com/gtag/js?id=G-1"></SCRIPT><IMG data-consent="advertising" data-SRC="https://www.facebook.com/tr?id=1">'],
    ['unquoted attributes', '<img src=https://www.facebook.com/tr?id=1 alt=x>', '<img data-consent="advertising" data-src=https://www.facebook.com/tr?id=1 alt=x>'],
    ['the owner\'s data-consent is kept, and what still loads is neutralised', '<iframe data-consent="preferences" src="https://www.googletagmanager.com/ns.html"></iframe><script data-consent="advertising" src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>', '<iframe data-consent="preferences" data-src="https://www.googletagmanager.com/ns.html"></iframe><script type="text/plain" data-consent="advertising" src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>'],
  ];
  it.each(cases)('%s', (_, before, after) => {
    expect(tag(page(before)).html).toBe(page(after));
  });

  it('judges relative URLs against <base href>, as the browser does', () => {
    const before = '<base href="https://www.googletagmanager.com/"><script src="gtag/js?id=G-1"></script><img src="/pixel.gif">';
    expect(tag(page(before)).html).toBe(page('<base href="https://www.googletagmanager.com/"><script type="text/plain" data-consent="analytics" src="gtag/js?id=G-1"></script><img data-consent="analytics" data-src="/pixel.gif">'));
  });

  it("uses the page's site rules before the built-in ones (a new vendor, a vendor moved to another category)", () => {
    const config = `<script type="application/json" id="consentry-config">{"observeMarkup": false, "rules":[{"vendor":"Chat","category":"preferences","hosts":["widget.chat.example"]},{"category":"advertising","hosts":["hotjar.com"]}]}</script>`;
    const result = tag(page(config + '<script src="https://widget.chat.example/w.js"></script><script src="https://static.hotjar.com/c/h.js"></script>'));
    expect(result.html).toBe(page(config + '<script type="text/plain" data-consent="preferences" src="https://widget.chat.example/w.js"></script><script type="text/plain" data-consent="advertising" src="https://static.hotjar.com/c/h.js"></script>'));
  });

  it('reports each change with its place, element, categories and hosts', () => {
    const result = tag('<p>\n  <img alt="" src="https://www.facebook.com/tr?id=1">\n</p>');
    expect(result.changes).toEqual([{ line: 2, column: 3, element: '<img src>', action: 'data-consent="advertising", src → data-src', categories: ['advertising'], hosts: ['www.facebook.com'] }]);
  });
});

describe('what cannot be tagged is reported, and left as it was', () => {
  it('an attribute written twice (renaming the first would bring the second to life)', () => {
    const html = page('<img src="https://www.facebook.com/tr?id=1" src="https://www.facebook.com/tr?id=2">');
    const result = tag(html);
    expect(result.html).toBe(html);
    expect(result.untagged).toEqual([
      { line: 3, column: 1, message: '<img src> (www.facebook.com, advertising) not tagged: an attribute is written twice; the browser ignores the second, which renaming the first would bring to life' },
    ]);
    expect(result.warnings.map((w) => w.message)).toContain('HTML parse error: duplicate-attribute');
  });

  it('a data-<attribute> already used for something else (a lazy-loading library)', () => {
    const html = page('<img src="https://www.facebook.com/tr?id=1" data-src="/real.jpg">');
    const result = tag(html);
    expect(result.html).toBe(html);
    expect(result.untagged).toEqual([{ line: 3, column: 1, message: '<img src> (www.facebook.com, advertising) not tagged: it already has data-src, where the tagged form keeps src' }]);
  });

  it('leaves observeMarkup alone when something could not be tagged', () => {
    const config = '<script type="application/json" id="consentry-config">{"policy":{"url":"/privacy"}}</script><script src="/consentry/consentry.js"></script>';
    const html = page(config + '<img src="https://www.facebook.com/tr?id=1" data-src="/x.jpg"><script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>');
    const result = tag(html);
    expect(result.html).toBe(page(config + '<img src="https://www.facebook.com/tr?id=1" data-src="/x.jpg"><script type="text/plain" data-consent="analytics" async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>'));
    expect(result.observeMarkup).toEqual({ status: 'left', reason: 'something could not be tagged: the guard must keep watching the markup' });
  });
});

describe("the config's observeMarkup", () => {
  const GUARD = '<script src="/consentry/consentry.js"></script>';
  const withConfig = (json: string) => `<script type="application/json" id="consentry-config">${json}</script>`;
  const cases: [string, string, string][] = [
    ['an object over several lines: its own line, with the indent of the next key', '\n  {\n    "policy": { "url": "/privacy" }\n  }\n', '\n  {\n    "observeMarkup": false,\n    "policy": { "url": "/privacy" }\n  }\n'],
    ['an object on one line', '{ "policy": { "url": "/privacy" } }', '{ "observeMarkup": false, "policy": { "url": "/privacy" } }'],
    ['a compact object', '{"consentMode":true}', '{"observeMarkup": false, "consentMode":true}'],
    ['an empty object', '{}', '{ "observeMarkup": false }'],
    ['empty text (the guard reads it as {})', '', '{ "observeMarkup": false }'],
  ];
  it.each(cases)('written into %s', (_, json, written) => {
    const result = tag(page(withConfig(json) + GUARD));
    expect(result.html).toBe(page(withConfig(written) + GUARD));
    expect(result.observeMarkup).toEqual({ status: 'written' });
  });

  it('created just before the guard when the page has no config, with the guard line\'s indent', () => {
    const html = '<!doctype html>\n<html>\n<head>\n  <meta charset="utf-8">\n  <script src="/consentry/consentry.js"></script>\n</head>\n<body></body>\n</html>\n';
    expect(tag(html).html).toBe(html.replace('  <script src="/consentry', '  <script type="application/json" id="consentry-config">{ "observeMarkup": false }</script>\n  <script src="/consentry'));
  });

  it('left as the owner wrote it: already false, or true on purpose', () => {
    for (const [json, outcome] of [
      ['{"observeMarkup":false}', { status: 'already' }],
      ['{"observeMarkup":true}', { status: 'left', reason: 'the config sets observeMarkup to true; left as written' }],
    ] as const) {
      const html = page(withConfig(json) + GUARD);
      const result = tag(html);
      expect(result.html).toBe(html);
      expect(result.observeMarkup).toEqual(outcome);
    }
  });

  it('left alone when the config is invalid, which is a warning naming the problem', () => {
    const html = page(withConfig('{"policy": {"url": "javascript:alert(1)"}}') + GUARD);
    const result = tag(html);
    expect(result.html).toBe(html);
    expect(result.observeMarkup).toEqual({ status: 'left', reason: '#consentry-config is invalid: policy.url must be an http(s) URL or a same-site path, got "javascript:alert(1)"' });
    expect(result.warnings.map((w) => w.message)).toEqual(['#consentry-config is invalid: policy.url must be an http(s) URL or a same-site path, got "javascript:alert(1)"; judged with the built-in rules only']);
    const broken = tag(page(withConfig('{"policy": ') + GUARD));
    expect(broken.observeMarkup.status).toBe('left');
    expect(broken.warnings[0]!.message).toMatch(/^#consentry-config is not valid JSON \(/);
  });

  it('left alone on a page without the guard or a config, and the report says the page has no guard', () => {
    const result = tag(page('<img src="https://www.facebook.com/tr?id=1">'));
    expect(result.hasGuard).toBe(false);
    expect(result.observeMarkup).toEqual({ status: 'left', reason: 'no #consentry-config and no Consentry guard <script> to put one before' });
  });
});

describe('the text around the edits', () => {
  it('keeps a byte-order mark, CRLF line ends, odd whitespace and entities exactly', () => {
    const html = '\uFEFF<!DOCTYPE html>\r\n<html>\r\n<head>\r\n<title>a &amp; b</title>\r\n</head>\r\n<body>\r\n<img\r\n   alt="&quot;x&quot;"\r\n   src =  "https://www.facebook.com/tr?id=1&amp;ev=PageView" >\r\n</body>\r\n</html>';
    expect(tag(html).html).toBe(html.replace('<img', '<img data-consent="advertising"').replace('   src =', '   data-src ='));
  });

  it('tags a page full of parse errors, reporting them as warnings with their place, losing nothing', () => {
    const html = '<html><p><b>open <i>nested</b></i><div class="a"class="b">stray</span foo><img src="https://www.facebook.com/tr?id=1"alt=x></p></td>';
    const result = tag(html);
    expect(result.html).toBe(html.replace('<img src', '<img data-consent="advertising" data-src'));
    expect(result.warnings.map((w) => `${w.line}:${w.column} ${w.message}`)).toEqual([
      '1:1 HTML parse error: missing-doctype',
      '1:49 HTML parse error: missing-whitespace-between-attributes',
      '1:54 HTML parse error: duplicate-attribute',
      '1:74 HTML parse error: end-tag-with-attributes',
      '1:118 HTML parse error: missing-whitespace-between-attributes',
    ]);
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', '<', '<script>', '<script>var s = "', '\u0000\u0001<img src=', '<script type=module>import(', '<svg><script href="https://www.googletagmanager.com/x.js"/>']) {
      expect(() => tagHtml(text)).not.toThrow();
    }
  });
});
