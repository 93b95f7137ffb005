/**
 * The demo site and its consent ledger in real Chromium: an email's
 * unsubscribe link (the browser's landing page, which sends a receipt) and
 * the mail client's one-click POST put their recipients on one suppression
 * list, and the /ledger page shows the visitor's receipts and that list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startDemo, subscriberId, type DemoServer } from '../../demo/server.mjs';
import { launchChromium } from './harness';

let demo: DemoServer;
let browser: Browser;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'demo-ledger-'));
const leaks: string[] = [];

beforeAll(async () => {
  demo = await startDemo({ port: 0, quiet: true, ledgerDatabase: join(dir, 'ledger.db') });
  browser = await launchChromium();
  const context = await browser.newContext();
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    leaks.push(route.request().url());
    return route.fulfill({ status: 204 });
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The text of each row of a table on the /ledger page. */
function rows(testId: string): Promise<string[][]> {
  return page.locator(`[data-testid="${testId}"] tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

async function subscribe(email: string): Promise<void> {
  await page.goto(`${demo.origin}/newsletter`);
  await page.getByLabel('Work email').fill(email);
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await page.getByRole('heading', { name: "You're subscribed" }).waitFor();
}

describe('demo with the consent ledger', () => {
  it('puts a landing-page unsubscribe and a one-click unsubscribe on the same list, and shows them with the visitor’s receipts', async () => {
    // Reader A clicks the link in the email: the site's landing page records it and sends the receipt.
    await subscribe('reader-a@example.com');
    await page.getByTestId('unsubscribe-link').click();
    await page.getByRole('dialog').waitFor();
    await expect.poll(() => demo.receipts.filter((r) => (r as { method: string }).method === 'unsubscribe-link').length, { timeout: 10_000 }).toBe(1);

    // Reader B uses the mail app's unsubscribe button: the one-click POST goes to the ledger itself.
    await subscribe('reader-b@example.com');
    await page.getByTestId('one-click').click();
    await page.waitForURL(`${demo.ledgerOrigin}/v1/unsubscribe/**`);
    expect(await page.locator('h1').allTextContents()).toEqual(['You are unsubscribed from “newsletter”.', '您已退订“newsletter”。']);

    await page.goto(`${demo.origin}/ledger`);
    const list = (await rows('email-optouts')).map(([, listName, recipient, source]) => [listName, recipient, source]);
    expect(list).toEqual([
      ['newsletter', subscriberId('reader-a@example.com'), 'landing'],
      ['newsletter', subscriberId('reader-b@example.com'), 'one-click'],
    ]);
    // The landing made this visitor's first receipt: promotional email off, the list named.
    const consentId = await page.getByTestId('consent-id').textContent();
    expect(consentId).toMatch(/^[\w-]+$/);
    expect((await rows('receipts')).map(([, how, allowed, noPromo, , , listName]) => [how, allowed, noPromo, listName])).toEqual([['unsubscribe-link', 'necessary', 'yes', 'newsletter']]);
    expect(leaks).toEqual([]);
  });
});
