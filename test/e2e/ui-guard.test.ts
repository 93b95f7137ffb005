/**
 * The UI as a site gets it: the guard (dist/consentry.js) loads the UI bundle
 * on a first visit, and every button acts on the real stored record (IndexedDB
 * + mirror cookie through the public API), under the strict CSP.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServer, type TestServer } from './harness';

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startServer()]);
  server.headers['content-security-policy'] = "default-src 'self'; script-src 'self'; style-src 'self'";
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Stored = { method: string; categories: Record<string, boolean>; optOuts: Record<string, boolean> } | null;
const stored = (page: Page) =>
  page.evaluate(() => (window as unknown as { consentry: { get(): { record: Stored } } }).consentry.get().record);
const waitForRecord = (page: Page, method: string | null) =>
  page.waitForFunction(
    (m) => ((window as unknown as { consentry: { get(): { record: { method: string } | null } } }).consentry.get().record?.method ?? null) === m,
    method,
  );

describe('UI through the guard', () => {
  it('first visit: banner, choices stored, centre reflects them, history, delete — with no CSP problem', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (msg) => {
      // The browser's own favicon request is not the UI's business.
      if (msg.type() === 'error' && !msg.location().url.endsWith('/favicon.ico')) problems.push(msg.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.origin}/test/e2e/pages/ui-guard.html`);
    await page.waitForSelector('[data-consentry="banner"]');

    // Served same-origin: an inline copy would itself break the strict CSP.
    await page.addScriptTag({ url: '/node_modules/axe-core/axe.min.js' });
    const violations = await page.evaluate(async () =>
      (await (window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }).axe.run()).violations.map((v) => v.id),
    );
    expect(violations).toEqual([]);

    await page.click('[data-action="reject-all"]');
    await waitForRecord(page, 'reject-all');
    expect((await stored(page))?.categories).toEqual({ necessary: true, preferences: false, analytics: false, advertising: false, email: false });

    await page.click('[data-consentry-settings]');
    await page.waitForSelector('[data-consentry="preferences"]');
    expect(await page.isChecked('#consentry-cat-analytics')).toBe(false);
    await page.click('#consentry-cat-analytics');
    await page.click('[data-action="save"]');
    await waitForRecord(page, 'custom');
    expect((await stored(page))?.categories.analytics).toBe(true);

    // The page's own data-consentry-open link opens the opt-out centre.
    // Escape gives focus back to the page's own link.
    await page.focus('[data-consentry-open="optouts"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-consentry="optouts"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-consentry="optouts"]', { state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-consentry-open'))).toBe('optouts');
    await page.click('[data-consentry-open="optouts"]');
    await page.waitForSelector('[data-consentry="optouts"]');
    expect(await page.isChecked('#consentry-optout-promotional')).toBe(true);
    await page.click('#consentry-optout-promotional');
    await page.click('[data-action="save"]');
    await page.waitForFunction(
      () => (window as unknown as { consentry: { get(): { record: Stored } } }).consentry.get().record?.optOuts.promotionalEmail === true,
    );

    await page.evaluate(() => (window as unknown as { consentry: { showPreferences(): Promise<void> } }).consentry.showPreferences());
    await page.click('[data-section="data"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-consentry="history"] tbody tr').length === 3);
    const how = await page.$$eval('[data-consentry="history"] tbody tr td:last-child', (cells) => cells.map((c) => c.textContent));
    expect(how).toEqual(['Rejected all', 'Chose in privacy preferences', 'Chose in privacy preferences']);
    await page.click('[data-action="delete"]');
    await page.click('[data-action="delete-confirm"]');
    await waitForRecord(page, null);
    // Deleting asks again: the banner is back, with the keyboard focus in it.
    await page.waitForSelector('[data-consentry="banner"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('manage');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('downloads the choice and its history as a JSON file', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.origin}/test/e2e/pages/ui-guard.html`);
    await page.click('[data-action="accept-all"]');
    await waitForRecord(page, 'accept-all');
    await page.click('[data-consentry-settings]');
    await page.click('[data-section="data"]');
    await page.waitForSelector('[data-consentry="history"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download"]')]);
    expect(download.suggestedFilename()).toBe('consentry-choices.json');
    const path = await download.path();
    const exported = JSON.parse(await readFile(path, 'utf8'));
    expect(exported.record.method).toBe('accept-all');
    expect(exported.record.categories.analytics).toBe(true);
    expect(exported.history.map((entry: { method: string }) => entry.method)).toEqual(['accept-all']);
    await context.close();
  });

  it('minors: the age question comes first; an under-age visitor is stored with only necessary and no ad sharing', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/test/e2e/pages/ui-guard-minors.html`);
    await page.waitForSelector('[data-consentry="banner"] [data-action="minor"]');
    expect(await page.$('[data-action="accept-all"]')).toBeNull();
    await page.click('[data-action="minor"]');
    await page.click('text=Continue with necessary cookies only');
    await waitForRecord(page, 'reject-all');
    const record = (await page.evaluate(
      () => (window as unknown as { consentry: { get(): { record: unknown } } }).consentry.get().record,
    )) as { categories: Record<string, boolean>; optOuts: Record<string, boolean>; minor: unknown };
    expect(record.categories).toEqual({ necessary: true, preferences: false, analytics: false, advertising: false, email: false });
    expect(record.optOuts.personalisedAds).toBe(true);
    expect(record.optOuts.adSharing).toBe(true);
    expect(record.minor).toEqual({ under: true, guardianConfirmed: false });
    await context.close();
  });

  it('an unsubscribe-link landing shows the confirmation, not the banner', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/test/e2e/pages/ui-guard.html?unsubscribe=product-news&token=Zx81-aa_93kQ`);
    await page.waitForSelector('[data-consentry="unsubscribe"]');
    await page.waitForFunction(
      () => (window as unknown as { consentry: { get(): { record: Stored } } }).consentry.get().record?.optOuts.promotionalEmail === true,
    );
    // Let the guard finish starting up: it must not put the banner over the confirmation.
    await page.evaluate(() => (window as unknown as { consentry: { ready: Promise<unknown> } }).consentry.ready);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await page.$('[data-consentry="banner"]')).toBeNull();
    expect(await page.textContent('[data-consentry="unsubscribe"]')).toContain('You won\'t receive “product-news” emails from us any more.');
    await page.click('[data-consentry="unsubscribe"] [data-action="close"]');
    await page.waitForSelector('[data-consentry="unsubscribe"]', { state: 'detached' });
    await context.close();
  });
});
