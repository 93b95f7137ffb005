/**
 * What a visitor who already chose sees, in real Chromium with the built guard
 * and UI: no UI download, yet a "Cookie settings" button that opens the
 * preference centre (withdrawing as easy as giving); the policy-changed notice
 * once after a non-material change; and, after landing from an unsubscribe link
 * on a first visit, still the cookie banner on the next page view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startServer, type TestServer } from './harness';
import type { ConsentryApi } from '../../src/core/types';

type TestWindow = Window & { consentry: ConsentryApi };

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that counts its requests for the UI bundle. */
async function visit(context: BrowserContext, path: string): Promise<{ page: Page; uiRequests: () => number }> {
  const page = await context.newPage();
  let ui = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/dist/consentry-ui.js')) ui++;
  });
  await page.goto(`${server.origin}${path}`);
  await page.evaluate(() => (window as unknown as TestWindow).consentry.ready);
  return { page, uiRequests: () => ui };
}

describe('a returning visitor', () => {
  it('downloads no UI, and the settings button opens the preference centre', async () => {
    const context = await browser.newContext();
    const first = await visit(context, '/test/e2e/pages/returning.html');
    await first.page.locator('[data-consentry="banner"]').waitFor();
    await first.page.evaluate(() => (window as unknown as TestWindow).consentry.acceptAll());
    await first.page.close();

    const { page, uiRequests } = await visit(context, '/test/e2e/pages/returning.html');
    const button = page.locator('[data-consentry-fallback]');
    await button.waitFor();
    expect(await button.textContent()).toBe('Cookie settings');
    const box = (await button.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(viewport.width - (box.x + box.width)).toBe(16); // bottom-right, as configured
    expect(uiRequests()).toBe(0);

    await button.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(uiRequests()).toBe(1);
    expect(await page.locator('[data-consentry-fallback]').count()).toBe(0);
    expect(await dialog.getByRole('switch').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('whose cookie is gone but whose stored choice is valid downloads no UI either (the cookie comes back from IndexedDB)', async () => {
    const context = await browser.newContext();
    const first = await visit(context, '/test/e2e/pages/returning.html');
    await first.page.locator('[data-consentry="banner"]').waitFor();
    expect(first.uiRequests()).toBe(1);
    await first.page.evaluate(() => (window as unknown as TestWindow).consentry.acceptAll());
    await first.page.close();
    // The mirror cookie lives 182 days, the choice 12 months: the cookie can expire first.
    await context.clearCookies();

    const { page, uiRequests } = await visit(context, '/test/e2e/pages/returning.html');
    await page.locator('[data-consentry-fallback]').waitFor();
    expect(uiRequests()).toBe(0);
    expect((await context.cookies()).map((c) => c.name)).toContain('consentry');
    await context.close();
  });

  it('labels the button in Chinese for a Chinese page', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const first = await visit(context, '/test/e2e/pages/returning.html');
    await first.page.evaluate(() => (window as unknown as TestWindow).consentry.rejectAll());
    await first.page.close();
    const page = await context.newPage();
    await page.route('**/test/e2e/pages/returning.html', async (route) => {
      const response = await route.fetch();
      route.fulfill({ response, body: (await response.text()).replace('<html lang="en">', '<html lang="zh-CN">') });
    });
    await page.goto(`${server.origin}/test/e2e/pages/returning.html`);
    const button = page.locator('[data-consentry-fallback]');
    await button.waitFor();
    expect(await button.textContent()).toBe('Cookie 设置');
    expect(await button.getAttribute('lang')).toBe('zh-CN');
    await context.close();
  });

  it('sees the policy-changed notice once after a non-material change, keeping the choice', async () => {
    const context = await browser.newContext();
    const first = await visit(context, '/test/e2e/pages/returning.html');
    await first.page.evaluate(() => (window as unknown as TestWindow).consentry.acceptAll());
    await first.page.close();

    const changed = await visit(context, '/test/e2e/pages/returning-changed.html');
    const notice = changed.page.locator('.consentry-policy');
    await notice.waitFor();
    expect(await changed.page.locator('[data-consentry="banner"]').count()).toBe(0);
    expect(await changed.page.evaluate(() => (window as unknown as TestWindow).consentry.has('analytics'))).toBe(true);
    await notice.getByRole('button').click();
    await notice.waitFor({ state: 'detached' });
    await changed.page.close();

    const again = await visit(context, '/test/e2e/pages/returning-changed.html');
    await again.page.locator('[data-consentry-fallback]').waitFor();
    expect(again.uiRequests()).toBe(0);
    await context.close();
  });

  it('still gets the cookie banner after a first visit from an unsubscribe link', async () => {
    const context = await browser.newContext();
    const landing = await visit(context, '/test/e2e/pages/returning.html?unsubscribe=newsletter&token=tok_12345678');
    await landing.page.getByRole('dialog').waitFor();
    await landing.page.waitForFunction(() => (window as unknown as TestWindow).consentry.get().record?.optOuts.promotionalEmail === true);
    const state = await landing.page.evaluate(() => (window as unknown as TestWindow).consentry.get());
    expect(state.record?.method).toBe('unsubscribe-link');
    expect(state.needsChoice).toBe(true);
    await landing.page.close();

    const next = await visit(context, '/test/e2e/pages/returning.html');
    await next.page.locator('[data-consentry="banner"]').waitFor();
    const after = await next.page.evaluate(() => (window as unknown as TestWindow).consentry.get());
    expect(after.record?.optOuts.promotionalEmail).toBe(true);
    expect(await next.page.evaluate(() => (window as unknown as TestWindow).consentry.has('analytics'))).toBe(false);
    await context.close();
  });

  it('names the runtime file on the console when it cannot be loaded, allows nothing optional, and settles ready and waiting calls', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.route('**/dist/consentry-runtime.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${server.origin}/test/e2e/pages/returning.html`);
    await page.waitForFunction(() => document.readyState === 'complete');
    await expect.poll(() => errors.find((e) => e.startsWith('consentry: could not load'))).toBe(
      `consentry: could not load ${server.origin}/dist/consentry-runtime.js (README "Self-hosting")`,
    );
    expect(await page.evaluate(() => (window as unknown as TestWindow).consentry.has('analytics'))).toBe(false);
    const settled = await page.evaluate(async () => {
      const api = (window as unknown as TestWindow).consentry;
      const ready = await api.ready;
      const accept = await api.acceptAll().then(
        () => 'resolved',
        (error: Error) => error.message,
      );
      return { ready, accept };
    });
    expect(settled).toEqual({
      ready: { record: null, needsChoice: true, degraded: true },
      accept: `consentry: could not load ${server.origin}/dist/consentry-runtime.js (README "Self-hosting")`,
    });
    await context.close();
  });
});
