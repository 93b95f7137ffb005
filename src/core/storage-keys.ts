/**
 * Every key Consentry keeps in the browser's storage, in one place: a site
 * (or a test) can see at a glance what is ours, and no two parts can disagree
 * on a name. The choice itself is in IndexedDB (`STORAGE_DB`/`STORAGE_STORE`)
 * and the mirror cookie (its name is `config.cookie.name`).
 */

/** IndexedDB database and object store of the record and its history (never idb-keyval's default store, which the page may use). */
export const STORAGE_DB = 'consentry';
export const STORAGE_STORE = 'consent';

/** localStorage: hashes of the raw configs the runtime validated, space-separated, most recent first. */
export const VALIDATED_CONFIGS_KEY = 'consentry:config';

/** localStorage: the policy version whose "our policy changed" notice the visitor dismissed. */
export const NOTICE_KEY = 'consentry:notice';

/** localStorage: receipts not yet accepted by `receiptEndpoint` (a JSON array of bodies). */
export const RECEIPT_QUEUE_KEY = 'consentry:receipts';

/** localStorage: where a change is written (and removed at once) for tabs without BroadcastChannel. */
export const TAB_SYNC_KEY = 'consentry:sync';

/** BroadcastChannel name the tabs of a site talk on. */
export const TAB_CHANNEL = 'consentry';

/**
 * IndexedDB, in `STORAGE_DB`/`STORAGE_STORE`: the decision the service worker
 * (src/sw/, `serviceWorker` in the config) enforces, as the runtime last sent
 * it (src/core/sw-decision.ts). Written by the worker only; it reads it back
 * when the browser restarts it.
 */
export const SW_DECISION_KEY = 'sw-decision';

/** localStorage: the script URL of the service worker Consentry registered, so it can unregister that one (and only that one) when the config no longer names it. */
export const SW_REGISTERED_KEY = 'consentry:sw';
