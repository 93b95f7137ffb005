/**
 * Start-up reconciliation of the two places a choice lives: IndexedDB (the
 * source of truth) and the mirror cookie (what the guard could read
 * synchronously). Pure: the guard applies the returned actions.
 */
import { encodeMirrorCookie } from './mirror-cookie';
import { isPlainObject } from './objects';
import { decodeStoredRecord, RECORD_SCHEMA } from './record';
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
  /** Delete the mirror cookie (malformed, or not a valid choice). */
  removeCookie: boolean;
  /** Store `record` (it came from the cookie only, over nothing or over a broken record). */
  saveRecord: boolean;
  /** A stored record existed but could not be decoded: warn (the cookie's choice, if valid, is kept). */
  unreadable: boolean;
}

/**
 * - stored record readable: it wins, and the cookie is rewritten if it says
 *   anything else; except when the cookie holds a newer choice (made on
 *   another subdomain sharing the cookie), which is then recorded;
 * - stored record unreadable (corrupt, truncated, from another program or a
 *   newer schema): a warning; a valid cookie's choice is kept (it mirrors the
 *   last choice stored: losing it would lose what the visitor chose) and
 *   recorded over the broken record, but never over a newer schema's, which
 *   newer code can still read; without a valid cookie, no choice (the
 *   visitor is asked again);
 * - no stored record but a valid cookie: the cookie is re-recorded;
 * - neither: no choice (a malformed cookie is dropped).
 */
export function reconcile(stored: unknown, cookie: MirrorRead, config: ConsentryConfig): Reconciled {
  const result: Reconciled = { record: null, writeCookie: false, removeCookie: false, saveRecord: false, unreadable: false };
  const fromStore = stored == null ? null : decodeStoredRecord(stored, config);
  const fromCookie = cookie.record;
  result.unreadable = stored != null && !fromStore;
  if (fromStore && !(fromCookie && fromCookie.updatedAt > fromStore.updatedAt)) {
    result.record = fromStore;
    result.writeCookie = cookie.raw !== encodeMirrorCookie(fromStore, config.categories.map((c) => c.id));
  } else if (fromCookie) {
    result.record = fromCookie;
    result.saveRecord = !isNewerSchema(stored);
  } else {
    result.removeCookie = cookie.raw !== undefined;
  }
  return result;
}

/** A record written by a later version of Consentry (a higher `schema`): this one cannot read it, and must not destroy it. */
const isNewerSchema = (stored: unknown): boolean => isPlainObject(stored) && typeof stored.schema == 'number' && stored.schema > RECORD_SCHEMA;
