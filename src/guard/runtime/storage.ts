/**
 * Where the choice is kept: IndexedDB through idb-keyval, in Consentry's own
 * database and store (never idb-keyval's default store, which the page may
 * use). Keys: `record` (the current record, as stored) and `history` (an
 * append-only list, capped). When IndexedDB is missing, blocked, throws or
 * is full, everything falls back to memory (the mirror cookie keeps the choice
 * across pages), with one console warning; nothing throws into the page.
 */
import { createStore, delMany, getMany, setMany, type UseStore } from 'idb-keyval';
import { decodeHistoryEntry } from '../../core/record';
import { STORAGE_DB, STORAGE_STORE } from '../../core/storage-keys';
import type { ConsentRecord, HistoryEntry } from '../../core/types';

/** History entries kept; the oldest are dropped first. */
export const HISTORY_LIMIT = 50;

/** An IndexedDB that does not answer in this time counts as blocked. */
const TIMEOUT_MS = 3000;

export interface ConsentStorage {
  /** True once IndexedDB failed: the choice lives in memory and the cookie only. */
  readonly degraded: boolean;
  /** The stored record as it was written (not yet decoded), or `undefined` when there is none. */
  load(): Promise<unknown>;
  /** Replace the record (`null` deletes it) and append `entry` to the history; `forgetHistory` deletes the history first. */
  save(record: ConsentRecord | null, entry?: HistoryEntry, forgetHistory?: boolean): Promise<void>;
  /** The history, oldest first (entries that cannot be read are skipped). */
  history(): Promise<HistoryEntry[]>;
}

const readHistory = (stored: unknown): HistoryEntry[] =>
  Array.isArray(stored) ? stored.map(decodeHistoryEntry).filter((e): e is HistoryEntry => e !== null) : [];

const capped = (history: HistoryEntry[]) => history.slice(-HISTORY_LIMIT);

/** Opens (lazily) Consentry's own database and store (src/core/storage-keys.ts). */
export function openStorage(): ConsentStorage {
  let store: UseStore | undefined;
  let degraded = false;
  let record: unknown;
  let history: HistoryEntry[] = [];

  /** Runs `op` on the store; `undefined` once IndexedDB failed (now or before). */
  const run = async <T>(op: (store: UseStore) => Promise<T>): Promise<T | undefined> => {
    if (degraded) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      store ??= createStore(STORAGE_DB, STORAGE_STORE);
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('IndexedDB did not answer')), TIMEOUT_MS)));
      return await Promise.race([op(store), timeout]);
    } catch (error) {
      degraded = true;
      console.warn('consentry: IndexedDB is not available; the choice is kept in a cookie and memory only', error);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    get degraded() {
      return degraded;
    },
    async load() {
      const stored = await run((s) => getMany(['record', 'history'], s));
      if (stored) {
        record = stored[0];
        history = readHistory(stored[1]);
      }
      return record;
    },
    async save(next, entry, forgetHistory) {
      record = next ?? undefined;
      if (forgetHistory) history = [];
      if (entry) history = capped([...history, entry]);
      await run(async (s) => {
        const [, storedHistory] = await getMany(['record', 'history'], s);
        // Another tab may have appended since this one loaded: append to what is stored.
        const merged = forgetHistory ? [] : readHistory(storedHistory);
        const writes: [string, unknown][] = [['history', capped(entry ? [...merged, entry] : merged)]];
        if (next) writes.push(['record', next]);
        else await delMany(['record'], s);
        await setMany(writes, s);
      });
    },
    async history() {
      const stored = await run((s) => getMany(['history'], s));
      if (stored) history = readHistory(stored[0]);
      return history.slice();
    },
  };
}
