/**
 * What the ledger keeps, behind one interface with a SQLite and a PostgreSQL
 * implementation (same tables, see migrations.ts). Every method is safe with
 * several ledger processes on one database: uniqueness, counters and feed
 * order are the database's, never a process's memory.
 */
import type { ConsentReceipt } from '../../core/types';

/** A receipt as read back: exactly what was posted, and when the ledger stored it. */
export interface StoredReceipt {
  receipt: ConsentReceipt;
  /** The ledger's own time of storage, ISO 8601. */
  receivedAt: string;
}

/** Where an email opt-out came from: the mail client's one-click POST, or the site's landing page (a receipt). */
export type OptOutSource = 'one-click' | 'landing';

/** One entry of the opt-out feed. */
export type OptOutItem =
  | { type: 'email'; list: string; recipient: string; source: OptOutSource; at: string }
  | { type: 'advertising'; consentId: string; personalisedAds: boolean; adSharing: boolean; gpc: boolean; at: string };

export interface NewReceipt {
  receipt: ConsentReceipt;
  /** Epoch ms, the ledger's clock. */
  receivedAt: number;
  /** Set when the receipt carried a valid unsubscribe token: the recipient goes on the suppression list with it. */
  email?: { list: string; recipient: string };
}

/** `stored`: new; `duplicate`: the same receipt was stored before; `conflict`: another receipt has the same id. */
export type InsertResult = 'stored' | 'duplicate' | 'conflict';

export interface OptOutPage {
  items: OptOutItem[];
  /** Where the next request resumes (pass it as `cursor`); the request's own cursor when nothing new came. */
  cursor: string | null;
  /** Whether more items were ready than `limit`. */
  more: boolean;
}

/** A row of the CSV export. */
export type ExportRow = Record<string, string | number | boolean | null>;

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies the migrations this database lacks (one process at a time); returns their names. */
  migrate(): Promise<string[]>;
  /** Stores a receipt once per (recordId, timestamp, method), with the opt-outs it carries, in one transaction. */
  insertReceipt(input: NewReceipt): Promise<InsertResult>;
  /** Puts a recipient on a list's suppression list; false when already there. */
  suppress(list: string, recipient: string, source: OptOutSource, at: number): Promise<boolean>;
  /** Every stored receipt of a consent record, oldest first. */
  receiptsOf(consentId: string): Promise<StoredReceipt[]>;
  /** The opt-out feed after `cursor` (or from `since`, epoch ms), oldest first. Throws RangeError on a cursor of another kind of database. */
  optOuts(query: { since?: number; cursor?: string; limit: number }): Promise<OptOutPage>;
  /** Deletes receipts stored before `before` (epoch ms); the suppression list stays. Returns how many went. */
  purge(before: number): Promise<number>;
  /** Rows for the CSV export, oldest first. */
  exportRows(what: 'receipts' | 'optouts', since?: number): AsyncIterable<ExportRow>;
  /** Counts one request in a rate-limit window shared by every instance; returns the window's count so far. */
  countHit(bucket: string, windowStart: number): Promise<number>;
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The advertising state a receipt carries, for the opt-out feed. */
export function advertisingState(receipt: ConsentReceipt): { personalisedAds: boolean; adSharing: boolean; gpc: boolean; any: boolean } {
  const { personalisedAds, adSharing } = receipt.optOuts;
  return { personalisedAds, adSharing, gpc: receipt.gpc, any: personalisedAds || adSharing || receipt.gpc };
}

/** The natural id of a receipt: the browser may send the same one twice (docs/signals.md, "Consent receipts"). */
export const receiptKey = (receipt: ConsentReceipt) => [receipt.recordId, receipt.timestamp, receipt.method] as const;
