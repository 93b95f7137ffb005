/**
 * Single-page sites (issue #11): Preact renders routes (test/e2e/pages/spa-app.js),
 * navigation is `history.pushState`, routes swap thousands of nodes. The
 * shell renders, on every route, a pasted tracker script, a tagged inline
 * script and a tagged pixel, patched and moved by Preact as routes change.
 * Before consent nothing leaks; after "Accept all" each runs once, however
 * often the shell re-renders (and a page-view pixel is sent once per
 * navigation); after a withdrawal nothing new leaks.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentryApi } from '../../src/core/types';
import { launchChromium, startServer, type TestServer } from './harness';
import { routeVendors, type VendorTraffic } from './vendors';

type SpaWindow = Window & { consentry: ConsentryApi; navigate(to: string): void; appReady?: boolean; taggedRuns?: number; __standIns?: { gtag?: number } };

let browser: Browser;
let server: TestServer;

const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SPA</title>
<script type="application/json" id="consentry-config">{ "policy": { "url": "/privacy", "version": "2026-01-01" } }</script>
<script src="/dist/consentry.js"></script>
<script type="importmap">{ "imports": { "preact": "/node_modules/preact/dist/preact.module.js" } }</script>
<script type="module" src="/test/e2e/pages/spa-app.js"></script>
</head><body><div id="app"></div></body></html>`;

beforeAll(async () => {
  server = await startServer();
  server.handle((req, res) => {
    if (!new URL(req.url ?? '/', 'http://x').pathname.startsWith('/spa')) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(HTML);
    return true;
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Site {
  context: BrowserContext;
  page: Page;
  traffic: VendorTraffic;
  errors: string[];
}

async function openSite(): Promise<Site> {
  const context = await browser.newContext();
  context.setDefaultTimeout(8000);
  const traffic = await routeVendors(context, server.origin);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  // The consent UI is not under test: an empty one.
  await page.route('**/dist/consentry-ui.js', (route) => route.fulfill({ contentType: 'text/javascript', body: 'window.consentryUI={open(){},close(){}}' }));
  await page.goto(`${server.origin}/spa/`);
  await page.waitForFunction(() => (window as unknown as SpaWindow).appReady === true);
  await page.evaluate(() => (window as unknown as SpaWindow).consentry.ready);
  return { context, page, traffic, errors };
}

/** Navigates with pushState (or back/forward) and waits until the route is rendered and the guard had time to act. */
async function go(page: Page, to: '/' | '/big' | '/other' | 'back' | 'forward') {
  await page.evaluate((target) => {
    const w = window as unknown as SpaWindow;
    if (target === 'back') history.back();
    else if (target === 'forward') history.forward();
    else w.navigate(target);
  }, to);
  await page.waitForFunction(() => document.getElementById('shell')?.getAttribute('data-route') === location.pathname.replace(/^\/spa/, ''));
  // Long enough for a request the guard let through to reach the route handler, and for a release to run.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
}

const runs = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as SpaWindow;
    return { tagged: w.taggedRuns ?? 0, gtag: w.__standIns?.gtag ?? 0, rows: document.querySelectorAll('#rows li').length };
  });

describe('a single-page site rendered by Preact', () => {
  it('blocks before consent across pushState navigations and large DOM swaps, runs each tracker once after "Accept all", and leaks nothing after a withdrawal', async () => {
    const { context, page, traffic, errors } = await openSite();

    // Before consent: routes come and go, the shell is patched and its trackers moved; nothing reaches a third party.
    for (const to of ['/big', '/other', '/big', 'back', '/'] as const) await go(page, to);
    expect(traffic.requests.map((r) => r.url)).toEqual([]);
    expect(await runs(page)).toMatchObject({ tagged: 0, gtag: 0 });

    // "Accept all": the shell's trackers run, once each.
    await go(page, '/big');
    expect((await runs(page)).rows).toBe(3000);
    await page.evaluate(() => (window as unknown as SpaWindow).consentry.acceptAll());
    await page.waitForFunction(() => (window as unknown as SpaWindow).taggedRuns === 1 && (window as unknown as SpaWindow).__standIns?.gtag === 1);
    await expect.poll(() => traffic.hits('linkedin').length).toBe(1);
    expect(traffic.libraries('gtag')).toHaveLength(1);
    // /big's six row pixels, set while the visitor decided, were held and are sent now, once each (later renders of
    // the same URLs come from the document's image cache).
    await expect.poll(() => traffic.hits('meta').filter((r) => r.url.includes('ev=Row')).length).toBe(6);

    // Route changes re-render the shell (patched, its trackers moved) and swap 3,000 rows in and out: nothing runs twice.
    traffic.clear();
    const routes = ['/other', '/big', '/', '/big', 'back', 'forward', '/other'] as const;
    for (const to of routes) await go(page, to);
    expect(await runs(page)).toMatchObject({ tagged: 1, gtag: 1 });
    expect(traffic.libraries('gtag')).toHaveLength(0);
    expect(traffic.hits('linkedin')).toHaveLength(0);
    // What a route sets after consent loads as the page asks, once: one page view per navigation.
    const pageViews = traffic.hits('meta').filter((r) => r.url.includes('ev=PageView')).map((r) => new URL(r.url).searchParams.get('dl'));
    expect(pageViews).toEqual(['/other', '/big', '/', '/big', '/', '/big', '/other']);

    // A withdrawal: routes keep rendering the same trackers, and nothing reaches a third party any more.
    await page.evaluate(() => (window as unknown as SpaWindow).consentry.withdraw());
    traffic.clear();
    for (const to of ['/big', '/other', '/big', 'back', '/'] as const) await go(page, to);
    expect(traffic.requests.map((r) => r.url)).toEqual([]);
    expect(await runs(page)).toMatchObject({ tagged: 1, gtag: 1 });

    expect(errors).toEqual([]);
    await context.close();
  });
});
