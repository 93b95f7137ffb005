import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, get, set, setMany } from 'idb-keyval';
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

/** Makes the next `n` writes of a history list abort their transaction mid-write (after the request was made). */
function abortNextWrites(n: number) {
  const put = IDBObjectStore.prototype.put;
  let left = n;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    const request = put.call(this, value, key);
    if (key === 'history' && left-- > 0) this.transaction.abort();
    return request;
  });
}

const store = () => createStore('consentry', 'consent');

describe('storage faults lose no choice and no history entry (issue #11)', () => {
  it('a transaction aborted mid-write: nothing half-written, and the next save stores both changes', async () => {
    const storage = openStorage();
    await storage.save(record(1), entry(1));
    const aborting = abortNextWrites(1);
    await storage.save(null, entry(2));
    aborting.mockRestore();
    expect(storage.degraded).toBe(true);
    // The withdrawal was one transaction: the record is still there, not deleted without its history entry.
    expect(await get('record', store())).toEqual(record(1));
    expect(await storage.history()).toEqual([entry(1), entry(2)]);
    await storage.save(record(3), entry(3));
    expect(storage.degraded).toBe(false);
    expect(await get('record', store())).toEqual(record(3));
    expect(await openStorage().history()).toEqual([entry(1), entry(2), entry(3)]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('a transaction aborted mid-write is tried again shortly, without waiting for another change', async () => {
    const storage = openStorage();
    const aborting = abortNextWrites(1);
    await storage.save(record(1), entry(1));
    aborting.mockRestore();
    expect(await get('record', store())).toBeUndefined();
    await vi.waitFor(async () => expect(await get('record', store())).toEqual(record(1)), { timeout: 2500, interval: 100 });
    expect(await openStorage().history()).toEqual([entry(1)]);
    expect(storage.degraded).toBe(false);
  });

  it('over quota, then space again: the entries kept in memory are written with the next save', async () => {
    const storage = openStorage();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    await storage.save(record(1), entry(1));
    await storage.save(record(2), entry(2));
    put.mockRestore();
    await storage.save(record(3), entry(3));
    expect(await openStorage().history()).toEqual([entry(1), entry(2), entry(3)]);
    expect(await get('record', store())).toEqual(record(3));
  });

  it('keeps history entries it cannot read (a newer version wrote them) when it appends', async () => {
    const fromNewerVersion = { ...entry(1), method: 'voice-assistant', via: { device: 'speaker' } };
    await setMany([['record', record(1)], ['history', [fromNewerVersion, entry(1)]]], store());
    await openStorage().save(record(2), entry(2));
    expect(await get('history', store())).toEqual([fromNewerVersion, entry(1), entry(2)]);
    expect(await openStorage().history()).toEqual([entry(1), entry(2)]);
  });

  it('two tabs saving at the same moment: both entries are kept', async () => {
    const [a, b] = [openStorage(), openStorage()];
    await Promise.all([a.load(), b.load()]);
    await Promise.all([a.save(record(1), entry(1)), b.save(record(2), entry(2))]);
    expect(await openStorage().history()).toEqual([entry(1), entry(2)]);
  });

  it('never writes a record over a later change another tab stored (its entry still joins the history, in time order)', async () => {
    const [slow, fast] = [openStorage(), openStorage()];
    await fast.save(record(5), entry(5));
    await slow.save(record(3), entry(3));
    expect(await get('record', store())).toEqual(record(5));
    expect(await openStorage().history()).toEqual([entry(3), entry(5)]);
    // A withdrawal made before the other tab's change does not delete it either.
    await slow.save(null, { ...entry(4), method: 'withdraw' });
    expect(await get('record', store())).toEqual(record(5));
  });

  it('lets another tab upgrade the database instead of blocking it', async () => {
    const storage = openStorage();
    await storage.save(record(1), entry(1));
    const outcome = await new Promise<string>((resolve) => {
      const upgrade = indexedDB.open('consentry', 2);
      upgrade.onblocked = () => resolve('blocked');
      upgrade.onsuccess = () => {
        upgrade.result.close();
        resolve('upgraded');
      };
      upgrade.onerror = () => resolve('failed');
    });
    expect(outcome).toBe('upgraded');
    // This tab opens the database again on its next use.
    await storage.save(record(2), entry(2));
    expect(await openStorage().history()).toEqual([entry(1), entry(2)]);
    expect(storage.degraded).toBe(false);
  });
});
