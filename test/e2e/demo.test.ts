/**
 * The demo site, as a newcomer meets it: start the demo server in-process,
 * visit it in real Chromium, and read the tracker monitor the way a visitor
 * would. Every third-party request must be answered by the demo's service
 * worker: a catch-all route counts any that reach the network as a leak.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startDemo, type DemoServer } from '../../demo/server.mjs';
import { launchChromium } from './harness';
import type { ConsentryApi } from '../../src/core/types';

/** The page's `window`, with the guard's API. */
type ConsentryWindow = Window & { consentry: ConsentryApi };

/** Vendors whose snippets the demo pastes (demo/snippets.mjs), by the monitor's vendor id. */
const PASTED_VENDORS = ['baidu', 'clarity', 'ga4', 'hotjar', 'linkedin', 'meta'];

let demo: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const leaks: string[] = [];

/** Vendor ids listed in one section of the monitor (`scripts`, `hits` or `cookies`). */
function monitorVendors(section: 'scripts' | 'hits' | 'cookies'): Promise<string[]> {
  return page
    .locator(`#tracker-monitor [data-monitor="${section}"] [data-vendor]`)
    .evaluateAll((items) => [...new Set(items.map((item) => item.getAttribute('data-vendor') ?? ''))].sort());
}

async function waitForMonitor(section: 'scripts' | 'hits' | 'cookies', expected: string[]): Promise<void> {
  await page.waitForFunction(
    ([name, want]) => {
      const items = document.querySelectorAll(`#tracker-monitor [data-monitor="${name}"] [data-vendor]`);
      const ids = [...new Set([...items].map((item) => item.getAttribute('data-vendor')))].sort();
      return JSON.stringify(ids) === JSON.stringify(want);
    },
    [section, expected] as const,
  );
}

beforeAll(async () => {
  demo = await startDemo({ port: 0, quiet: true });
  browser = await launchChromium();
  context = await browser.newContext();
  // Requests answered by the service worker never reach this route; anything that does would have left the machine.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    leaks.push(route.request().url());
    return route.fulfill({ status: 204 });
  });
  // WebSockets do not pass through routes or service workers: one to a third party is a leak too.
  await context.routeWebSocket(/^wss?:\/\/(?!127\.0\.0\.1[:/])/, (socket) => {
    leaks.push(socket.url());
    void socket.close();
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('demo site', () => {
  it('shows nothing loaded before consent, every tracker after "Accept all", and their cookies gone after withdrawing', async () => {
    await page.goto(`${demo.origin}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.evaluate(() => (window as unknown as ConsentryWindow).consentry.ready.then(() => true));
    await page.locator('#tracker-monitor[data-ready="true"]').waitFor();

    // Before any choice: the banner asks, and the monitor shows no tracker script, hit or cookie.
    const acceptAll = page.getByRole('button', { name: 'Accept all', exact: true });
    await acceptAll.waitFor();
    expect(await monitorVendors('scripts')).toEqual([]);
    expect(await monitorVendors('hits')).toEqual([]);
    expect(await monitorVendors('cookies')).toEqual([]);
    expect(demo.hits).toEqual([]);
    expect(leaks).toEqual([]);

    // Accept all: every pasted vendor's library loads (through the service worker) and the video embed reports a view.
    await acceptAll.click();
    await waitForMonitor('scripts', PASTED_VENDORS);
    await waitForMonitor('hits', [...PASTED_VENDORS, 'youtube'].sort());
    await waitForMonitor('cookies', PASTED_VENDORS);
    expect(demo.hits.map((hit) => hit.vendor)).toEqual(expect.arrayContaining([...PASTED_VENDORS, 'youtube']));
    expect(demo.hits.filter((hit) => hit.vendor === 'unknown')).toEqual([]);

    // Withdraw: the trackers' cookies disappear from the monitor, and a reload loads no tracker again.
    await page.evaluate(() => (window as unknown as ConsentryWindow).consentry.withdraw().then(() => true));
    await waitForMonitor('cookies', []);
    await page.reload();
    await page.evaluate(() => (window as unknown as ConsentryWindow).consentry.ready.then(() => true));
    await page.locator('#tracker-monitor[data-ready="true"]').waitFor();
    await page.getByRole('button', { name: 'Accept all', exact: true }).waitFor();
    expect(await monitorVendors('scripts')).toEqual([]);
    expect(await monitorVendors('cookies')).toEqual([]);
    expect(leaks).toEqual([]);
  });

  it('serves the privacy policy page from the policy text, with the policy sections as headings', async () => {
    await page.goto(`${demo.origin}/privacy`);
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Webex Meet Meeting Privacy Policy');
    await expect(page.locator('#section-8').textContent()).resolves.toBe(
      '8. How do we use cookie, beacon and other technologies',
    );
  });
});
