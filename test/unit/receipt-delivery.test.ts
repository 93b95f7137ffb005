/**
 * Receipt delivery (src/guard/signals/receipts.ts): at least once, through a
 * capped localStorage queue, never throwing. fetch is replaced per test by a
 * fake endpoint; the real-Chromium path is in test/e2e/signals.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RECEIPT_QUEUE_KEY } from '../../src/core/storage-keys';
import { retryQueuedReceipts, sendReceipt } from '../../src/guard/runtime/receipts';
import type { ConsentReceipt } from '../../src/core/types';

const receipt = (n: number): ConsentReceipt => ({
  recordId: 'r1',
  timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  policyVersion: '1',
  language: 'en',
  categories: { necessary: true, preferences: false, analytics: n % 2 === 0, advertising: false, email: false },
  optOuts: { promotionalEmail: false, personalisedAds: false, adSharing: false },
  method: 'custom',
  gpc: false,
});
const body = (n: number) => JSON.stringify(receipt(n));
const queue = (): string[] => JSON.parse(localStorage.getItem(RECEIPT_QUEUE_KEY) ?? '[]');

type Answer = Response | Error;
let answers: Answer[];
let calls: Array<{ url: string; init: RequestInit }>;

beforeEach(() => {
  localStorage.clear();
  answers = [];
  calls = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const answer = answers.shift() ?? new Response(null, { status: 204 });
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sendReceipt', () => {
  it('POSTs the JSON same-origin without cookies and forgets it once the endpoint says 2xx', async () => {
    sendReceipt('/consent/receipts', receipt(1));
    expect(calls).toEqual([
      {
        url: '/consent/receipts',
        init: {
          method: 'POST',
          body: body(1),
          keepalive: true,
          credentials: 'omit',
          mode: 'same-origin',
          headers: { 'content-type': 'application/json' },
        },
      },
    ]);
    expect(queue()).toEqual([body(1)]);
    await vi.waitFor(() => expect(queue()).toEqual([]));
  });

  it.each<[string, Answer]>([
    ['a 503', new Response(null, { status: 503 })],
    ['a 404', new Response(null, { status: 404 })],
    ['a network failure (offline)', new TypeError('Failed to fetch')],
  ])('keeps the receipt after %s and sends it again on the next page view', async (_name, failure) => {
    answers = [failure];
    sendReceipt('/consent/receipts', receipt(1));
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queue()).toEqual([body(1)]);

    retryQueuedReceipts('/consent/receipts');
    expect(calls.map((c) => c.init.body)).toEqual([body(1), body(1)]);
    await vi.waitFor(() => expect(queue()).toEqual([]));
  });

  it('keeps only the newest 20 receipts while the endpoint stays down', async () => {
    answers = Array.from({ length: 25 }, () => new Response(null, { status: 503 }));
    for (let n = 0; n < 25; n++) sendReceipt('/consent/receipts', receipt(n));
    expect(queue()).toEqual(Array.from({ length: 20 }, (_, i) => body(i + 5)));
  });

  it('sends cross-origin receipts as text/plain in no-cors mode, and an opaque answer counts as delivered', async () => {
    answers = [Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaque' })];
    sendReceipt('https://consent.example.net/receipts', receipt(1));
    expect(calls[0]!.init).toMatchObject({ mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: body(1) });
    await vi.waitFor(() => expect(queue()).toEqual([]));
  });

  it.each([
    ['not JSON', '{oops'],
    ['not a list', '{"a":1}'],
  ])('starts afresh when the stored queue is %s', (_name, stored) => {
    localStorage.setItem(RECEIPT_QUEUE_KEY, stored);
    sendReceipt('/consent/receipts', receipt(1));
    expect(queue()).toEqual([body(1)]);
  });

  it('still sends once, and never throws, when storage is unavailable', () => {
    const denied = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    vi.stubGlobal('localStorage', { getItem: denied, setItem: denied, removeItem: denied });
    expect(() => sendReceipt('/consent/receipts', receipt(1))).not.toThrow();
    expect(() => retryQueuedReceipts('/consent/receipts')).not.toThrow();
    expect(calls.map((c) => c.init.body)).toEqual([body(1)]);
  });

  it('never throws when fetch itself is missing', () => {
    vi.stubGlobal('fetch', undefined);
    expect(() => sendReceipt('/consent/receipts', receipt(1))).not.toThrow();
    expect(queue()).toEqual([body(1)]);
  });
});
