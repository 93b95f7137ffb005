/**
 * The foundation in real Chromium, with the built guard (dist/consentry.js)
 * on a plain page (test/e2e/pages/foundation.html):
 * - a choice survives a reload and is known synchronously, before the next
 *   `<script>` in `<head>` runs (read from the mirror cookie, no wait for IndexedDB);
 * - IndexedDB holds the record in Consentry's own database;
 * - a change in one tab reaches another open tab of the site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startServer, type TestServer } from './harness';
import type { ConsentRecord, ConsentState, ConsentryApi } from '../../src/core/types';

type TestWindow = Window & {
  consentry: ConsentryApi;
  seenAtStart: { analytics: boolean; advertising: boolean; record: ConsentRecord | null };
  changes: ConsentState[];
};

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
const errors: string[] = [];

async function openPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  // The UI bundle is not under test here: answer it with an empty UI so the banner call is harmless.
  await page.route('**/dist/consentry-ui.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'window.consentryUI={open(v){document.documentElement.dataset.opened=v},close(){}}' }),
  );
  await page.goto(`${server.origin}/test/e2e/pages/foundation.html`);
  await page.evaluate(() => (window as unknown as TestWindow).consentry.ready);
  return page;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  context = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('foundation in Chromium', () => {
  it('asks a first-time visitor and allows only necessary', async () => {
    const page = await openPage();
    const state = await page.evaluate(() => (window as unknown as TestWindow).consentry.get());
    expect(state.record).toBeNull();
    expect(state.needsChoice).toBe(true);
    expect(state.degraded).toBe(false);
    expect(await page.evaluate(() => (window as unknown as TestWindow).seenAtStart)).toEqual({ analytics: false, advertising: false, record: null });
    await page.waitForFunction(() => document.documentElement.dataset.opened === 'banner');
    await page.close();
  });

  it('knows the choice synchronously after a reload, before the next script runs', async () => {
    const page = await openPage();
    await page.evaluate(() => (window as unknown as TestWindow).consentry.acceptAll());
    const cookie = (await context.cookies()).find((c) => c.name === 'consentry');
    // Made through window.consentry: method "api" (flags 100: method 4 in bits 6–8).
    expect(cookie?.value).toMatch(/^1\.2021-10-24\.1f\.100\.[0-9a-z]+\.[0-9a-f-]{36}$/);
    expect(cookie?.sameSite).toBe('Lax');

    await page.reload();
    const seen = await page.evaluate(() => (window as unknown as TestWindow).seenAtStart);
    expect(seen.analytics).toBe(true);
    expect(seen.advertising).toBe(true);
    expect(seen.record?.method).toBe('api');
    const state = await page.evaluate(() => (window as unknown as TestWindow).consentry.ready);
    expect(state.needsChoice).toBe(false);
    expect(state.record?.categories).toEqual({ necessary: true, preferences: true, analytics: true, advertising: true, email: true });
    // The record is in Consentry's own IndexedDB database and store.
    const stored = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('consentry');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('consent').objectStore('consent').get('record');
            get.onsuccess = () => resolve(get.result);
          };
        }),
    );
    expect((stored as ConsentRecord).id).toBe(state.record?.id);
    await page.close();
  });

  it('restores a deleted mirror cookie from IndexedDB', async () => {
    await context.clearCookies();
    const page = await openPage();
    const state = await page.evaluate(() => (window as unknown as TestWindow).consentry.get());
    expect(await page.evaluate(() => (window as unknown as TestWindow).seenAtStart.analytics)).toBe(false);
    expect(state.record?.method).toBe('api');
    expect(await page.evaluate(() => (window as unknown as TestWindow).consentry.has('analytics'))).toBe(true);
    expect((await context.cookies()).find((c) => c.name === 'consentry')?.value).toMatch(/^1\.2021-10-24\.1f\./);
    await page.close();
  });

  it('applies a change made in one tab in another open tab', async () => {
    const first = await openPage();
    const second = await openPage();
    await first.evaluate(() => (window as unknown as TestWindow).consentry.rejectAll());
    await second.waitForFunction(() => (window as unknown as TestWindow).changes.length === 1);
    const [heard] = await second.evaluate(() => (window as unknown as TestWindow).changes);
    expect(heard?.record?.method).toBe('api');
    expect(heard?.record?.categories.analytics).toBe(false);
    const state = await second.evaluate(() => (window as unknown as TestWindow).consentry.get());
    expect(state.record?.categories.analytics).toBe(false);
    expect(await second.evaluate(() => (window as unknown as TestWindow).consentry.has('analytics'))).toBe(false);

    await second.evaluate(() => (window as unknown as TestWindow).consentry.acceptAll());
    await first.waitForFunction(() => (window as unknown as TestWindow).consentry.has('analytics'));
    expect(await first.evaluate(() => (window as unknown as TestWindow).consentry.get().record?.categories.analytics)).toBe(true);
    await first.close();
    await second.close();
  });

  it('withdraws: the choice and its cookie are gone, and the visitor is asked again', async () => {
    const page = await openPage();
    const state = await page.evaluate(() => (window as unknown as TestWindow).consentry.withdraw());
    expect(state.record).toBeNull();
    expect(state.needsChoice).toBe(true);
    expect((await context.cookies()).some((c) => c.name === 'consentry')).toBe(false);
    expect(await page.evaluate(() => (window as unknown as TestWindow).consentry.has('analytics'))).toBe(false);
    const history = await page.evaluate(() => (window as unknown as TestWindow).consentry.history());
    expect(history.map((h) => h.method)).toEqual(['api', 'api', 'api', 'withdraw']);
    expect(history.map((h) => h.categories.analytics)).toEqual([true, false, true, false]);
    await page.close();
  });

  it('opens the preference centre from a data-consentry-open link', async () => {
    const page = await openPage();
    await page.click('[data-consentry-open]');
    await page.waitForFunction(() => document.documentElement.dataset.opened === 'preferences');
    await page.close();
  });

  it('keeps working on the cookie alone when IndexedDB is unavailable', async () => {
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { get: () => undefined }));
    await page.route('**/dist/consentry-ui.js', (route) => route.fulfill({ contentType: 'text/javascript', body: 'window.consentryUI={open(){},close(){}}' }));
    await page.goto(`${server.origin}/test/e2e/pages/foundation.html`);
    const state = await page.evaluate(async () => {
      const { consentry } = window as unknown as TestWindow;
      await consentry.ready;
      return consentry.set({ categories: { analytics: true } });
    });
    expect(state.degraded).toBe(true);
    expect(state.record?.categories.analytics).toBe(true);
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as TestWindow).seenAtStart.analytics)).toBe(true);
    const after = await page.evaluate(() => (window as unknown as TestWindow).consentry.ready);
    expect(after).toMatchObject({ degraded: true, needsChoice: false, record: { categories: { analytics: true } } });
    expect(warnings.filter((w) => w.startsWith('consentry: IndexedDB is not available'))).toHaveLength(2);
    await page.close();
  });

  it('reports an invalid config once and keeps every optional category denied, even for a stored "accept all"', async () => {
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (message) => message.type() === 'error' && messages.push(message.text()));
    await page.route('**/test/e2e/pages/foundation.html', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('"version": "2021-10-24"', '"version": "2021-10-24", "verison": 2');
      await route.fulfill({ response, body });
    });
    await page.goto(`${server.origin}/test/e2e/pages/foundation.html`);
    await page.evaluate(async () => {
      const { consentry } = window as unknown as TestWindow;
      await consentry.ready;
      await consentry.acceptAll();
    });
    expect(await page.evaluate(() => (window as unknown as TestWindow).consentry.has('analytics'))).toBe(false);
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as TestWindow).seenAtStart)).toMatchObject({ analytics: false, advertising: false });
    expect(await page.evaluate(() => (window as unknown as TestWindow).consentry.ready.then(() => document.documentElement.dataset.opened ?? null))).toBeNull();
    expect(messages).toEqual([
      'consentry: the config has problems, so every optional category stays denied until they are fixed:\n- policy.verison is not a known option',
      'consentry: the config has problems, so every optional category stays denied until they are fixed:\n- policy.verison is not a known option',
    ]);
    await page.close();
  });

  it('opens the gate synchronously only for a config validated on an earlier page view', async () => {
    const page = await openPage();
    await page.evaluate(() => (window as unknown as TestWindow).consentry.acceptAll());
    // As if the config had just been edited: the runtime has not validated this text yet.
    await page.evaluate(() => localStorage.removeItem('consentry:config'));
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as TestWindow).seenAtStart)).toMatchObject({ analytics: false, advertising: false });
    await page.evaluate(() => (window as unknown as TestWindow).consentry.ready);
    expect(await page.evaluate(() => (window as unknown as TestWindow).consentry.has('analytics'))).toBe(true);
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as TestWindow).seenAtStart)).toMatchObject({ analytics: true, advertising: true });
    await page.close();
  });

  it('keeps the synchronous start for each config a site serves on different pages', async () => {
    const page = await openPage();
    await page.evaluate(() => (window as unknown as TestWindow).consentry.acceptAll());
    // The same site, another page with its own (valid) config text.
    await page.route('**/test/e2e/pages/foundation.html?shop', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('"version": "2021-10-24" }', '"version": "2021-10-24" }, "reloadOnWithdraw": false');
      await route.fulfill({ response, body });
    });
    const seen = async (path: string) => {
      await page.goto(`${server.origin}${path}`);
      const atStart = await page.evaluate(() => (window as unknown as TestWindow).seenAtStart.analytics);
      await page.evaluate(() => (window as unknown as TestWindow).consentry.ready);
      return atStart;
    };
    // First view of the shop's config: closed until the runtime validated it.
    expect(await seen('/test/e2e/pages/foundation.html?shop')).toBe(false);
    expect(await seen('/test/e2e/pages/foundation.html')).toBe(true);
    expect(await seen('/test/e2e/pages/foundation.html?shop')).toBe(true);
    expect(await seen('/test/e2e/pages/foundation.html')).toBe(true);
    await page.close();
  });

  it('reads localStorage at start only when the cookie would release something (never on a first visit or after "reject all"), and writes the validated config once', async () => {
    const own = await browser.newContext();
    // Which localStorage keys were read by the time the page's next script (right after the guard) ran.
    await own.addInitScript(() => {
      const reads: string[] = [];
      const getItem = Storage.prototype.getItem;
      Storage.prototype.getItem = function (this: Storage, key: string) {
        reads.push(key);
        return getItem.call(this, key);
      };
      const writes: string[] = [];
      (window as unknown as { writes: string[] }).writes = writes;
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
        writes.push(key);
        return setItem.call(this, key, value);
      };
      Object.defineProperty(window, 'seenAtStart', {
        configurable: true,
        set(value) {
          Object.defineProperty(window, 'seenAtStart', { value, writable: true, configurable: true });
          (window as unknown as { readsAtStart: string[] }).readsAtStart = [...reads];
        },
      });
    });
    const page = await own.newPage();
    const atStart = async () => {
      await page.evaluate(() => (window as unknown as TestWindow).consentry.ready);
      return page.evaluate(() => ({
        reads: (window as unknown as { readsAtStart: string[] }).readsAtStart,
        analytics: (window as unknown as TestWindow).seenAtStart.analytics,
        // The validated-config list is written when it changes only (a write is a synchronous round trip).
        configWrites: (window as unknown as { writes: string[] }).writes.filter((key) => key === 'consentry:config').length,
      }));
    };
    await page.goto(`${server.origin}/test/e2e/pages/foundation.html`);
    expect(await atStart()).toEqual({ reads: [], analytics: false, configWrites: 1 });
    await page.evaluate(() => (window as unknown as TestWindow).consentry.rejectAll());
    await page.reload();
    expect(await atStart()).toEqual({ reads: [], analytics: false, configWrites: 0 });
    await page.evaluate(() => (window as unknown as TestWindow).consentry.acceptAll());
    await page.reload();
    expect(await atStart()).toEqual({ reads: ['consentry:config'], analytics: true, configWrites: 0 });
    await own.close();
  });

  it('threw nothing into the page', () => {
    expect(errors).toEqual([]);
  });
});
