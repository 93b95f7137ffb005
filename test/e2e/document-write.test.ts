/**
 * "Accept all" must never wipe the page (issue #17): scripts released after
 * the page was parsed that call `document.write` — CNZZ's published snippet,
 * and a nested loader (a written script that itself writes a script and a
 * pixel) — tagged and pasted. After "Accept all" (clicked in the banner) the
 * page's content is intact, each library runs once, each hit is sent once and
 * the "Cookie settings" button is there; while the category is denied nothing
 * runs and nothing is requested.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, ROOT, servePages, startServer, type TestServer } from './harness';
import { routeVendors, type VendorTraffic } from './vendors';

const CNZZ_CORE = readFileSync(join(ROOT, 'demo/vendors/cnzz.js'), 'utf8');

let browser: Browser;
let server: TestServer;
let pages: Map<string, string>;

beforeAll(async () => {
  server = await startServer();
  pages = servePages(server);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** CNZZ's snippet as published: it writes an icon <span> and the z_stat.php script, escaped. */
const CNZZ = `document.write(unescape("%3Cspan id='cnzz_stat_icon_1280000001'%3E%3C/span%3E%3Cscript src='https://s9.cnzz.com/z_stat.php%3Fid%3D1280000001%26show%3Dpic' type='text/javascript'%3E%3C/script%3E"));`;

/**
 * CNZZ's z_stat.php, as the real one works: it writes its core script with document.write; the core
 * (the demo's stand-in, demo/vendors/cnzz.js) fills the icon, sets the cookies and sends the hit.
 */
const CNZZ_LIBRARY = `document.write(unescape("%3Cscript src='https://c.cnzz.com/core.php%3Fid%3D1280000001%26show%3Dpic' charset='utf-8' type='text/javascript'%3E%3C/script%3E"));`;

/**
 * A nested loader in the style of 51.LA's older snippet: it writes its library, which writes
 * a second script (which counts itself) and a pixel, both on the vendor's host.
 */
const NESTED = `document.write('<script src="https://js.users.51.la/21000001.js"><\\/script>');`;
const NESTED_LIBRARY = `window.__written = (window.__written || 0) + 1;
document.write('<script src="https://ia.51.la/go1.js?id=21000001"><\\/script><img id="la-pixel" src="https://ia.51.la/go1?id=21000001&rt=' + Date.now() + '" width="1" height="1" alt="">');`;
const NESTED_SECOND = `window.__secondWritten = (window.__secondWritten || 0) + 1;`;

function page(path: string, snippet: string, tagged: boolean): string {
  const url = `/test/e2e/document-write${path}`;
  const script = tagged ? `<script type="text/plain" data-consent="analytics">${snippet}</script>` : `<script>${snippet}</script>`;
  pages.set(
    url,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>write</title>
<script type="application/json" id="consentry-config">{ "policy": { "url": "/privacy", "version": "2026-01-01" } }</script>
<script src="/dist/consentry.js"></script></head>
<body><h1 id="title">Our own content</h1><p id="before">Before the snippet.</p>${script}<p id="after">After the snippet.</p></body></html>`,
  );
  return server.origin + url;
}

interface Opened {
  context: BrowserContext;
  page: Page;
  traffic: VendorTraffic;
  errors: string[];
}

async function open(url: string): Promise<Opened> {
  const context = await browser.newContext();
  context.setDefaultTimeout(5000);
  // The nested loader's two scripts (routed before the generic vendor routes, which answer everything else).
  const traffic = await routeVendors(context, server.origin);
  for (const [pattern, body] of [
    ['https://js.users.51.la/**', NESTED_LIBRARY],
    ['https://ia.51.la/go1.js**', NESTED_SECOND],
    ['https://s9.cnzz.com/z_stat.php**', CNZZ_LIBRARY],
    ['https://c.cnzz.com/core.php**', CNZZ_CORE],
  ]) {
    await context.route(pattern!, (route) => {
      traffic.requests.push({ url: route.request().url(), vendor: '51la', kind: 'library', type: route.request().resourceType() });
      return route.fulfill({ contentType: 'text/javascript', body });
    });
  }
  const p = await context.newPage();
  const errors: string[] = [];
  p.on('pageerror', (error) => errors.push(error.message));
  await p.goto(url);
  await p.evaluate(() => window.consentry!.ready.then(() => undefined));
  return { context, page: p, traffic, errors };
}

const settle = (p: Page) => p.evaluate(() => new Promise((resolve) => setTimeout(resolve, 600)));
const content = (p: Page) =>
  p.evaluate(() => ({
    title: document.getElementById('title')?.textContent ?? null,
    before: document.getElementById('before')?.textContent ?? null,
    after: document.getElementById('after')?.textContent ?? null,
  }));
const CONTENT = { title: 'Our own content', before: 'Before the snippet.', after: 'After the snippet.' };

async function acceptInBanner(p: Page): Promise<void> {
  await p.click('[data-consentry="banner"] [data-action="accept-all"]');
  await p.waitForFunction(() => window.consentry!.has('analytics'));
}

/** Requests that reached a vendor host, as `host path`. */
const reached = (traffic: VendorTraffic, host: string) =>
  traffic.requests.filter((r) => new URL(r.url).hostname.endsWith(host)).map((r) => `${new URL(r.url).hostname}${new URL(r.url).pathname}`);

describe.each([
  ['tagged', true],
  ['pasted', false],
] as const)('document.write from a released script (%s)', (name, tagged) => {
  it('CNZZ: after "Accept all" the page is intact, the library runs once and its hit is sent once', async () => {
    const opened = await open(page(`/cnzz-${name}.html`, CNZZ, tagged));
    await settle(opened.page);
    // Denied: nothing of the vendor runs or is requested (the pasted snippet's own <span> is the page's).
    expect(reached(opened.traffic, 'cnzz.com')).toEqual([]);
    expect(await opened.page.evaluate(() => window.__standIns?.cnzz ?? 0)).toBe(0);
    await acceptInBanner(opened.page);
    await opened.page.waitForFunction(() => (window.__standIns?.cnzz ?? 0) > 0);
    await settle(opened.page);
    expect(await content(opened.page)).toEqual(CONTENT);
    expect(await opened.page.evaluate(() => window.__standIns?.cnzz)).toBe(1);
    expect(reached(opened.traffic, 'cnzz.com')).toEqual(['s9.cnzz.com/z_stat.php', 'c.cnzz.com/core.php', 'z9.cnzz.com/stat.htm']);
    // The icon the snippet wrote is where the snippet stood, filled by the library.
    expect(await opened.page.evaluate(() => document.getElementById('cnzz_stat_icon_1280000001')?.textContent)).toBe('站长统计');
    expect(await opened.page.locator('button', { hasText: 'Cookie settings' }).count()).toBe(1);
    expect(opened.errors).toEqual([]);
    await opened.context.close();
  });

  it('a nested loader: the written script writes a script and a pixel, each run or sent once, in place', async () => {
    const opened = await open(page(`/nested-${name}.html`, NESTED, tagged));
    await settle(opened.page);
    expect(reached(opened.traffic, '51.la')).toEqual([]);
    await acceptInBanner(opened.page);
    await opened.page.waitForFunction(() => window.__secondWritten === 1);
    await settle(opened.page);
    expect(await content(opened.page)).toEqual(CONTENT);
    expect(await opened.page.evaluate(() => [window.__written, window.__secondWritten])).toEqual([1, 1]);
    expect(reached(opened.traffic, '51.la').sort()).toEqual(['ia.51.la/go1', 'ia.51.la/go1.js', 'js.users.51.la/21000001.js']);
    // What was written stands between the page's own paragraphs.
    expect(await opened.page.evaluate(() => document.getElementById('la-pixel')!.compareDocumentPosition(document.getElementById('after')!))).toBe(
      4, // Node.DOCUMENT_POSITION_FOLLOWING
    );
    expect(await opened.page.locator('button', { hasText: 'Cookie settings' }).count()).toBe(1);
    expect(opened.errors).toEqual([]);
    await opened.context.close();
  });

  it('"Reject all": nothing is written or requested, and the page stays', async () => {
    const opened = await open(page(`/reject-${name}.html`, NESTED, tagged));
    await opened.page.click('[data-consentry="banner"] [data-action="reject-all"]');
    await settle(opened.page);
    expect(reached(opened.traffic, '51.la')).toEqual([]);
    expect(await opened.page.evaluate(() => window.__written ?? 0)).toBe(0);
    expect(await content(opened.page)).toEqual(CONTENT);
    await opened.context.close();
  });
});

declare global {
  interface Window {
    __standIns?: Record<string, number>;
    __written?: number;
    __secondWritten?: number;
  }
}
