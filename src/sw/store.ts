/**
 * Where the service worker keeps its decision across restarts: Consentry's
 * own IndexedDB database and store (src/core/storage-keys.ts), under its own
 * key, beside the record the runtime keeps there.
 *
 * The database is opened for each read or write and closed right after,
 * instead of holding a connection for the worker's whole life: an open
 * connection would block a page that upgrades or deletes the database until
 * the browser stops the worker.
 */
import { get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import { STORAGE_DB, STORAGE_STORE, SW_DECISION_KEY } from '../core/storage-keys';
import { readDecision, type SwDecision } from '../core/sw-decision';

/** Consentry's store, opened for one operation (as idb-keyval's `createStore`, without keeping the connection). */
const consentStore: UseStore = async (mode, callback) => {
  const request = indexedDB.open(STORAGE_DB);
  // A first visit: the worker may open the database before the runtime ever did.
  request.onupgradeneeded = () => request.result.createObjectStore(STORAGE_STORE);
  const db = await promisifyRequest(request);
  try {
    return await callback(db.transaction(STORAGE_STORE, mode).objectStore(STORAGE_STORE));
  } finally {
    db.close();
  }
};

/** The stored decision; null when there is none or it cannot be read. Rejects when IndexedDB fails. */
export async function loadDecision(): Promise<SwDecision | null> {
  return readDecision(await get(SW_DECISION_KEY, consentStore));
}

/** Stores the decision for the next time the browser starts the worker. */
export function saveDecision(decision: SwDecision): Promise<void> {
  return set(SW_DECISION_KEY, decision, consentStore);
}
