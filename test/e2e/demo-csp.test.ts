/**
 * The demo site under a strict CSP with Trusted Types enforced
 * (`CSP=strict npm start`, demo/csp.mjs):
 * `script-src 'self' 'nonce-…' <vendor hosts>; style-src 'self'; require-trusted-types-for 'script'`.
 * A whole flow — the banner, the preference centre, "Accept all" there, the
 * trackers running, then "Reject all" from the settings button — and the
 * page sees no `securitypolicyviolation` event and no error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startDemo, type DemoServer } from '../../demo/server.mjs';
import { launchChromium } from './harness';

let demo: DemoServer;
let browser: Browser;

beforeAll(async () => {
  demo = await startDemo({ port: 0, quiet: true, csp: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('the demo under script-src nonce, style-src self and Trusted Types', () => {
  it('banner, preferences, accept all and reject all cause no CSP violation', async () => {
    const context = await browser.newContext();
    try {
      // Nothing leaves the machine: the demo's service worker answers vendor URLs; anything else would be a leak.
      await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.fulfill({ status: 204 }));
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => console.error(`violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));

      const response = await page.goto(`${demo.origin}/`);
      expect(response?.headers()['content-security-policy']).toMatch(/^script-src 'self' 'nonce-[\w+/=]+' .*; style-src 'self'; require-trusted-types-for 'script'$/);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await page.locator('#tracker-monitor[data-ready="true"]').waitFor();

      await page.locator('[data-consentry="banner"] [data-action="manage"]').click();
      await page.locator('[role="dialog"] [data-action="accept-all"]').click();
      // The pasted vendors' libraries run (their scripts listed by the monitor) under the page's own policies.
      await page.waitForFunction(() => document.querySelectorAll('#tracker-monitor [data-monitor="scripts"] [data-vendor]').length >= 6, undefined, { timeout: 15_000 });

      await page.locator('[data-consentry-settings]').click();
      await page.locator('[role="dialog"] [data-action="reject-all"]').click();
      await page.waitForFunction(() => !window.consentry!.has('analytics'));
      await page.waitForFunction(() => document.querySelectorAll('#tracker-monitor [data-monitor="cookies"] [data-vendor]').length === 0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
