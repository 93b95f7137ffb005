/**
 * The demo site on a phone and on a desktop, as a newcomer sees it first: no
 * page scrolls sideways at 320 px, and the tracker monitor (a demo panel)
 * never sits over Consentry's banner or dialogs nor takes their taps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startDemo, type DemoServer } from '../../demo/server.mjs';
import { launchChromium } from './harness';

let demo: DemoServer;
let browser: Browser;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemo({ port: 0, quiet: true }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** A first visit (fresh context: the banner shows) at `width` × `height`. */
async function visit(path: string, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
  // The service worker answers trackers; before consent nothing may reach the network anyway.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.fulfill({ status: 204 }));
  const page = await context.newPage();
  await page.goto(`${demo.origin}${path}`);
  await page.waitForSelector('[data-consentry="banner"]');
  await page.waitForSelector('#tracker-monitor[data-ready="true"]', { state: 'attached' });
  return page;
}

/**
 * Points across `selector`'s box (a 5 × 5 grid inside its edges) where the
 * element on top is not inside it: empty when nothing covers it.
 */
const coveredPoints = (page: Page, selector: string) =>
  page.$eval(selector, (target) => {
    const box = target.getBoundingClientRect();
    const covered: string[] = [];
    for (let i = 0; i <= 4; i++) {
      for (let j = 0; j <= 4; j++) {
        const x = Math.min(box.left + 2 + ((box.width - 4) * i) / 4, innerWidth - 1);
        const y = Math.min(box.top + 2 + ((box.height - 4) * j) / 4, innerHeight - 1);
        const top = document.elementFromPoint(x, y);
        if (!top || !target.contains(top)) covered.push(`${Math.round(x)},${Math.round(y)}: ${top?.closest('[id]')?.id ?? top?.tagName}`);
      }
    }
    return covered;
  });

describe('the demo at 320 px', () => {
  it.each(['/', '/pricing', '/newsletter', '/privacy', '/try/unsubscribe', '/try/gpc', '/try/policy-change', '/try/opt-outs'])(
    '%s does not scroll sideways, and the monitor starts collapsed in the flow of the page',
    async (path) => {
      const page = await visit(path, 320, 640);
      expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth])).toEqual([320, 320]);
      expect(await page.getAttribute('#tracker-monitor .monitor-toggle', 'aria-expanded')).toBe('false');
      expect(await page.$eval('#tracker-monitor', (monitor) => getComputedStyle(monitor).position)).toBe('static');
      expect(await coveredPoints(page, '[data-consentry="banner"]')).toEqual([]);
      await page.context().close();
    },
  );
});

describe('the monitor and Consentry', () => {
  it('at 1280 × 800 the open monitor is under the banner and the preference centre, and taps reach them', async () => {
    const page = await visit('/', 1280, 800);
    expect(await page.getAttribute('#tracker-monitor .monitor-toggle', 'aria-expanded')).toBe('true');
    expect(await coveredPoints(page, '[data-consentry="banner"]')).toEqual([]);
    await page.click('[data-action="manage"]');
    await page.waitForSelector('[data-consentry="preferences"]');
    // The monitor's box overlaps the dialog's right edge: the dialog is on top there.
    const [monitor, dialog] = await Promise.all(['#tracker-monitor', '[data-consentry="preferences"]'].map((s) => page.$eval(s, (el) => el.getBoundingClientRect().toJSON())));
    expect(monitor.left).toBeLessThan(dialog.right);
    expect(await coveredPoints(page, '[data-consentry="preferences"]')).toEqual([]);
    // The close button sits in that overlap; a tap on it closes the centre.
    await page.click('[data-consentry="preferences"] .consentry-close', { timeout: 2000 });
    await page.waitForSelector('[data-consentry="preferences"]', { state: 'detached' });
    await page.context().close();
  });

  it('on a phone, an opened monitor stays in the page and the preference centre covers it', async () => {
    const page = await visit('/', 360, 640);
    await page.click('#tracker-monitor .monitor-toggle');
    expect(await page.getAttribute('#tracker-monitor .monitor-toggle', 'aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
    await page.click('[data-action="manage"]');
    await page.waitForSelector('[data-consentry="preferences"]');
    expect(await coveredPoints(page, '[data-consentry="preferences"]')).toEqual([]);
    await page.context().close();
  });
});
