/**
 * Hostile pages (issue #11), in real Chromium: page code that, after the
 * guard, replaces or deletes the functions it wrapped (`fetch`,
 * `XMLHttpRequest`, `document.createElement`, `Element.prototype.setAttribute`,
 * `document.cookie`) or freezes the prototypes, then inserts trackers the
 * usual ways. The guard never throws into the page, nothing reaches a
 * tracker before consent, and the visitor can still choose (the banner opens,
 * "Accept all" releases the tracker). And config strings carrying HTML and
 * script payloads are shown as text, never run (links are checked by the
 * validator: test/unit/validate.test.ts).
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

const CONFIG = `<script type="application/json" id="consentry-config">{ "policy": { "url": "/privacy", "version": "2026-01-01" } }</script>`;

/** After the hostile change, the page inserts gtag.js, sends a hit, sets Google's cookie. */
const TRACKERS = `<script>
  const s = document.createElement('script');
  s.setAttribute('src', 'https://www.googletagmanager.com/gtag/js?id=G-HOSTILE1');
  document.head.appendChild(s);
  try { fetch('https://www.google-analytics.com/g/collect?v=2&tid=G-HOSTILE1').catch(() => {}); } catch {}
  try { const x = new XMLHttpRequest(); x.open('GET', 'https://www.google-analytics.com/g/collect?xhr=1'); x.send(); } catch {}
  document.cookie = '_ga=GA1.1.1.1; path=/';
</script>`;

function page(name: string, hostile: string): string {
  const url = `/test/e2e/hostile/${name}.html`;
  pages.set(url, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile</title>${CONFIG}<script src="/dist/consentry.js"></script><script>${hostile}</script>${TRACKERS}</head><body><h1>Page</h1></body></html>`);
  return server.origin + url;
}

interface Opened {
  context: BrowserContext;
  page: Page;
  traffic: VendorTraffic;
  pageErrors: string[];
}

async function open(url: string): Promise<Opened> {
  const context = await browser.newContext();
  context.setDefaultTimeout(5000);
  const traffic = await routeVendors(context, server.origin);
  const p = await context.newPage();
  const pageErrors: string[] = [];
  p.on('pageerror', (error) => pageErrors.push(error.message));
  await p.goto(url);
  return { context, page: p, traffic, pageErrors };
}

const settle = (p: Page) => p.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));

const HOSTILE: [name: string, code: string][] = [
  ['fetch replaced by a wrapper', `const f = window.fetch; window.fetch = function (...a) { return f.apply(this, a); };`],
  ['fetch and XMLHttpRequest deleted', `delete window.fetch; delete window.XMLHttpRequest; window.fetch = undefined;`],
  ['document.createElement replaced', `const ce = document.createElement; document.createElement = function (t, o) { return ce.call(document, t, o); };`],
  ['Element.prototype.setAttribute replaced', `const sa = Element.prototype.setAttribute; Element.prototype.setAttribute = function (n, v) { return sa.call(this, n, v); };`],
  [
    'document.cookie redefined on the document',
    `const d = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
     Object.defineProperty(document, 'cookie', { get() { return d.get.call(this); }, set(v) { d.set.call(this, v); }, configurable: true });`,
  ],
  [
    'the prototypes frozen',
    `for (const p of [Element.prototype, Node.prototype, HTMLElement.prototype, HTMLScriptElement.prototype, HTMLImageElement.prototype, HTMLIFrameElement.prototype, Document.prototype, EventTarget.prototype, Object.getPrototypeOf(navigator)]) Object.freeze(p);`,
  ],
];

describe('a page that changes what the guard wrapped, after the guard', () => {
  it.each(HOSTILE)('%s: nothing reaches a tracker, nothing is thrown, and Accept all still releases gtag.js', async (name, code) => {
    const opened = await open(page(name.replace(/\W+/g, '-'), code));
    try {
      const state = await opened.page.evaluate(async () => {
        const s = await window.consentry!.ready;
        return { needsChoice: s.needsChoice, analytics: window.consentry!.has('analytics') };
      });
      expect(state).toEqual({ needsChoice: true, analytics: false });
      await settle(opened.page);
      expect(opened.traffic.requests.map((r) => r.url)).toEqual([]);
      expect((await opened.context.cookies()).map((c) => c.name)).not.toContain('_ga');

      await opened.page.locator('[data-consentry="banner"] [data-action="accept-all"]').click();
      await expect.poll(() => opened.traffic.libraries('gtag').length).toBe(1);
      expect(opened.pageErrors).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
});

describe('config strings with HTML and script payloads', () => {
  it('are shown as text in the banner and the preference centre, and never run', async () => {
    const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
    const config = {
      policy: { url: '/privacy', version: '2026-01-01' },
      contact: { email: 'privacy@example.com', hotline: payload },
      categories: [{ id: 'analytics', name: { en: payload }, description: { en: payload }, vendors: [{ name: payload, purpose: { en: payload }, cookies: [{ name: '_x', purpose: { en: payload }, duration: { en: payload } }] }] }],
      translations: { en: { 'banner.title': payload } },
    };
    const url = `/test/e2e/hostile/payloads.html`;
    pages.set(
      url,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>payloads</title><script type="application/json" id="consentry-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script><script src="/dist/consentry.js"></script></head><body><h1>Page</h1></body></html>`,
    );
    const opened = await open(server.origin + url);
    try {
      const banner = opened.page.locator('[data-consentry="banner"]');
      await banner.waitFor();
      await banner.locator('[data-action="manage"]').click();
      const dialog = opened.page.locator('[role="dialog"]');
      await dialog.waitFor();
      // The vendor list, where the vendor's and its cookie's texts are shown.
      await opened.page.locator('[data-section="cookies"]').click();
      await opened.page.locator('.consentry-vendors summary').first().click();
      await settle(opened.page);
      expect(await opened.page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
      // Nothing the payload names became an element; it is text where it is shown.
      expect(await opened.page.locator('[data-consentry="banner"] img, [role="dialog"] img, [role="dialog"] script, [data-consentry="banner"] script').count()).toBe(0);
      expect(await dialog.textContent()).toContain('<img src=x onerror="window.__xss=1">');
      expect(opened.pageErrors).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
});
