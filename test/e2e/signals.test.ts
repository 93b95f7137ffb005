/**
 * Signals in real Chromium with the built guard and UI (issue 5): Consent Mode
 * v2 and the dataLayer event, address-bar cleaning before the next script,
 * unsubscribe-link landings, GPC, consent receipts with retry, and re-consent
 * on policy changes and expiry. Pages: test/e2e/pages/signals*.html, each with
 * an inline probe right after the guard that records what a tag could read
 * (inline, so nothing delays it: it runs as soon as the guard's script ends).
 * Every page is served under a strict CSP (no eval; no inline script but the
 * probe, allowed by its hash).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { launchChromium, ROOT, startServer, type TestServer } from './harness';
import type { ConsentReceipt, ConsentRecord, ConsentState, ConsentryApi } from '../../src/core/types';

type DataLayerEntry = { arguments: unknown[] } | { object: unknown };
type TestWindow = Window & {
  consentry: ConsentryApi;
  probe: { href: string; dataLayer: DataLayerEntry[] };
  dataLayer: unknown[];
};

interface ReceivedReceipt {
  contentType: string | undefined;
  cookie: string | undefined;
  body: ConsentReceipt;
}

const PAGE = '/test/e2e/pages/signals.html';
const QUEUE_KEY = 'consentry:receipts';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let received: ReceivedReceipt[] = [];
/** What the local receipt endpoint answers. */
let endpointStatus = 204;
/** Requests to the endpoint other than POST (a CORS preflight would be OPTIONS). */
let preflights = 0;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  const probe = /<script>([\s\S]*?)<\/script>/.exec(readFileSync(`${ROOT}test/e2e/pages/signals.html`, 'utf8'))![1]!;
  const probeHash = createHash('sha256').update(probe).digest('base64');
  server.headers['content-security-policy'] = `default-src 'self'; script-src 'self' 'sha256-${probeHash}'; style-src 'self'`;
  server.handle((req, res, body) => {
    if (!req.url?.startsWith('/signals/receipts')) return false;
    if (req.method !== 'POST') {
      preflights += 1;
      res.writeHead(405).end();
      return true;
    }
    received.push({ contentType: req.headers['content-type'], cookie: req.headers.cookie, body: JSON.parse(body) as ConsentReceipt });
    res.writeHead(endpointStatus).end();
    return true;
  });
  // A page whose receipt endpoint is on another origin (localhost vs 127.0.0.1, same server).
  server.handle((req, res) => {
    if (req.url !== '/signals/cross-origin.html') return false;
    const endpoint = server.origin.replace('127.0.0.1', 'localhost') + '/signals/receipts';
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'self'; connect-src 'self' ${new URL(endpoint).origin}; style-src 'self'`,
    });
    res.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cross-origin receipts</title>` +
        `<script type="application/json" id="consentry-config">${JSON.stringify({ receiptEndpoint: endpoint })}</script>` +
        `<script src="/dist/consentry.js"></script></head><body><h1>Cross-origin receipts</h1></body></html>`,
    );
    return true;
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  await context?.close();
  context = await browser.newContext();
  received = [];
  endpointStatus = 204;
  preflights = 0;
  pageErrors.length = 0;
});

async function open(path: string, target: Page | null = null): Promise<Page> {
  const page = target ?? (await context.newPage());
  if (!target) page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.origin + path);
  await page.evaluate(() => (window as unknown as TestWindow).consentry.ready);
  return page;
}

const api = <T>(page: Page, fn: (consentry: ConsentryApi) => T | Promise<T>): Promise<T> =>
  page.evaluate(`(${fn.toString()})(window.consentry)`) as Promise<T>;

const record = (page: Page) => api(page, (c) => c.get().record) as Promise<ConsentRecord | null>;

async function waitForReceipts(count: number): Promise<ReceivedReceipt[]> {
  await expect.poll(() => received.length).toBe(count);
  return received;
}

/** The receipt the endpoint must get for a record: exactly these fields. */
const receiptOf = (r: ConsentRecord, extra: Partial<ConsentReceipt> = {}): ConsentReceipt => ({
  recordId: r.id,
  timestamp: new Date(r.updatedAt).toISOString(),
  policyVersion: r.policyVersion,
  language: r.language,
  categories: r.categories,
  optOuts: r.optOuts,
  method: r.method,
  gpc: r.gpc,
  ...extra,
});

const ALL_DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};
const ALL_GRANTED = {
  ad_storage: 'granted',
  ad_user_data: 'granted',
  ad_personalization: 'granted',
  analytics_storage: 'granted',
  functionality_storage: 'granted',
  personalization_storage: 'granted',
  security_storage: 'granted',
};

/** dataLayer as the page has it now, Arguments objects told apart (as the probe does). */
const dataLayerNow = (page: Page): Promise<DataLayerEntry[]> =>
  page.evaluate(() =>
    (window as unknown as TestWindow).dataLayer.map((entry) =>
      Object.prototype.toString.call(entry) === '[object Arguments]'
        ? { arguments: Array.from(entry as ArrayLike<unknown>) }
        : { object: entry },
    ),
  );

describe('Google Consent Mode v2 and the dataLayer event', () => {
  it('has the default (all denied but security_storage) in dataLayer before the first tag runs, as gtag Arguments', async () => {
    const page = await open(PAGE);
    const probe = await page.evaluate(() => (window as unknown as TestWindow).probe);
    expect(probe.dataLayer).toEqual([{ arguments: ['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }] }]);
  });

  it('pushes update from the stored choice and after each choice, with a consentry_update event', async () => {
    const page = await open(PAGE);
    const noChoice = { necessary: true, preferences: false, analytics: false, advertising: false, email: false };
    expect(await dataLayerNow(page)).toEqual([
      { arguments: ['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }] },
      { arguments: ['consent', 'update', ALL_DENIED] },
      { object: { event: 'consentry_update', consentry: { categories: noChoice, optOuts: null, method: null } } },
    ]);

    await api(page, (c) => c.acceptAll());
    const everything = { necessary: true, preferences: true, analytics: true, advertising: true, email: true };
    const noOptOuts = { promotionalEmail: false, personalisedAds: false, adSharing: false };
    expect((await dataLayerNow(page)).slice(3)).toEqual([
      { arguments: ['consent', 'update', ALL_GRANTED] },
      // Made by page code through window.consentry: method "api".
      { object: { event: 'consentry_update', consentry: { categories: everything, optOuts: noOptOuts, method: 'api' } } },
    ]);

    // Refusing personalised ads turns advertising off in the guard, so every ad type is denied again.
    await api(page, (c) => c.set({ categories: { preferences: false }, optOuts: { personalisedAds: true }, method: 'custom' }));
    expect((await dataLayerNow(page)).slice(5)).toEqual([
      {
        arguments: [
          'consent',
          'update',
          { ...ALL_DENIED, analytics_storage: 'granted' },
        ],
      },
      {
        object: {
          event: 'consentry_update',
          consentry: {
            categories: { ...everything, preferences: false, advertising: false },
            optOuts: { ...noOptOuts, personalisedAds: true },
            method: 'api',
          },
        },
      },
    ]);

    // A returning visitor: the stored choice is pushed as soon as it is known.
    await page.reload();
    await page.evaluate(() => (window as unknown as TestWindow).consentry.ready);
    expect((await dataLayerNow(page)).slice(0, 2)).toEqual([
      { arguments: ['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }] },
      { arguments: ['consent', 'update', { ...ALL_DENIED, analytics_storage: 'granted' }] },
    ]);
  });
});

describe('email click-tracking parameters', () => {
  it('are gone from the address bar before a script after the guard reads location.href', async () => {
    const page = await open(`${PAGE}?utm_source=newsletter&q=red%20shoes&mc_eid=abc123&UTM_Medium=email&_hsenc=p2AN#reviews`);
    const expected = `${server.origin}${PAGE}?q=red%20shoes#reviews`;
    expect(await page.evaluate(() => (window as unknown as TestWindow).probe.href)).toBe(expected);
    expect(page.url()).toBe(expected);
    // Replaced, not pushed: Back leaves the page instead of returning to the tracked address.
    await page.goBack();
    expect(page.url()).toBe('about:blank');
  });

  it('stay when the visitor allowed email link tracking', async () => {
    const page = await open(PAGE);
    await api(page, (c) => c.set({ categories: { email: true }, method: 'custom' }));
    await open(`${PAGE}?utm_source=newsletter&mc_eid=abc123`, page);
    expect(await page.evaluate(() => (window as unknown as TestWindow).probe.href)).toBe(
      `${server.origin}${PAGE}?utm_source=newsletter&mc_eid=abc123`,
    );
  });
});

describe('consent receipts', () => {
  it('sends each change to the endpoint with exactly the documented fields, and no cookies', async () => {
    const page = await open(PAGE);
    await api(page, (c) => c.acceptAll());
    const accepted = (await record(page))!;
    const [first] = await waitForReceipts(1);
    expect(first!.body).toStrictEqual(receiptOf(accepted));
    expect(first!.body).toStrictEqual({
      recordId: accepted.id,
      timestamp: new Date(accepted.updatedAt).toISOString(),
      policyVersion: '2021-10-24',
      language: 'en',
      categories: { necessary: true, preferences: true, analytics: true, advertising: true, email: true },
      optOuts: { promotionalEmail: false, personalisedAds: false, adSharing: false },
      // Page code made it (window.consentry.acceptAll()): the receipt says so.
      method: 'api',
      gpc: false,
    });
    expect(first!.contentType).toBe('application/json');
    expect(first!.cookie).toBeUndefined();

    await api(page, (c) => c.withdraw());
    const [, withdrawn] = await waitForReceipts(2);
    expect(withdrawn!.body).toStrictEqual({
      ...receiptOf(accepted),
      timestamp: withdrawn!.body.timestamp,
      categories: { necessary: true, preferences: false, analytics: false, advertising: false, email: false },
      method: 'withdraw',
    });
    expect(Date.parse(withdrawn!.body.timestamp)).toBeGreaterThanOrEqual(accepted.updatedAt);
    // Delivered: nothing left to retry.
    expect(await page.evaluate((key) => localStorage.getItem(key), QUEUE_KEY)).toBe('[]');
  });

  it('sends one receipt per change, however many tabs of the site hear it', async () => {
    const one = await open(PAGE);
    const two = await open(PAGE);
    await api(one, (c) => c.acceptAll());
    const accepted = (await record(one))!;
    // The second tab has applied the change (and run its change listeners).
    await expect.poll(async () => (await record(two))?.updatedAt).toBe(accepted.updatedAt);
    await api(two, (c) => c.rejectAll());
    const rejected = (await record(two))!;
    await expect.poll(async () => (await record(one))?.updatedAt).toBe(rejected.updatedAt);
    const bodies = (await waitForReceipts(2)).map((r) => r.body);
    expect(bodies).toStrictEqual([receiptOf(accepted), receiptOf(rejected)]);
  });

  it('sends cross-origin receipts as text/plain JSON without a preflight', async () => {
    const page = await open('/signals/cross-origin.html');
    await api(page, (c) => c.rejectAll());
    const rejected = (await record(page))!;
    const [receipt] = await waitForReceipts(1);
    expect(receipt!.contentType).toBe('text/plain');
    expect(preflights).toBe(0);
    expect(receipt!.body).toStrictEqual(receiptOf(rejected));
    // The answer is opaque (no CORS headers needed), and counts as delivered.
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), QUEUE_KEY)).toBe('[]');
  });

  it('keeps a receipt that failed (503, then offline) and delivers it on the next page view', async () => {
    const page = await open(PAGE);
    endpointStatus = 503;
    await api(page, (c) => c.acceptAll());
    const accepted = (await record(page))!;
    await waitForReceipts(1);

    // Offline: the request never reaches the server.
    await context.route('**/signals/receipts', (route) => route.abort('internetdisconnected'));
    await api(page, (c) => c.rejectAll());
    const rejected = (await record(page))!;
    await expect
      .poll(() => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]').length as number, QUEUE_KEY))
      .toBe(2);
    expect(received).toHaveLength(1);

    await context.unroute('**/signals/receipts');
    endpointStatus = 204;
    received = [];
    await open(PAGE, page);
    const retried = await waitForReceipts(2);
    expect(retried.map((r) => r.body)).toStrictEqual([receiptOf(accepted), receiptOf(rejected)]);
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), QUEUE_KEY)).toBe('[]');
  });
});

describe('unsubscribe links', () => {
  const LINK = `${PAGE}?unsubscribe=weekly-news&token=Tok_12345678.ab&utm_source=newsletter`;

  it('records the opt-out, reports list and token, strips them before analytics, and confirms without the banner', async () => {
    const page = await open(LINK);
    expect(await page.evaluate(() => (window as unknown as TestWindow).probe.href)).toBe(`${server.origin}${PAGE}`);
    await page.locator('[data-consentry="unsubscribe"]').waitFor();
    expect(await page.locator('[data-consentry="unsubscribe"]').innerText()).toContain('You won\'t receive “weekly-news” emails from us any more.');
    expect(await page.locator('[data-consentry="banner"]').count()).toBe(0);

    const [receipt] = await waitForReceipts(1);
    const unsubscribed = (await record(page))!;
    expect(unsubscribed.optOuts).toEqual({ promotionalEmail: true, personalisedAds: false, adSharing: false });
    expect(unsubscribed.method).toBe('unsubscribe-link');
    expect(receipt!.body).toStrictEqual(receiptOf(unsubscribed, { unsubscribe: { list: 'weekly-news', token: 'Tok_12345678.ab' } }));

    // The token never reached the dataLayer either.
    expect(JSON.stringify(await dataLayerNow(page))).not.toContain('Tok_12345678');
  });

  it('is harmless the second time: same confirmation, still unsubscribed, the token reported again', async () => {
    const page = await open(LINK);
    await waitForReceipts(1);
    const first = (await record(page))!;

    await open(LINK, page);
    await page.locator('[data-consentry="unsubscribe"]').waitFor();
    const [, again] = await waitForReceipts(2);
    const after = (await record(page))!;
    // The test navigates within milliseconds of the first choice, before IndexedDB may have
    // committed it; the guard then restores it from the mirror cookie, which keeps seconds.
    const toSecond = (r: typeof first) => ({ ...r, createdAt: Math.floor(r.createdAt / 1000), updatedAt: Math.floor(r.updatedAt / 1000), expiresAt: Math.floor(r.expiresAt / 1000) });
    expect(toSecond(after)).toEqual(toSecond(first));
    expect(again!.body).toStrictEqual({
      ...receiptOf(first),
      timestamp: again!.body.timestamp,
      unsubscribe: { list: 'weekly-news', token: 'Tok_12345678.ab' },
    });
    expect(await api(page, (c) => c.history().then((h) => h.length))).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('does not renew an expired choice: the unsubscribe is recorded with every category denied', async () => {
    const page = await open(PAGE);
    await api(page, (c) => c.acceptAll());
    const chosen = (await record(page))!;

    const later = await context.newPage();
    await later.clock.setFixedTime(chosen.updatedAt + 366 * 86_400_000);
    await open(LINK, later);
    await expect.poll(async () => (await record(later))?.method).toBe('unsubscribe-link');
    const after = (await record(later))!;
    expect(after.categories).toEqual({ necessary: true, preferences: false, analytics: false, advertising: false, email: false });
    expect(after.optOuts.promotionalEmail).toBe(true);
    expect(await api(later, (c) => c.has('analytics'))).toBe(false);
  });

  it('records nothing for a token of the wrong shape and says the link is damaged', async () => {
    const page = await open(`${PAGE}?unsubscribe=weekly-news&token=bad<&q=1`);
    expect(await page.evaluate(() => (window as unknown as TestWindow).probe.href)).toBe(`${server.origin}${PAGE}?q=1`);
    await page.locator('[data-consentry="unsubscribe"]').waitFor();
    expect(await page.locator('[data-consentry="unsubscribe"]').innerText()).toContain('This unsubscribe link is incomplete or damaged');
    expect(await record(page)).toBeNull();
    // Nothing was queued, so nothing was or will be sent.
    expect(await page.evaluate((key) => localStorage.getItem(key), QUEUE_KEY)).toBeNull();
  });
});

describe('Global Privacy Control', () => {
  /** GPC through Chromium, switched per page view by a flag the test sets. */
  async function withGpcSwitch(): Promise<void> {
    await context.addInitScript(() => {
      if (localStorage.getItem('test:gpc') === 'on') {
        Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { configurable: true, get: () => true });
      }
    });
  }
  const setGpc = (page: Page, on: boolean) => page.evaluate((value) => localStorage.setItem('test:gpc', value), on ? 'on' : 'off');

  it('turns both ad opt-outs on for a first choice, and a later visit without GPC keeps them', async () => {
    await withGpcSwitch();
    const page = await open(PAGE);
    await setGpc(page, true);
    await open(PAGE, page);
    expect(await page.evaluate(() => navigator.globalPrivacyControl)).toBe(true);
    await api(page, (c) => c.acceptAll());
    const chosen = (await record(page))!;
    expect(chosen.optOuts).toEqual({ promotionalEmail: false, personalisedAds: true, adSharing: true });
    expect(chosen.gpc).toBe(true);
    expect(await api(page, (c) => c.has('advertising'))).toBe(false);
    const [receipt] = await waitForReceipts(1);
    expect(receipt!.body).toStrictEqual(receiptOf(chosen));

    await setGpc(page, false);
    await open(PAGE, page);
    expect(await page.evaluate(() => navigator.globalPrivacyControl)).toBeUndefined();
    expect(await record(page)).toEqual(chosen);
    expect(await page.evaluate(() => (window as unknown as TestWindow).probe.dataLayer.length)).toBe(1);
    expect(await dataLayerNow(page)).toContainEqual({ arguments: ['consent', 'update', { ...ALL_DENIED, analytics_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted' }] });
    expect(received).toHaveLength(1);
  });

  it('updates a choice made before the browser sent GPC (method gpc, with a receipt)', async () => {
    await withGpcSwitch();
    const page = await open(PAGE);
    await api(page, (c) => c.acceptAll());
    await waitForReceipts(1);

    await setGpc(page, true);
    await open(PAGE, page);
    await expect.poll(async () => (await record(page))?.method).toBe('gpc');
    const updated = (await record(page))!;
    expect(updated.optOuts).toEqual({ promotionalEmail: false, personalisedAds: true, adSharing: true });
    expect(updated.gpc).toBe(true);
    const [, receipt] = await waitForReceipts(2);
    expect(receipt!.body).toStrictEqual(receiptOf(updated));
  });
});

describe('asking again', () => {
  it('asks again after a material policy change, not after a minor one', async () => {
    const page = await open(PAGE);
    await api(page, (c) => c.acceptAll());

    await open('/test/e2e/pages/signals-minor-change.html', page);
    expect(await api(page, (c) => c.get().needsChoice)).toBe(false);
    expect(await api(page, (c) => c.has('analytics'))).toBe(true);
    expect(await page.locator('[data-consentry="banner"]').count()).toBe(0);

    await open('/test/e2e/pages/signals-material.html', page);
    expect(await api(page, (c) => c.get().needsChoice)).toBe(true);
    expect(await api(page, (c) => c.has('analytics'))).toBe(false);
    await page.locator('[data-consentry="banner"]').waitFor();
    // The probe ran before any choice could apply: Consent Mode said "denied" from the start.
    expect(await page.evaluate(() => (window as unknown as TestWindow).probe.dataLayer)).toEqual([
      { arguments: ['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }] },
    ]);
  });

  it('asks again once the choice expired (12 months by default)', async () => {
    const page = await open(PAGE);
    await api(page, (c) => c.acceptAll());
    const chosen = (await record(page))!;

    const later = await context.newPage();
    await later.clock.setFixedTime(chosen.updatedAt + 366 * 86_400_000);
    await open(PAGE, later);
    const state = (await api(later, (c) => c.get())) as ConsentState;
    expect(state.needsChoice).toBe(true);
    expect(await api(later, (c) => c.has('analytics'))).toBe(false);
    await later.locator('[data-consentry="banner"]').waitFor();
  });
});
