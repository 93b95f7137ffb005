import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, get, set } from 'idb-keyval';
import { historyEntryOf } from '../../src/core/record';
import type { ConsentRecord, HistoryEntry } from '../../src/core/types';
import { HISTORY_LIMIT, openStorage } from '../../src/guard/runtime/storage';

const NOW = Date.UTC(2026, 10, 29);
const record = (n = 0): ConsentRecord => ({
  schema: 1,
  id: 'r-1',
  policyVersion: '2021-10-24',
  language: 'en',
  categories: { necessary: true, preferences: false, analytics: n % 2 === 0, advertising: false, email: false },
  optOuts: { promotionalEmail: false, personalisedAds: false, adSharing: false },
  method: 'custom',
  gpc: false,
  createdAt: NOW,
  updatedAt: NOW + n,
  expiresAt: NOW + 1e10,
});
const entry = (n: number): HistoryEntry => historyEntryOf(record(n));

const realIndexedDB = globalThis.indexedDB;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  globalThis.indexedDB = realIndexedDB;
  vi.restoreAllMocks();
});

describe('storage with IndexedDB', () => {
  it('keeps the record and the history in its own database and store', async () => {
    const storage = openStorage();
    expect(await storage.load()).toBeUndefined();
    await storage.save(record(1), entry(1));
    await storage.save(record(2), entry(2));

    const reopened = openStorage();
    expect(await reopened.load()).toEqual(record(2));
    expect(await reopened.history()).toEqual([entry(1), entry(2)]);
    expect(reopened.degraded).toBe(false);
    expect(await get('record', createStore('consentry', 'consent'))).toEqual(record(2));
    expect(warn).not.toHaveBeenCalled();
  });

  it("never touches idb-keyval's default store, which the page may use", async () => {
    await set('record', 'page data');
    await openStorage().save(record(1), entry(1));
    expect(await get('record')).toBe('page data');
  });

  it(`caps the history at ${HISTORY_LIMIT}, dropping the oldest`, async () => {
    const storage = openStorage();
    for (let n = 1; n <= HISTORY_LIMIT + 3; n++) await storage.save(record(n), entry(n));
    const history = await openStorage().history();
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]).toEqual(entry(4));
    expect(history.at(-1)).toEqual(entry(HISTORY_LIMIT + 3));
  });

  it('appends to what another tab stored meanwhile', async () => {
    const thisTab = openStorage();
    await thisTab.load();
    await openStorage().save(record(1), entry(1));
    await thisTab.save(record(2), entry(2));
    expect(await openStorage().history()).toEqual([entry(1), entry(2)]);
  });

  it('deletes the record (keeping the history) and, when asked, the history too', async () => {
    const storage = openStorage();
    await storage.save(record(1), entry(1));
    await storage.save(null, entry(2));
    expect(await openStorage().load()).toBeUndefined();
    expect(await openStorage().history()).toEqual([entry(1), entry(2)]);
    await storage.save(null, undefined, true);
    expect(await openStorage().history()).toEqual([]);
  });

  it('returns a corrupt record as stored (the caller decodes it) and skips corrupt history entries', async () => {
    const store = createStore('consentry', 'consent');
    await set('record', { schema: 'broken' }, store);
    await set('history', [entry(1), 'junk', { at: 'x' }, entry(2)], store);
    const storage = openStorage();
    expect(await storage.load()).toEqual({ schema: 'broken' });
    expect(await storage.history()).toEqual([entry(1), entry(2)]);
    await set('history', 'not a list', store);
    expect(await openStorage().history()).toEqual([]);
  });
});

describe('storage without a working IndexedDB: cookie + memory, one warning, nothing thrown', () => {
  const failing: [string, () => void][] = [
    ['missing', () => void delete (globalThis as { indexedDB?: unknown }).indexedDB],
    [
      'throwing on open',
      () => {
        globalThis.indexedDB = { open: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } } as unknown as IDBFactory;
      },
    ],
    [
      'failing the open request (private mode)',
      () => {
        globalThis.indexedDB = {
          open: () => {
            const request = { error: new DOMException('blocked', 'InvalidStateError') } as unknown as IDBOpenDBRequest & Record<string, unknown>;
            setTimeout(() => (request.onerror as () => void)?.());
            return request;
          },
        } as unknown as IDBFactory;
      },
    ],
  ];

  it.each(failing)('%s', async (_name, breakIt) => {
    breakIt();
    const storage = openStorage();
    expect(await storage.load()).toBeUndefined();
    expect(storage.degraded).toBe(true);
    await storage.save(record(1), entry(1));
    await storage.save(record(2), entry(2));
    expect(await storage.load()).toEqual(record(2));
    expect(await storage.history()).toEqual([entry(1), entry(2)]);
    await storage.save(null, entry(3));
    expect(await storage.load()).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toBe('consentry: IndexedDB is not available; the choice is kept in a cookie and memory only');
  });

  it('over quota: a write that fails degrades to memory and keeps the choice', async () => {
    const storage = openStorage();
    await storage.save(record(1), entry(1));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    await expect(storage.save(record(2), entry(2))).resolves.toBeUndefined();
    put.mockRestore();
    expect(storage.degraded).toBe(true);
    expect(await storage.load()).toEqual(record(2));
    expect(await storage.history()).toEqual([entry(1), entry(2)]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('blocked (never answers): gives up after a while instead of hanging', async () => {
    vi.useFakeTimers();
    try {
      globalThis.indexedDB = { open: () => ({}) } as unknown as IDBFactory;
      const storage = openStorage();
      const loading = storage.load();
      await vi.advanceTimersByTimeAsync(3000);
      expect(await loading).toBeUndefined();
      expect(storage.degraded).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
