/**
 * Every URL the page can load is judged, in every realm (issue #16): one row
 * per surface and per realm kind, each in both directions — page script uses
 * the surface with a tracker URL before any choice and nothing reaches the
 * tracker; after "Accept all" the same surface loads (the held one is
 * released, or a new call goes through). CSS and what runs inside workers are
 * the service worker's (test/e2e/service-worker.test.ts); cross-origin worker
 * scripts are refused by the browser itself.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type TestServer } from './harness';
import { routeVendors, type VendorTraffic } from './vendors';

let browser: Browser;
let server: TestServer;

/** A page with the guard first, a config, and nothing else: each test brings its surface. */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>surfaces</title>
<script type="application/json" id="consentry-config">{ "policy": { "url": "/privacy", "version": "2026-01-01" }, "contact": { "email": "privacy@example.com" } }</script>
<script src="/dist/consentry.js"></script></head><body><h1>Surfaces</h1></body></html>`;

/** Parse-time document.write pages: what the parser writes with each trick. */
const WRITES: Record<string, string> = {
  'script-slash-src': `document.write('<script/src="https://www.google-analytics.com/surface/write-slash.js?n=' + Date.now() + '"></scr' + 'ipt>')`,
  'attribute-with-gt': `document.write('<img alt="a>b" src="https://www.google-analytics.com/surface/write-gt.gif?n=' + Date.now() + '">')`,
  // Written markup is judged in an inert template whose base URL is about:blank: a protocol-relative URL must resolve against the page's.
  'protocol-relative': `document.write('<img src="//www.google-analytics.com/surface/write-relative.gif?n=' + Date.now() + '">')`,
};

beforeAll(async () => {
  server = await startServer();
  server.handle((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/surfaces.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      return true;
    }
    const write = /^\/surfaces-write-(.+)\.html$/.exec(path)?.[1];
    if (write && WRITES[write]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE.replace('</body>', `<script>${WRITES[write]}</script><p id="after">after</p></body>`));
      return true;
    }
    if (path === '/surfaces-child.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>child</title><p>same-origin child</p>');
      return true;
    }
    return false;
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Each surface: page code that makes the browser load `url` through it. `url`
 * is unique per call, so the test can tell the call before the choice from the
 * one after it.
 */
const SURFACES: Record<string, (url: string) => string> = {
  // Same-origin child realms
  'about:blank frame: fetch': (url) => `const f = document.createElement('iframe'); document.body.append(f); f.contentWindow.fetch('${url}').catch(() => {});`,
  'about:blank frame: XMLHttpRequest': (url) => `const f = document.createElement('iframe'); document.body.append(f); const x = new f.contentWindow.XMLHttpRequest(); x.open('GET', '${url}'); x.send();`,
  'about:blank frame: sendBeacon': (url) => `const f = document.createElement('iframe'); document.body.append(f); f.contentWindow.navigator.sendBeacon('${url}', 'x');`,
  'about:blank frame: WebSocket': (url) => `const f = document.createElement('iframe'); document.body.append(f); new f.contentWindow.WebSocket('${url.replace('https:', 'wss:')}');`,
  'about:blank frame: Image': (url) => `const f = document.createElement('iframe'); document.body.append(f); new f.contentWindow.Image().src = '${url}';`,
  'about:blank frame: innerHTML': (url) => `const f = document.createElement('iframe'); document.body.append(f); f.contentDocument.body.innerHTML = '<img src="${url}">';`,
  "about:blank frame: createElement('script')": (url) => `const f = document.createElement('iframe'); document.body.append(f); const d = f.contentDocument; const s = d.createElement('script'); s.src = '${url}'; d.head.append(s);`,
  'about:blank frame reached as frames[i]': (url) => `const f = document.createElement('iframe'); document.body.append(f); frames[frames.length - 1].fetch('${url}').catch(() => {});`,
  'a prototype setter taken from a frame': (url) => `const f = document.createElement('iframe'); document.body.append(f); const set = Object.getOwnPropertyDescriptor(f.contentWindow.HTMLImageElement.prototype, 'src').set; set.call(new Image(), '${url}');`,
  'srcdoc frame: its own script': (url) => `const f = document.createElement('iframe'); f.srcdoc = '<script>fetch("${url}").catch(() => {})<\\/script>'; document.body.append(f);`,
  'srcdoc set on a frame already in the page': (url) => `const f = document.createElement('iframe'); document.body.append(f); f.srcdoc = '<img src="${url}"><script>fetch("${url}&again").catch(() => {})<\\/script>';`,
  'javascript: frame': (url) => `const f = document.createElement('iframe'); document.body.append(f); f.src = 'javascript:fetch("${url}").catch(() => {})';`,
  'a same-origin page in a frame': (url) => `const f = document.createElement('iframe'); f.src = '/surfaces-child.html'; document.body.append(f); f.onload = () => f.contentWindow.fetch('${url}').catch(() => {});`,
  // Element URLs
  'img srcset': (url) => `const i = new Image(); i.srcset = '${url} 1x'; document.body.append(i);`,
  'picture source srcset': (url) => `const p = document.createElement('picture'); const s = document.createElement('source'); s.srcset = '${url}'; p.append(s, new Image()); document.body.append(p);`,
  'link rel=preload': (url) => `const l = document.createElement('link'); l.rel = 'preload'; l.as = 'image'; l.href = '${url}'; document.head.append(l);`,
  'link rel=prefetch': (url) => `const l = document.createElement('link'); l.rel = 'prefetch'; l.href = '${url}'; document.head.append(l);`,
  'link rel=modulepreload': (url) => `const l = document.createElement('link'); l.rel = 'modulepreload'; l.href = '${url}'; document.head.append(l);`,
  'link rel=stylesheet': (url) => `const l = document.createElement('link'); l.rel = 'stylesheet'; l.href = '${url}'; document.head.append(l);`,
  'link rel=icon': (url) => `const l = document.createElement('link'); l.rel = 'icon'; l.href = '${url}'; document.head.append(l);`,
  'video poster': (url) => `const v = document.createElement('video'); v.poster = '${url}'; document.body.append(v);`,
  'video src': (url) => `const v = document.createElement('video'); v.src = '${url}'; document.body.append(v);`,
  'audio src': (url) => `const a = document.createElement('audio'); a.preload = 'auto'; a.src = '${url}'; document.body.append(a);`,
  'video source src': (url) => `const v = document.createElement('video'); v.preload = 'auto'; const s = document.createElement('source'); s.src = '${url}'; v.append(s); document.body.append(v);`,
  'track src': (url) => `const v = document.createElement('video'); v.crossOrigin = 'anonymous'; const t = document.createElement('track'); t.kind = 'subtitles'; t.default = true; t.src = '${url}'; v.append(t); document.body.append(v); t.track.mode = 'showing';`,
  'embed src': (url) => `const e = document.createElement('embed'); e.src = '${url}'; document.body.append(e);`,
  'object data': (url) => `const o = document.createElement('object'); o.data = '${url}'; document.body.append(o);`,
  'input type=image src': (url) => `const i = document.createElement('input'); i.type = 'image'; i.src = '${url}'; document.body.append(i);`,
  'SVG image href': (url) => `const s = document.createElementNS('http://www.w3.org/2000/svg', 'svg'); const i = document.createElementNS('http://www.w3.org/2000/svg', 'image'); i.setAttribute('href', '${url}'); s.append(i); document.body.append(s);`,
  'table background': (url) => `const t = document.createElement('table'); t.setAttribute('background', '${url}'); t.innerHTML = '<tr><td>x</td></tr>'; document.body.append(t);`,
  // Other ways to set an attribute
  setAttributeNS: (url) => `const s = document.createElementNS('http://www.w3.org/2000/svg', 'svg'); const i = document.createElementNS('http://www.w3.org/2000/svg', 'image'); i.setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', '${url}'); s.append(i); document.body.append(s);`,
  setAttributeNode: (url) => `const i = new Image(); const a = document.createAttribute('src'); a.value = '${url}'; i.setAttributeNode(a); document.body.append(i);`,
  'Attr.value': (url) => `const i = new Image(); i.setAttribute('src', '/x.gif'); i.getAttributeNode('src').value = '${url}'; document.body.append(i);`,
  // HTML strings and clones
  innerHTML: (url) => `const d = document.createElement('div'); document.body.append(d); d.innerHTML = '<img src="${url}">';`,
  'insertAdjacentHTML iframe': (url) => `document.body.insertAdjacentHTML('beforeend', '<iframe src="${url}"></iframe>');`,
  // An HTML string is parsed into an inert template whose base URL is about:blank: its URLs must resolve against the page's.
  'innerHTML, a protocol-relative URL': (url) => `const d = document.createElement('div'); document.body.append(d); d.innerHTML = '<img src="${url.replace(/^https:/, '')}">';`,
  'insertAdjacentHTML iframe, a protocol-relative URL': (url) => `document.body.insertAdjacentHTML('beforeend', '<iframe src="${url.replace(/^https:/, '')}"></iframe>');`,
  'innerHTML, a relative URL under a <base> on a tracker host': (url) =>
    `const b = document.createElement('base'); b.href = '${new URL(url).origin}/'; document.head.append(b); const d = document.createElement('div'); document.body.append(d); d.innerHTML = '<img src="${url.replace(/^https:\/\/[^/]+\//, '')}">';`,
  outerHTML: (url) => `const d = document.createElement('div'); document.body.append(d); d.outerHTML = '<img src="${url}">';`,
  createContextualFragment: (url) => `document.body.append(document.createRange().createContextualFragment('<img src="${url}">'));`,
  setHTMLUnsafe: (url) => `const d = document.createElement('div'); document.body.append(d); d.setHTMLUnsafe('<img src="${url}">');`,
  cloneNode: (url) => `const t = document.createElement('template'); t.innerHTML = '<img src="${url}">'; document.body.append(t.content.cloneNode(true));`,
  importNode: (url) => `const doc = new DOMParser().parseFromString('<img src="${url}">', 'text/html'); document.body.append(document.importNode(doc.body.firstChild, true));`,
  // Navigations used as beacons
  'a.click() into a hidden frame': (url) => `const f = document.createElement('iframe'); f.name = 'hidden-' + Math.random(); f.hidden = true; const a = document.createElement('a'); a.href = '${url}'; a.target = f.name; document.body.append(f, a); a.click();`,
  'form.submit() into a hidden frame': (url) => `const f = document.createElement('iframe'); f.name = 'hidden-' + Math.random(); f.hidden = true; const form = document.createElement('form'); form.action = '${url}'; form.method = 'post'; form.target = f.name; document.body.append(f, form); form.submit();`,
  'window.open of a tracker': (url) => `window.open('${url}', '_blank');`,
};

/** A tracker URL only this call uses. */
let calls = 0;
const trackerUrl = (name: string) => `https://www.google-analytics.com/surface/${encodeURIComponent(name.replace(/\W+/g, '-'))}?call=${++calls}`;

async function open(path = '/surfaces.html'): Promise<{ page: Page; traffic: VendorTraffic; close(): Promise<void> }> {
  const context = await browser.newContext();
  context.setDefaultTimeout(5000);
  const traffic = await routeVendors(context, server.origin);
  const page = await context.newPage();
  await page.goto(server.origin + path);
  await page.evaluate(() => window.consentry!.ready.then(() => undefined));
  return { page, traffic, close: () => context.close() };
}

/** Requests (of any kind, sockets included) whose URL contains `marker`. */
const reached = (traffic: VendorTraffic, marker: string) => traffic.requests.filter((r) => r.url.includes(marker)).length;
const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 700)));

describe('every surface, before a choice and after "Accept all"', () => {
  it.each(Object.keys(SURFACES))('%s', async (name) => {
    const { page, traffic, close } = await open();
    const before = trackerUrl(name);
    await page.evaluate(SURFACES[name]!(before));
    await settle(page);
    expect(reached(traffic, before.split('?')[1]!)).toBe(0);

    await page.evaluate(() => window.consentry!.acceptAll().then(() => undefined));
    const after = trackerUrl(name);
    await page.evaluate(SURFACES[name]!(after));
    await expect.poll(() => reached(traffic, after.split('?')[1]!), { timeout: 4000 }).toBeGreaterThan(0);
    await close();
  });

  /**
   * Values whose `toString` answers differently the second time are read once: what was judged is what the
   * browser gets. Before a choice the hostile order (harmless first, tracker next) reaches only the harmless URL;
   * after "Accept all" the tracker URL, read first, is what loads.
   */
  const CHANGING: Record<string, (first: string, then: string) => string> = {
    fetch: (first, then) => `let n = 0; fetch({ toString: () => (n++ ? '${then}' : '${first}') }).catch(() => {});`,
    XMLHttpRequest: (first, then) => `let n = 0; const x = new XMLHttpRequest(); x.open('GET', { toString: () => (n++ ? '${then}' : '${first}') }); x.send();`,
    sendBeacon: (first, then) => `let n = 0; navigator.sendBeacon({ toString: () => (n++ ? '${then}' : '${first}') }, 'x');`,
    WebSocket: (first, then) => `let n = 0; new WebSocket({ toString: () => (n++ ? '${then}' : '${first}') });`,
    'img.src': (first, then) => `let n = 0; new Image().src = { toString: () => (n++ ? '${then}' : '${first}') };`,
  };
  it.each(Object.keys(CHANGING))('%s: an object whose toString changes is read once', async (name) => {
    const { page, traffic, close } = await open();
    const ws = name == 'WebSocket';
    const tracker = (url: string) => (ws ? url.replace('https:', 'wss:') : url);
    const harmless = (call: number) => (ws ? `wss://ws.example.net/first-party?first=${call}` : `/harmless-${call}`);
    const before = trackerUrl(name);
    await page.evaluate(CHANGING[name]!(harmless(calls), tracker(before)));
    await settle(page);
    expect(reached(traffic, before.split('?')[1]!)).toBe(0);
    await page.evaluate(() => window.consentry!.acceptAll().then(() => undefined));
    const after = trackerUrl(name);
    await page.evaluate(CHANGING[name]!(tracker(after), harmless(calls)));
    await expect.poll(() => reached(traffic, after.split('?')[1]!), { timeout: 4000 }).toBeGreaterThan(0);
    await close();
  });

  it.each(['link rel=preconnect', 'link rel=dns-prefetch'])('%s (no request to count: the hint itself is held)', async (rel) => {
    const { page, close } = await open();
    const hint = (url: string) =>
      page.evaluate(([kind, href]) => {
        const link = document.createElement('link');
        link.rel = kind!;
        link.href = href!;
        document.head.append(link);
        return [link.getAttribute('href'), link.getAttribute('data-href')];
      }, [rel.split('=')[1], url]);
    expect(await hint('https://www.google-analytics.com')).toEqual([null, 'https://www.google-analytics.com']);
    await page.evaluate(() => window.consentry!.acceptAll().then(() => undefined));
    expect(await hint('https://www.google-analytics.com')).toEqual(['https://www.google-analytics.com', null]);
    await close();
  });
});

describe('document.write while the page is parsed', () => {
  it.each(Object.keys(WRITES))('%s: written tracker held on a first view, loaded on a view after "Accept all"', async (name) => {
    const { page, traffic, close } = await open(`/surfaces-write-${name}.html`);
    await settle(page);
    expect(traffic.requests.filter((r) => r.url.includes('/surface/write-'))).toEqual([]);
    expect(await page.locator('#after').textContent()).toBe('after');
    await page.evaluate(() => window.consentry!.acceptAll().then(() => undefined));
    await page.reload();
    await expect.poll(() => traffic.requests.filter((r) => r.url.includes('/surface/write-')).length, { timeout: 4000 }).toBeGreaterThan(0);
    await close();
  });
});
