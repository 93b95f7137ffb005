/**
 * Many tabs (issue #11): five tabs of the same site in one browser profile;
 * a seeded random sequence of acceptAll / rejectAll / set / withdraw, each
 * in a random tab, until the choice has changed a hundred times. At the end
 * every tab's `consentry.get()`, the record in IndexedDB and the mirror
 * cookie say the same, and the history holds every change exactly once, in
 * order (the newest `HISTORY_LIMIT` of them: the history is capped).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMirrorCookie } from '../../src/core/mirror-cookie';
import type { ConsentRecord, ConsentryApi, HistoryEntry } from '../../src/core/types';
import { HISTORY_LIMIT } from '../../src/guard/runtime/storage';
import { launchChromium, startServer, type TestServer } from './harness';

type TestWindow = Window & { consentry: ConsentryApi };

const TABS = 5;
const CHANGES = 100;
const SEED = 20_260_111;
const IDS = ['necessary', 'preferences', 'analytics', 'advertising', 'email'];

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
const errors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** mulberry32: a small seeded generator, so the sequence is the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Action = { kind: 'acceptAll' | 'rejectAll' | 'withdraw' } | { kind: 'set'; categories: Record<string, boolean>; optOuts: Record<string, boolean> };

function nextAction(next: () => number): Action {
  const roll = next();
  if (roll < 0.2) return { kind: 'acceptAll' };
  if (roll < 0.4) return { kind: 'rejectAll' };
  if (roll < 0.5) return { kind: 'withdraw' };
  const flip = () => next() < 0.5;
  return { kind: 'set', categories: { preferences: flip(), analytics: flip(), advertising: flip() }, optOuts: { promotionalEmail: flip(), adSharing: flip() } };
}

async function openTab(): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  // The UI is not under test: an empty one, so a withdrawal's banner call is harmless.
  await page.route('**/dist/consentry-ui.js', (route) => route.fulfill({ contentType: 'text/javascript', body: 'window.consentryUI={open(){},close(){}}' }));
  await page.goto(`${server.origin}/test/e2e/pages/foundation.html`);
  await page.evaluate(() => (window as unknown as TestWindow).consentry.ready);
  return page;
}

/**
 * Runs `action` in `page`; answers the history entry it added (what the tab's
 * own `change` event says), or null when it changed nothing.
 */
function act(page: Page, action: Action) {
  return page.evaluate(async (a) => {
    const { consentry } = window as unknown as TestWindow;
    let own: { record: ConsentRecord | null } | undefined;
    const off = consentry.on('change', (state) => {
      if ((state as { fromOtherTab?: boolean }).fromOtherTab) return;
      own = state;
    });
    const before = Date.now();
    if (a.kind === 'set') await consentry.set({ categories: a.categories, optOuts: a.optOuts });
    else await consentry[a.kind]();
    off();
    if (!own) return null;
    if (own.record) return { method: own.record.method, at: own.record.updatedAt, json: JSON.stringify(own.record) };
    // A withdrawal's entry is dated inside withdraw(), at or after the call (see withdrawalTimes).
    return { method: 'withdraw', at: -1, json: 'null', from: before };
  }, action);
}

/**
 * Dates the withdrawals among `made` from the history: each gets the earliest
 * withdrawal entry dated at or after its call that no other took. Two withdrawals made at once may swap times: it changes no
 * order of methods.
 */
async function withdrawalTimes(page: Page, made: { method: string; at: number; json: string; from?: number }[], taken: Set<number>) {
  if (!made.some((c) => c.method === 'withdraw')) return;
  const history = await page.evaluate(async () => (await (window as unknown as TestWindow).consentry.history()).map((h) => [h.method, h.at] as const));
  for (const change of made.filter((c) => c.method === 'withdraw').sort((a, b) => a.from! - b.from!)) {
    // No upper bound: a tab dates a change after every change it knows of, and when tabs change the choice at once
    // those times run ahead of the clock (each one after the last it heard of), by more under load. The entries of
    // later batches do not exist yet, and earlier ones are taken.
    const entry = history
      .filter(([method, at]) => method === 'withdraw' && at >= change.from! && !taken.has(at))
      .sort((a, b) => a[1] - b[1])[0];
    change.at = entry?.[1] ?? -1;
    taken.add(change.at);
  }
}

const stored = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ record: ConsentRecord | undefined; history: HistoryEntry[] }>((resolve, reject) => {
        const open = indexedDB.open('consentry');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('consent').objectStore('consent');
          const record = store.get('record');
          const history = store.get('history');
          history.onsuccess = () => {
            open.result.close();
            resolve({ record: record.result, history: history.result ?? [] });
          };
        };
      }),
  );

/**
 * Changes the choice `CHANGES` times in random tabs, `together` actions at a
 * time (1: one after the other; more: started at once, in different tabs),
 * then checks that every tab, IndexedDB and the cookie agree on the latest
 * change, and that the history holds each change once, in time order.
 */
async function changeAndCheck(seed: number, together: number) {
  // A fresh profile: no choice, no history.
  context = await browser.newContext();
  context.setDefaultTimeout(10_000);
  const tabs: Page[] = [];
  for (let i = 0; i < TABS; i++) tabs.push(await openTab());
  const next = random(seed);
  const changes: { method: string; at: number; json: string }[] = [];
  let actions = 0;
  const taken = new Set<number>();
  while (changes.length < CHANGES && actions < 4 * CHANGES) {
    // Distinct tabs: a tab tells its own change events apart from another tab's, not from another call's in the same tab.
    const free = tabs.slice();
    const batch = Array.from({ length: Math.min(together, CHANGES - changes.length) }, () => [free.splice(Math.floor(next() * free.length), 1)[0]!, nextAction(next)] as const);
    actions += batch.length;
    const made = (await Promise.all(batch.map(([tab, action]) => act(tab, action)))).filter((c) => c !== null);
    await withdrawalTimes(tabs[0]!, made, taken);
    changes.push(...made.map(({ method, at, json }) => ({ method, at, json })));
  }
  expect(changes).toHaveLength(CHANGES);
  // Made at once, changes are ordered by their time; two in the same millisecond (tabs that had not heard of each other) by
  // the records' JSON, as every tab breaks the tie (isLaterChange in src/core/record.ts).
  expect(changes.every((c) => c.at > 0)).toBe(true);
  changes.sort((a, b) => a.at - b.at || (a.json < b.json ? -1 : a.json > b.json ? 1 : 0));
  const ties = changes.filter((c, i) => changes.some((d, j) => i !== j && d.at === c.at)).length;

  // Every tab settles on the same state.
  const states = async () => Promise.all(tabs.map((tab) => tab.evaluate(() => JSON.stringify((window as unknown as TestWindow).consentry.get().record))));
  await expect.poll(async () => new Set(await states()).size, { timeout: 5000 }).toBe(1);
  const [shared] = await states();
  const record = JSON.parse(shared!) as ConsentRecord | null;
  const last = changes.at(-1)!;
  expect(record?.method ?? 'withdraw').toBe(last.method);
  if (record) expect(record.updatedAt).toBe(last.at);
  else expect(last.method).toBe('withdraw');

  // IndexedDB holds the same record (none after a withdrawal).
  const inStore = await stored(tabs[0]!);
  expect(inStore.record ?? null).toEqual(record);

  // The mirror cookie says the same (none after a withdrawal).
  const cookie = (await context.cookies()).find((c) => c.name === 'consentry')?.value;
  if (!record) expect(cookie).toBeUndefined();
  else {
    const decision = decodeMirrorCookie(cookie, IDS);
    expect(decision).toMatchObject({ id: record.id, method: record.method, categories: record.categories, optOuts: record.optOuts, updatedAt: Math.floor(record.updatedAt / 1000) * 1000 });
  }

  // The history: the newest HISTORY_LIMIT changes, each once, in time order (changes in the same millisecond in any order).
  const expected = changes.slice(-HISTORY_LIMIT);
  const byTime = (list: { method: string; at: number }[]) => list.map((c) => `${c.at} ${c.method}`).sort();
  expect(inStore.history.map((h) => h.at)).toEqual([...inStore.history.map((h) => h.at)].sort((a, b) => a - b));
  expect(byTime(inStore.history)).toEqual(byTime(expected));
  for (const tab of tabs) expect(await tab.evaluate(async () => (await (window as unknown as TestWindow).consentry.history()).length)).toBe(HISTORY_LIMIT);
  console.info(`many tabs: ${TABS} tabs, ${together} at a time, ${actions} actions, ${changes.length} changes (${ties} in a millisecond shared with another); every tab, IndexedDB and the cookie agree`);
  expect(errors).toEqual([]);
  await context.close();
}

// A hundred changes are a hundred round trips to the browser, and more on a shared 2-core machine than the 30 s default allows.
describe(`${TABS} tabs, ${CHANGES} changes in random tabs`, { timeout: 120_000 }, () => {
  it('one after the other: every tab, IndexedDB and the mirror cookie agree, and the history holds every change once', async () => {
    await changeAndCheck(SEED, 1);
  });

  it('three at once, in different tabs: the same, on the latest change', async () => {
    await changeAndCheck(SEED + 1, 3);
  });
});
