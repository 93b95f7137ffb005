/**
 * Where the choice is kept: IndexedDB through idb-keyval, in Consentry's own
 * database and store (never idb-keyval's default store, which the page may
 * use). Keys: `record` (the current record, as stored) and `history` (an
 * append-only list, capped). Nothing here throws into the page:
 * - IndexedDB missing, refusing to open, or not answering (another tab's
 *   upgrade that never completes): everything lives in memory (the mirror
 *   cookie keeps the choice across pages), with one console warning;
 * - a write that fails (quota exceeded, a transaction aborted): the page keeps
 *   the choice in memory, and the entries not yet stored are written with the
 *   next write that succeeds (a retry follows shortly, and every later save
 *   tries again), so a passing fault loses no history entry;
 * - every write is one transaction that reads what is stored and adds to it,
 *   so tabs writing at once lose nothing; entries a newer version wrote (or
 *   that cannot be read) are kept as they are; and a record is never
 *   replaced by one older than what another tab stored meanwhile;
 * - another tab that wants to upgrade the database gets it: this tab's
 *   connection closes (and opens again on its next use).
 */
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { CLOCK_SKEW, decodeHistoryEntry, isLaterChange } from '../../core/record';
import { STORAGE_DB, STORAGE_STORE } from '../../core/storage-keys';
import type { ConsentRecord, HistoryEntry } from '../../core/types';

/** History entries kept; the oldest are dropped first. */
export const HISTORY_LIMIT = 50;

/** An IndexedDB that does not answer in this time counts as blocked. */
const TIMEOUT_MS = 3000;

/** After a write failed, when it is tried again (later saves try too). */
const RETRY_MS = 1000;

export interface ConsentStorage {
  /** True while the choice is not (yet) in IndexedDB: it lives in memory and the cookie. */
  readonly degraded: boolean;
  /** The stored record as it was written (not yet decoded), or `undefined` when there is none. */
  load(): Promise<unknown>;
  /**
   * Replace the record (`null` deletes it) and append `entry` to the history;
   * `forgetHistory` deletes the history first. Resolves once stored (or once
   * storing failed: the page keeps it in memory and tries again). The change
   * is dated `changedAt` (default: the entry's time, else the record's): a
   * record is not written over a later change another tab stored.
   */
  save(record: ConsentRecord | null, entry?: HistoryEntry, forgetHistory?: boolean, changedAt?: number): Promise<void>;
  /** The history, oldest first (entries that cannot be read are skipped). */
  history(): Promise<HistoryEntry[]>;
}

const readHistory = (stored: unknown): HistoryEntry[] =>
  Array.isArray(stored) ? stored.map(decodeHistoryEntry).filter((e): e is HistoryEntry => e !== null) : [];

const capped = <T>(history: T[]) => history.slice(-HISTORY_LIMIT);

/** When a stored entry was made, for ordering; an entry this version cannot read keeps its place (0 sorts it first among equals). */
const timeOf = (stored: unknown): number => decodeHistoryEntry(stored)?.at ?? 0;

/** The latest change the store knows of: its record's time or its newest history entry's (a time in the future is no change: it cannot be true). */
function latestIn(record: unknown, history: unknown[]): number {
  const times = [(record as ConsentRecord | undefined)?.updatedAt, ...history.map(timeOf)];
  return Math.max(0, ...times.filter((t): t is number => typeof t == 'number' && t <= Date.now() + CLOCK_SKEW));
}

/** Opens (lazily) Consentry's own database and store (src/core/storage-keys.ts). */
export function openStorage(): ConsentStorage {
  let store: UseStore | undefined;
  /** IndexedDB could not be read (missing, refused, not answering): memory only from now on. */
  let unreadable = false;
  /** The last write failed: what is pending is in memory only until a write succeeds. */
  let writeFailed = false;
  let warned = false;
  let record: unknown;
  let history: HistoryEntry[] = [];
  /** What this page changed and IndexedDB does not have yet. */
  let pending: { entries: HistoryEntry[]; forget: boolean; record: ConsentRecord | null; at: number } | undefined;
  let writing: Promise<unknown> = Promise.resolve();
  let retry: ReturnType<typeof setTimeout> | undefined;

  const warn = (error: unknown) => {
    if (warned) return;
    warned = true;
    console.warn('consentry: IndexedDB is not available; the choice is kept in a cookie and memory only', error);
  };

  const useStore = (): UseStore => {
    if (store) return store;
    const opened = createStore(STORAGE_DB, STORAGE_STORE);
    // Another tab asks to upgrade the database: let it (an open connection would block it forever), and open again on next use.
    void opened('readonly', (s) => {
      s.transaction.db.onversionchange = () => {
        s.transaction.db.close();
        if (store === opened) store = undefined;
      };
    }).catch(() => undefined);
    return (store = opened);
  };

  /** Runs `op` on the store; rejects when IndexedDB fails, and when it does not answer in time (then it is `unreadable`: blocked). */
  const attempt = async <T>(op: (store: IDBObjectStore) => T | PromiseLike<T>, mode: IDBTransactionMode): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => {
        unreadable = true;
        reject(new Error('IndexedDB did not answer'));
      }, TIMEOUT_MS)));
      return await Promise.race([useStore()(mode, op), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  /** A read; `undefined` once IndexedDB could not be read (now or before). */
  const read = async <T>(op: (store: IDBObjectStore) => Promise<T>): Promise<T | undefined> => {
    if (unreadable) return undefined;
    try {
      return await attempt(op, 'readonly');
    } catch (error) {
      unreadable = true;
      warn(error);
      return undefined;
    }
  };

  /**
   * Writes what is pending in one transaction: the stored history (kept as
   * stored, entries this version cannot read included) plus the new entries,
   * in time order, capped; and the record, unless the store already holds a
   * later change (another tab's).
   */
  const flush = async (isRetry = false): Promise<void> => {
    const batch = pending;
    if (!batch || unreadable) return;
    try {
      await attempt((s) => {
        const storedHistory = s.get('history');
        const storedRecord = s.get('record');
        storedRecord.onsuccess = () => {
          // An exception here (a put over quota) would reach the page as an uncaught error: abort, so the write fails as a rejection.
          try {
            const stored: unknown[] = Array.isArray(storedHistory.result) ? storedHistory.result : [];
            const kept = batch.forget ? [] : stored;
            if (!isLaterChange(latestIn(storedRecord.result, stored), storedRecord.result, batch.at, batch.record)) {
              if (batch.record) s.put(batch.record, 'record');
              else s.delete('record');
            }
            const merged = [...kept, ...batch.entries].map((entry, i) => [timeOf(entry), i, entry] as const);
            merged.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
            s.put(capped(merged.map(([, , entry]) => entry)), 'history');
          } catch {
            s.transaction.abort();
          }
        };
        return promisifyRequest(s.transaction);
      }, 'readwrite');
      // Stored: drop from `pending` what this write carried (later saves may have added more meanwhile).
      if (pending === batch) pending = undefined;
      else if (pending) pending = { ...pending, entries: pending.entries.slice(batch.entries.length), forget: false };
      writeFailed = false;
    } catch (error) {
      writeFailed = true;
      warn(error);
      // A passing fault (an aborted transaction): try once more shortly; a lasting one (quota) waits for the next save.
      if (!isRetry && !unreadable)
        retry ??= setTimeout(() => {
          retry = undefined;
          writing = writing.then(() => flush(true));
        }, RETRY_MS);
    }
  };

  return {
    get degraded() {
      return unreadable || writeFailed;
    },
    async load() {
      const stored = await read((s) => Promise.all([promisifyRequest(s.get('record')), promisifyRequest(s.get('history'))]));
      // What this page wrote and IndexedDB does not have yet stays as the page has it.
      if (stored && !pending) {
        record = stored[0];
        history = readHistory(stored[1]);
      }
      return record;
    },
    async save(next, entry, forgetHistory, changedAt) {
      const at = changedAt ?? entry?.at ?? next?.updatedAt ?? Date.now();
      record = next ?? undefined;
      if (forgetHistory) history = [];
      if (entry) history = capped([...history, entry]);
      const entries = [...(forgetHistory ? [] : (pending?.entries ?? [])), ...(entry ? [entry] : [])];
      pending = { entries, forget: !!forgetHistory || !!pending?.forget, record: next, at };
      writing = writing.then(() => flush());
      await writing;
    },
    async history() {
      await writing;
      const stored = await read((s) => promisifyRequest(s.get('history')));
      // Entries not stored yet (a write failed) follow what is stored.
      if (!unreadable) history = capped([...(pending?.forget ? [] : readHistory(stored)), ...(pending?.entries ?? [])]);
      return history.slice();
    },
  };
}
