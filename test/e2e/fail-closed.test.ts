/**
 * Never fail open (issue #11), in real Chromium: pages that once switched the
 * guard off, made it throw before its blockers were installed, or left the
 * visitor with no way to choose. Each page pastes the same three tracker
 * calls after the guard (a script inserted by a script, a fetch and a pixel)
 * and the test counts what reached a third party.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, servePages, startServer, type TestServer } from './harness';
import { routeVendors, type VendorTraffic } from './vendors';

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

/** Three ways a pasted snippet reaches its vendor, none of them in the HTML (the preload scanner is not under test here). */
const TRACKERS = `<script>
  const s = document.createElement('script');
  s.src = 'https://www.googletagmanager.com/gtag/js?id=G-FAILOPEN1';
  document.head.appendChild(s);
  fetch('https://www.google-analytics.com/g/collect?v=2&tid=G-FAILOPEN1').catch(() => {});
  new Image().src = 'https://www.facebook.com/tr?id=1&ev=PageView';
</script>`;

const CONFIG = `<script type="application/json" id="consentry-config">{ "policy": { "url": "/privacy", "version": "2026-01-01" } }</script>`;

/** A page: what stands before the guard, the guard's tag, then the trackers. */
function page(path: string, { before = CONFIG, guard = '<script src="/dist/consentry.js"></script>', body = '' } = {}): string {
  const url = `/test/e2e/fail-closed${path}`;
  pages.set(url, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fail closed</title>${before}${guard}${TRACKERS}</head><body><h1>Page</h1>${body}</body></html>`);
  return server.origin + url;
}

interface Opened {
  context: BrowserContext;
  page: Page;
  traffic: VendorTraffic;
  pageErrors: string[];
  consoleErrors: string[];
}

async function open(url: string, setUp?: (context: BrowserContext) => Promise<void>): Promise<Opened> {
  const context = await browser.newContext();
  // Fail fast: nothing here should take seconds.
  context.setDefaultTimeout(5000);
  await setUp?.(context);
  const traffic = await routeVendors(context, server.origin);
  const p = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  p.on('pageerror', (error) => pageErrors.push(error.message));
  p.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  await p.goto(url);
  return { context, page: p, traffic, pageErrors, consoleErrors };
}

/** Waits for the guard's API to settle; fails fast (not by timeout) when there is none. */
async function readyState(p: Page) {
  return p.evaluate(async () => {
    const api = window.consentry;
    if (!api || typeof api.ready?.then !== 'function') return 'no API: ' + String(api);
    const state = await api.ready;
    return { needsChoice: state.needsChoice, analytics: api.has('analytics') };
  });
}

/** Long enough for a request the guard let through to reach the route handler. */
const settle = (p: Page) => p.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));

async function expectBlockedAndUsable(opened: Opened): Promise<void> {
  expect(await readyState(opened.page)).toEqual({ needsChoice: true, analytics: false });
  await settle(opened.page);
  expect(opened.traffic.requests.map((r) => r.url)).toEqual([]);
  expect(opened.pageErrors).toEqual([]);
  // The visitor can still choose: the banner is asked for.
  await opened.page.waitForSelector('[data-consentry="banner"]');
}

describe('the guard never fails open', () => {
  it('guards the page when its own script tag has id="consentry" (named access on window)', async () => {
    const opened = await open(page('/own-id.html', { guard: '<script id="consentry" src="/dist/consentry.js"></script>' }));
    await expectBlockedAndUsable(opened);
    await opened.context.close();
  });

  it('guards the page when another element named "consentry" stands before it', async () => {
    const opened = await open(page('/element-id.html', { before: CONFIG + '<meta id="consentry" content="x"><link rel="x" id="consentryConfig">' }));
    await expectBlockedAndUsable(opened);
    await opened.context.close();
  });

  for (const [name, assignment, problem] of [
    ['a getter that throws', `Object.defineProperty(window, 'consentryConfig', { get() { throw new Error('no config for you'); } });`, 'no config for you'],
    ['a circular object', `const c = { policy: { url: '/privacy', version: '1' } }; c.self = c; window.consentryConfig = c;`, 'circular'],
    ['a BigInt value', `window.consentryConfig = { cookie: { days: 10n } };`, 'days is a bigint'],
    ['a proxy whose traps throw', `window.consentryConfig = new Proxy({}, { ownKeys() { throw new Error('trap'); }, get() { throw new Error('trap'); } });`, 'trap'],
  ] as const) {
    it(`installs its blockers before reading window.consentryConfig: ${name}`, async () => {
      const opened = await open(page(`/config-${name.replace(/\W+/g, '-')}.html`, { before: `<script>${assignment}</script>` }));
      expect(await readyState(opened.page)).toEqual({ needsChoice: true, analytics: false });
      await settle(opened.page);
      expect(opened.traffic.requests.map((r) => r.url)).toEqual([]);
      expect(opened.pageErrors).toEqual([]);
      // The site owner is told what is wrong, naming the source.
      expect(opened.consoleErrors.join('\n')).toContain('window.consentryConfig');
      expect(opened.consoleErrors.join('\n')).toContain(problem);
      // Invalid config: a stored "accept all" would release nothing either.
      await opened.page.evaluate(() => window.consentry!.acceptAll());
      expect(await opened.page.evaluate(() => window.consentry!.has('analytics'))).toBe(false);
      await settle(opened.page);
      expect(opened.traffic.requests.map((r) => r.url)).toEqual([]);
      await opened.context.close();
    });
  }

  it('keeps working when a stored choice meets a config with "policy": null', async () => {
    const url = page('/policy-null.html', { before: `<script type="application/json" id="consentry-config">{ "policy": null }</script>` });
    const opened = await open(url, async (context) => {
      // A valid "accept all" choice from an earlier page view with a good config.
      await context.addCookies([{ name: 'consentry', value: `1.2026-01-01.1f.40.${Math.floor(Date.now() / 1000).toString(36)}.abc-123`, url: server.origin }]);
    });
    const state = await readyState(opened.page);
    expect(state).toEqual({ needsChoice: false, analytics: false });
    await settle(opened.page);
    expect(opened.traffic.requests.map((r) => r.url)).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
    expect(opened.consoleErrors.join('\n')).toContain('policy');
    await opened.context.close();
  });

  it('lets a visitor choose, in memory, where document.cookie throws (a sandboxed iframe)', async () => {
    const frameUrl = page('/sandboxed-frame.html', {
      guard: `<script src="${server.origin}/dist/consentry.js"></script>`,
      body: `<script type="text/plain" data-consent="analytics">window.parent.postMessage('tagged ran', '*')</script>`,
    });
    const topUrl = `/test/e2e/fail-closed/sandbox-top.html`;
    pages.set(topUrl, `<!doctype html><html><head><meta charset="utf-8"><title>top</title><script>window.heard = []; addEventListener('message', (e) => window.heard.push(e.data));</script></head><body><iframe sandbox="allow-scripts" src="${frameUrl}" width="800" height="600"></iframe></body></html>`);
    const opened = await open(server.origin + topUrl);
    const frame = await (await opened.page.waitForSelector('iframe')).contentFrame();
    await frame!.waitForFunction(() => !!window.consentry);
    expect(await frame!.evaluate(() => { try { return document.cookie; } catch (error) { return (error as Error).name; } })).toBe('SecurityError');
    expect(await frame!.evaluate(async () => {
      const state = await window.consentry!.ready;
      return { needsChoice: state.needsChoice, degraded: state.degraded };
    })).toEqual({ needsChoice: true, degraded: true });
    await settle(opened.page);
    expect(opened.traffic.requests.map((r) => r.url)).toEqual([]);
    // The banner is shown, and "Accept all" in it takes effect for this page.
    const accept = await frame!.waitForSelector('[data-consentry="banner"] [data-action="accept-all"]');
    await accept.click();
    await frame!.waitForFunction(() => window.consentry!.has('analytics'));
    await opened.page.waitForFunction(() => (window as unknown as { heard: string[] }).heard.includes('tagged ran'));
    expect(opened.pageErrors).toEqual([]);
    await opened.context.close();
  });

  it('treats a mirror cookie dated far in the future as no choice', async () => {
    const url = page('/future-cookie.html');
    const opened = await open(url);
    // First view: the config gets validated, so the next view may trust the cookie synchronously.
    await readyState(opened.page);
    // "Accept all", dated about 50,000 years from now (base-36 seconds).
    const future = Math.floor(Date.now() / 1000 + 50_000 * 365.25 * 86_400).toString(36);
    await opened.context.addCookies([{ name: 'consentry', value: `1.2026-01-01.1f.0.${future}.abc-123`, url: server.origin }]);
    opened.traffic.clear();
    await opened.page.reload();
    await expectBlockedAndUsable(opened);
    await opened.context.close();
  });
});
