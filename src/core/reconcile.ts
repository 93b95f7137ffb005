/**
 * Start-up reconciliation of the two places a choice lives: IndexedDB (the
 * source of truth) and the mirror cookie (what the guard could read
 * synchronously). Pure: the guard applies the returned actions.
 */
import { encodeMirrorCookie } from './mirror-cookie';
import { decodeStoredRecord } from './record';
import type { ConsentRecord, ConsentryConfig } from './types';

/** The mirror cookie as the page sees it: its raw value, and the choice it holds (`null`: none, or not a valid one). */
export interface MirrorRead {
  raw: string | undefined;
  record: ConsentRecord | null;
}

/** The reconciled record and what to repair. */
export interface Reconciled {
  record: ConsentRecord | null;
  /** Write the mirror cookie from `record` (it was missing or stale). */
  writeCookie: boolean;
  /** Delete the mirror cookie (malformed, or its record could not be read). */
  removeCookie: boolean;
  /** Store `record` (it came from the cookie only). */
  saveRecord: boolean;
  /** A stored record existed but could not be decoded: warn and ask again. */
  unreadable: boolean;
}

/**
 * - stored record readable: it wins, and the cookie is rewritten if it says
 *   anything else; except when the cookie holds a newer choice (made on
 *   another subdomain sharing the cookie), which is then recorded;
 * - stored record unreadable: ignored, the cookie dropped, the visitor asked again;
 * - no stored record but a valid cookie: the cookie is re-recorded;
 * - neither: no choice (a malformed cookie is dropped).
 */
export function reconcile(stored: unknown, cookie: MirrorRead, config: ConsentryConfig): Reconciled {
  const result: Reconciled = { record: null, writeCookie: false, removeCookie: false, saveRecord: false, unreadable: false };
  const fromStore = stored == null ? null : decodeStoredRecord(stored, config);
  const fromCookie = cookie.record;
  if (stored != null && !fromStore) {
    result.unreadable = true;
    result.removeCookie = cookie.raw !== undefined;
  } else if (fromStore && !(fromCookie && fromCookie.updatedAt > fromStore.updatedAt)) {
    result.record = fromStore;
    result.writeCookie = cookie.raw !== encodeMirrorCookie(fromStore, config.categories.map((c) => c.id));
  } else if (fromCookie) {
    result.record = fromCookie;
    result.saveRecord = true;
  } else {
    result.removeCookie = cookie.raw !== undefined;
  }
  return result;
}
