/**
 * Strict CSP with Trusted Types enforced, in real Chromium:
 * `script-src 'self' 'nonce-…'; style-src 'self'; require-trusted-types-for 'script'`.
 * Through a whole flow — banner, preference centre, accept all, withdraw —
 * the page sees no `securitypolicyviolation` event and no error: the guard
 * loads its runtime, the UI, its texts and the preference centre through its
 * own policy, `consentry`, and releases through it a tracker that a
 * snippet inserted with the site's own policy and a tagged inline script. A CSP whose `trusted-types`
 * list leaves `consentry` out gets one console line saying what to allow, and
 * trackers stay blocked. Uses the built dist/ (`npm run build` first).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type TestServer } from './harness';
import { routeVendors } from './vendors';

let browser: Browser;
let server: TestServer;
const NONCE = 'tT0nce';
const CSP = `script-src 'self' 'nonce-${NONCE}'; style-src 'self'; require-trusted-types-for 'script'`;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Trusted Types</title>
<script type="application/json" id="consentry-config">{ "policy": { "url": "/privacy", "version": "2026-01-15" }, "ui": { "nonce": "${NONCE}" } }</script>
<script nonce="${NONCE}" src="/dist/consentry.js"></script>
<script nonce="${NONCE}">
  // A snippet as a Trusted Types site writes it: the script URL through the site's own policy.
  const site = trustedTypes.createPolicy('site-only', { createScriptURL: (url) => url });
  const gtag = document.createElement('script');
  gtag.async = true;
  gtag.nonce = document.currentScript.nonce;
  gtag.src = site.createScriptURL('https://www.googletagmanager.com/gtag/js?id=G-TRUSTED01');
  document.head.appendChild(gtag);
</script>
<script nonce="${NONCE}" type="text/plain" data-consent="analytics">window.inlineRuns = (window.inlineRuns || 0) + 1;</script>
</head><body><main><p>A page with Trusted Types enforced.</p></main></body></html>`;

beforeAll(async () => {
  server = await startServer();
  server.handle((req, res) => {
    const csp = /^\/test\/e2e\/trusted-types(\?policies=([\w-]+))?$/.exec(req.url ?? '');
    if (!csp) return false;
    const policies = csp[2] ? `; trusted-types ${csp[2]}` : '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': CSP + policies }).end(PAGE);
    return true;
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records every CSP violation and every error the page sees. */
async function open(context: BrowserContext, path: string): Promise<{ page: Page; problems: string[] }> {
  const problems: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${server.origin}${path}`);
  return { page, problems };
}

describe('under require-trusted-types-for script', () => {
  it('banner, preference centre, accept all and withdraw cause no violation; what was held is released once', async () => {
    const context = await browser.newContext();
    try {
      const traffic = await routeVendors(context, server.origin);
      const { page, problems } = await open(context, '/test/e2e/trusted-types');
      await page.waitForSelector('[data-consentry="banner"]');
      expect(traffic.libraries('gtag')).toEqual([]);

      await page.click('[data-consentry="banner"] [data-action="manage"]');
      await page.waitForSelector('[role="dialog"]');
      await page.click('[role="dialog"] [data-action="accept-all"]');
      await expect.poll(() => page.evaluate(() => (window as { inlineRuns?: number }).inlineRuns ?? 0)).toBe(1);
      await expect.poll(() => traffic.libraries('gtag').length).toBe(1);
      expect(await page.evaluate(() => (window as { __standIns?: { gtag?: number } }).__standIns?.gtag)).toBe(1);

      await page.evaluate(() => window.consentry!.withdraw());
      expect(await page.evaluate(() => window.consentry!.has('analytics'))).toBe(false);
      await page.waitForSelector('[data-consentry="banner"]');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("with a trusted-types list that leaves out 'consentry', says what to allow and keeps trackers blocked", async () => {
    const context = await browser.newContext();
    try {
      const traffic = await routeVendors(context, server.origin);
      const { page, problems } = await open(context, '/test/e2e/trusted-types?policies=site-only');
      await expect.poll(() => problems.some((text) => text === "consentry: trusted-types must allow 'consentry'")).toBe(true);
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
      expect(traffic.libraries('gtag')).toEqual([]);
      expect(await page.evaluate(() => (window as { inlineRuns?: number }).inlineRuns)).toBeUndefined();
      expect(await page.evaluate(() => window.consentry!.has('analytics'))).toBe(false);
    } finally {
      await context.close();
    }
  });
});
