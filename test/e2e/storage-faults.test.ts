/**
 * Storage faults in real Chromium (issue #11): IndexedDB missing, refusing to
 * open, blocked by another tab's upgrade, over quota, aborting a write;
 * corrupt, truncated, newer-schema and impossible records; the mirror cookie
 * deleted or disagreeing with the record; cookies refused. The faults are
 * made with `addInitScript` (before the guard runs) or by writing the
 * browser's storage between page views. In every case: nothing is thrown
 * into the page (no `pageerror`, no unhandled rejection), optional categories
 * stay blocked until a valid choice exists (the pasted trackers reach
 * nobody, the tagged script waits), the banner works, and no valid choice or
 * history entry is lost.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentryApi, HistoryEntry } from '../../src/core/types';
import { launchChromium, startServer, type TestServer } from './harness';
import { routeVendors, type VendorTraffic } from './vendors';

type TestWindow = Window & { consentry: ConsentryApi; seenAtStart: boolean; taggedRuns?: number; rejections: string[] };

let browser: Browser;
let server: TestServer;
const PAGE = '/test/e2e/storage-faults/page.html';
const PLAIN = '/test/e2e/storage-faults/plain.html';
const POLICY = '2026-01-01';

beforeAll(async () => {
  server = await startServer();
  const pages: Record<string, string> = {
    [PAGE]: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>storage faults</title>
      <script type="application/json" id="consentry-config">{ "policy": { "url": "/privacy", "version": "${POLICY}" } }</script>
      <script src="/dist/consentry.js"></script>
      <script>window.seenAtStart = window.consentry.has('analytics');</script>
      <script>
        new Image().src = 'https://www.facebook.com/tr?id=1&ev=PageView';
        fetch('https://www.google-analytics.com/g/collect?v=2&tid=G-STORAGE').catch(() => {});
      </script>
      </head><body><h1>Storage faults</h1>
      <script type="text/plain" data-consent="analytics">window.taggedRuns = (window.taggedRuns || 0) + 1;</script>
      </body></html>`,
    [PLAIN]: '<!doctype html><html><head><meta charset="utf-8"><title>plain</title></head><body>no guard here</body></html>',
  };
  server.handle((req, res) => {
    const html = pages[new URL(req.url ?? '/', 'http://x').pathname];
    if (html === undefined) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    return true;
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Visit {
  context: BrowserContext;
  page: Page;
  traffic: VendorTraffic;
  pageErrors: string[];
  warnings: string[];
}

/** A fresh browser profile; `before` sets it up, `fault` runs in the page before anything else (page.addInitScript). */
async function visit(fault?: () => void, before?: (context: BrowserContext) => Promise<void>): Promise<Visit> {
  const context = await browser.newContext();
  context.setDefaultTimeout(8000);
  await before?.(context);
  const traffic = await routeVendors(context, server.origin);
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as unknown as TestWindow).rejections = [];
    addEventListener('unhandledrejection', (event) => (window as unknown as TestWindow).rejections.push(String(event.reason)));
  });
  if (fault) await page.addInitScript(fault);
  const pageErrors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await page.goto(server.origin + PAGE);
  return { context, page, traffic, pageErrors, warnings };
}

/** What the page knows once the stored choice is known. */
const state = (page: Page) =>
  page.evaluate(async () => {
    const w = window as unknown as TestWindow;
    await w.consentry.ready;
    const now = w.consentry.get();
    return {
      needsChoice: now.needsChoice,
      degraded: now.degraded,
      analytics: w.consentry.has('analytics'),
      method: w.consentry.get().record?.method ?? null,
      seenAtStart: w.seenAtStart,
      taggedRuns: w.taggedRuns ?? 0,
    };
  });

/** Long enough for a request the guard let through to reach the route handler. */
const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 400)));

/** The record and history as IndexedDB holds them, read from a page without faults. */
async function stored(context: BrowserContext): Promise<{ record: Record<string, unknown> | undefined | string; history: HistoryEntry[] }> {
  const page = await context.newPage();
  await page.goto(server.origin + PLAIN);
  const result = await page.evaluate(
    () =>
      new Promise<{ record: Record<string, unknown> | undefined; history: HistoryEntry[] }>((resolve, reject) => {
        const open = indexedDB.open('consentry');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('consent')) return resolve({ record: undefined, history: [] });
          const store = db.transaction('consent').objectStore('consent');
          const record = store.get('record');
          const history = store.get('history');
          history.onsuccess = () => {
            db.close();
            resolve({ record: record.result, history: history.result ?? [] });
          };
        };
      }),
  );
  await page.close();
  return result;
}

/** Writes IndexedDB's record (or deletes it) from a page without faults. */
async function writeRecord(context: BrowserContext, record: unknown): Promise<void> {
  const page = await context.newPage();
  await page.goto(server.origin + PLAIN);
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('consentry');
        open.onupgradeneeded = () => open.result.createObjectStore('consent');
        open.onsuccess = () => {
          const tx = open.result.transaction('consent', 'readwrite');
          if (value === undefined) tx.objectStore('consent').delete('record');
          else tx.objectStore('consent').put(value, 'record');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    record,
  );
  await page.close();
}

const mirrorCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name === 'consentry')?.value;

/** A mirror cookie value (docs/mirror-cookie.md): `categories` and `flags` in hex, made `secondsAgo`. */
const cookieValue = (categories: string, flags: string, secondsAgo: number, id: string) =>
  `1.${POLICY}.${categories}.${flags}.${Math.floor(Date.now() / 1000 - secondsAgo).toString(36)}.${id}`;
const REJECT_ALL = ['1', '46'] as const;

/** Nothing optional has run and nothing reached a third party. */
async function expectBlocked(v: Visit) {
  await settle(v.page);
  expect(v.traffic.requests.map((r) => r.url)).toEqual([]);
  expect(await v.page.evaluate(() => (window as unknown as TestWindow).taggedRuns ?? 0)).toBe(0);
}

/** Nothing was thrown into the page, in this page view or an earlier one. */
async function expectNothingThrown(v: Visit) {
  expect(v.pageErrors).toEqual([]);
  expect(await v.page.evaluate(() => (window as unknown as TestWindow).rejections)).toEqual([]);
}

/** The visitor chooses in the banner. */
async function acceptInBanner(page: Page) {
  await (await page.waitForSelector('[data-consentry="banner"] [data-action="accept-all"]')).click();
  await page.waitForFunction(() => (window as unknown as TestWindow).consentry.has('analytics') && (window as unknown as TestWindow).taggedRuns === 1);
}

const historyMethods = (page: Page) => page.evaluate(async () => (await (window as unknown as TestWindow).consentry.history()).map((h) => h.method));

/**
 * A first-time visitor under a fault that lasts: blocked until they choose,
 * the banner works, the choice holds for the page (memory) and the next page
 * view (the mirror cookie), and the history holds the change.
 */
async function firstVisitUnder(fault?: () => void, { cookies = true, before }: { cookies?: boolean; before?: (context: BrowserContext) => Promise<void> } = {}) {
  const v = await visit(fault, before);
  expect(await state(v.page)).toMatchObject({ needsChoice: true, analytics: false, seenAtStart: false });
  await expectBlocked(v);
  await acceptInBanner(v.page);
  expect(await state(v.page)).toMatchObject({ needsChoice: false, analytics: true, method: 'accept-all', taggedRuns: 1 });
  expect(await historyMethods(v.page)).toEqual(['accept-all']);
  await expectNothingThrown(v);
  if (cookies) expect(await mirrorCookie(v.context)).toMatch(/^1\.2026-01-01\.1f\.0\./);
  await v.page.reload();
  // Without the cookie the choice comes from IndexedDB at `ready`; the release it opens runs a task later.
  await v.page.waitForFunction(() => (window as unknown as TestWindow).taggedRuns === 1);
  expect(await state(v.page)).toMatchObject({ needsChoice: false, analytics: true, taggedRuns: 1 });
  await expectNothingThrown(v);
  return v;
}

/** A visitor who chose "Accept all" in the banner on an earlier page view, with nothing wrong then. */
async function returning(): Promise<Visit> {
  const v = await visit();
  await state(v.page);
  await acceptInBanner(v.page);
  await v.page.evaluate(async () => (window as unknown as TestWindow).consentry.ready);
  // The write to IndexedDB follows the click: wait until it is there.
  await expect.poll(async () => (await stored(v.context)).history.length, { timeout: 4000 }).toBe(1);
  return v;
}

describe('storage faults in Chromium: nothing thrown, blocked until a valid choice, nothing the visitor chose lost', () => {
  it('IndexedDB missing', async () => {
    const v = await firstVisitUnder(() => Object.defineProperty(window, 'indexedDB', { get: () => undefined }));
    expect(v.warnings.filter((w) => w.startsWith('consentry: IndexedDB is not available'))).toHaveLength(2);
    await v.context.close();
  });

  it('indexedDB.open throws (storage refused)', async () => {
    const v = await firstVisitUnder(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    });
    expect(await state(v.page)).toMatchObject({ degraded: true });
    await v.context.close();
  });

  it('the open request fails (an error event, as in some private modes)', async () => {
    const v = await firstVisitUnder(() => {
      IDBFactory.prototype.open = function () {
        const request = {} as IDBOpenDBRequest & { error: DOMException };
        setTimeout(() => {
          Object.defineProperty(request, 'error', { value: new DOMException('Internal error opening backing store', 'UnknownError') });
          request.onerror?.(new Event('error'));
        });
        return request;
      };
    });
    expect(await state(v.page)).toMatchObject({ degraded: true });
    await v.context.close();
  });

  it("blocked by another tab's upgrade that never completes", async () => {
    const v = await firstVisitUnder(undefined, {
      // Tab 1 (no guard) holds the database open at version 1 and never lets go; tab 2 asks for version 2: blocked, and every later open waits behind it.
      before: async (context) => {
        const holder = await context.newPage();
        await holder.goto(server.origin + PLAIN);
        await holder.evaluate(
          () =>
            new Promise<void>((resolve) => {
              const open = indexedDB.open('consentry', 1);
              open.onupgradeneeded = () => open.result.createObjectStore('consent');
              open.onsuccess = () => {
                (window as unknown as { held: IDBDatabase }).held = open.result;
                resolve();
              };
            }),
        );
        const upgrader = await context.newPage();
        await upgrader.goto(server.origin + PLAIN);
        expect(await upgrader.evaluate(() => new Promise((resolve) => (indexedDB.open('consentry', 2).onblocked = () => resolve('blocked'))))).toBe('blocked');
      },
    });
    expect(await state(v.page)).toMatchObject({ degraded: true });
    expect(v.warnings.filter((w) => w.startsWith('consentry: IndexedDB is not available'))).toHaveLength(2);
    await v.context.close();
  });

  it('quota exceeded on every write', async () => {
    const v = await firstVisitUnder(() => {
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    expect(await state(v.page)).toMatchObject({ degraded: true });
    await v.context.close();
  });

  it('a transaction aborted mid-write: written again shortly, nothing half-written, nothing lost', async () => {
    const v = await firstVisitUnder(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        const request = put.call(this, value, key);
        // The first write of this tab's session only (the page is reloaded in between).
        if (key === 'history' && !sessionStorage.getItem('aborted')) {
          sessionStorage.setItem('aborted', '1');
          this.transaction.abort();
        }
        return request;
      };
    });
    // Written again shortly (or, if the page was left first, recorded from the cookie on the next page view).
    await expect.poll(async () => ((await stored(v.context)).record as Record<string, unknown> | undefined)?.method, { timeout: 4000 }).toBe('accept-all');
    const { history } = await stored(v.context);
    expect(history.map((h) => h.method)).toEqual(['accept-all']);
    expect(await state(v.page)).toMatchObject({ degraded: false });
    await v.context.close();
  });

  it('cookies refused entirely: the choice lives in memory for the page, the banner works, IndexedDB brings it back next time', async () => {
    const v = await firstVisitUnder(
      () => {
        Object.defineProperty(Document.prototype, 'cookie', {
          get() {
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          },
          set() {
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          },
        });
      },
      { cookies: false },
    );
    expect(await mirrorCookie(v.context)).toBeUndefined();
    // Without a cookie the page cannot decide before IndexedDB answers: blocked at start, then released.
    expect(await state(v.page)).toMatchObject({ seenAtStart: false, analytics: true });
    expect((await stored(v.context)).history.map((h) => h.method)).toEqual(['accept-all']);
    await v.context.close();
  });

  for (const [name, damage] of [
    ['a corrupt record', (r: Record<string, unknown>) => ({ ...r, categories: 'garbled', optOuts: null })],
    ['a truncated record', (r: Record<string, unknown>) => JSON.stringify(r).slice(0, 40)],
  ] as const) {
    it(`${name}: the mirror cookie's valid choice is kept and recorded again, once`, async () => {
      const v = await returning();
      const { record } = await stored(v.context);
      await writeRecord(v.context, damage(record as Record<string, unknown>));
      v.traffic.clear();
      await v.page.reload();
      expect(await state(v.page)).toMatchObject({ needsChoice: false, analytics: true, method: 'accept-all', seenAtStart: true, taggedRuns: 1 });
      expect(v.warnings).toContain("consentry: the stored choice could not be read; the mirror cookie's choice is kept");
      const after = await stored(v.context);
      // Repaired: a whole record again, the choice the cookie held.
      expect(after.record).toMatchObject({
        schema: 1,
        id: (record as Record<string, unknown>).id,
        method: 'accept-all',
        categories: { necessary: true, preferences: true, analytics: true, advertising: true, email: true },
        optOuts: { promotionalEmail: false, personalisedAds: false, adSharing: false },
      });
      expect(after.history.map((h) => h.method)).toEqual(['accept-all']);
      await expectNothingThrown(v);
      await v.context.close();
    });
  }

  it("a record from a newer schema: the cookie's choice is used, the newer record left for newer code", async () => {
    const v = await returning();
    const { record } = await stored(v.context);
    const newer = { ...(record as Record<string, unknown>), schema: 2, channels: { sms: false } };
    await writeRecord(v.context, newer);
    await v.page.reload();
    expect(await state(v.page)).toMatchObject({ needsChoice: false, analytics: true, taggedRuns: 1 });
    expect((await stored(v.context)).record).toEqual(newer);
    await expectNothingThrown(v);
    await v.context.close();
  });

  for (const [name, times] of [
    ['dated ten years ahead', () => ({ updatedAt: Date.now() + 3650 * 86_400_000, expiresAt: Date.now() + 4015 * 86_400_000 })],
    ['dated past the last time a Date holds', () => ({ updatedAt: 1e300, expiresAt: 1e300, createdAt: 1e300 })],
    ['expiring a century after it was made', () => ({ expiresAt: Date.now() + 36_500 * 86_400_000 })],
  ] as const) {
    it(`a record ${name}, without a cookie: no choice, nothing released`, async () => {
      const v = await returning();
      const { record } = await stored(v.context);
      await writeRecord(v.context, { ...(record as Record<string, unknown>), ...times() });
      await v.context.clearCookies();
      v.traffic.clear();
      await v.page.reload();
      expect(await state(v.page)).toMatchObject({ needsChoice: true, analytics: false, taggedRuns: 0 });
      await expectBlocked(v);
      await v.page.waitForSelector('[data-consentry="banner"]');
      await expectNothingThrown(v);
      await v.context.close();
    });
  }

  it('the mirror cookie deleted (as Safari does after seven days): restored from IndexedDB, no history entry added', async () => {
    const v = await returning();
    await v.context.clearCookies();
    v.traffic.clear();
    await v.page.reload();
    expect(await state(v.page)).toMatchObject({ seenAtStart: false, needsChoice: false, analytics: true, taggedRuns: 1 });
    expect(await mirrorCookie(v.context)).toMatch(/^1\.2026-01-01\.1f\.0\./);
    expect((await stored(v.context)).history.map((h) => h.method)).toEqual(['accept-all']);
    await expectNothingThrown(v);
    await v.context.close();
  });

  it('an older cookie that disagrees with the record: the record wins, the cookie is rewritten', async () => {
    const v = await returning();
    const { record } = await stored(v.context);
    const id = (record as Record<string, unknown>).id as string;
    await v.context.addCookies([{ name: 'consentry', value: cookieValue(...REJECT_ALL, 86_400, id), url: server.origin }]);
    await v.page.reload();
    expect(await state(v.page)).toMatchObject({ seenAtStart: false, needsChoice: false, analytics: true, method: 'accept-all' });
    expect(await mirrorCookie(v.context)).toMatch(/^1\.2026-01-01\.1f\.0\./);
    expect((await stored(v.context)).history.map((h) => h.method)).toEqual(['accept-all']);
    await expectNothingThrown(v);
    await v.context.close();
  });

  it('a newer cookie that disagrees with the record (a choice made on another subdomain): it is recorded, and closes the gate', async () => {
    const v = await returning();
    // "Reject all", dated a second from now (within the clock skew allowed): later than the stored record.
    await v.context.addCookies([{ name: 'consentry', value: cookieValue(...REJECT_ALL, -1, 'other-subdomain-1'), url: server.origin }]);
    v.traffic.clear();
    await v.page.reload();
    expect(await state(v.page)).toMatchObject({ seenAtStart: false, needsChoice: false, analytics: false, method: 'reject-all', taggedRuns: 0 });
    await expectBlocked(v);
    const after = await stored(v.context);
    expect(after.record).toMatchObject({ id: 'other-subdomain-1', method: 'reject-all' });
    expect(after.history.map((h) => h.method)).toEqual(['accept-all', 'reject-all']);
    await expectNothingThrown(v);
    await v.context.close();
  });
});
