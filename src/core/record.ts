/**
 * The consent record: creating it from a choice, reading it back from
 * storage (with migration of older shapes), and what it allows.
 */
import { applyGpc } from './gpc';
import { isPlainObject } from './objects';
import { fitsMirrorCookie } from './policy-version';
import type { CategoryId, ConsentChange, ConsentMethod, ConsentRecord, ConsentryConfig, HistoryEntry, Language, OptOuts } from './types';

/** The schema version this code writes. */
export const RECORD_SCHEMA = 1;

/**
 * How far a stored time may be off what we would have written (a clock set
 * back since the choice was made); anything further was not written by us.
 */
export const CLOCK_SKEW = 3_600_000;

/** Every way a choice can be made (a receipt's `method`). */
export const METHODS: readonly ConsentMethod[] = ['accept-all', 'reject-all', 'custom', 'gpc', 'api', 'unsubscribe-link', 'withdraw'];

/** Nothing refused yet: the state before the visitor touched an opt-out. */
export const NO_OPT_OUTS: OptOuts = { promotionalEmail: false, personalisedAds: false, adSharing: false };

/** A random id: `crypto.randomUUID` where available (secure contexts), else random hex from `getRandomValues`. */
export function newRecordId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = c.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `at` plus `months` calendar months (clamped to the month's last day). */
export function addMonths(at: number, months: number): number {
  const d = new Date(at);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.getTime();
}

/** Where a new record comes from: the previous one (if any), the change, and the page's context. */
export interface RecordInput {
  previous: ConsentRecord | null;
  change: ConsentChange;
  config: ConsentryConfig;
  language: Language;
  gpc: boolean;
  now: number;
}

/**
 * The record after `change`: categories and opt-outs not named in the change
 * keep their previous value (denied when there was none; a first record
 * honours GPC as both advertising opt-outs); `necessary` is
 * always true; the id and creation time survive, the expiry restarts; the
 * minors answer is kept until a new one is given.
 */
export function applyChange({ previous, change, config, language, gpc, now }: RecordInput): ConsentRecord {
  const categories = {} as Record<CategoryId, boolean>;
  for (const { id } of config.categories)
    categories[id] = id === 'necessary' || (change.categories?.[id] ?? previous?.categories[id] ?? false);
  const record: ConsentRecord = {
    schema: RECORD_SCHEMA,
    id: previous?.id ?? newRecordId(),
    policyVersion: config.policy.version,
    language,
    categories,
    // A first choice made while GPC is on starts with both advertising opt-outs on.
    optOuts: { ...(previous?.optOuts ?? applyGpc(NO_OPT_OUTS, gpc)), ...change.optOuts },
    method: change.method ?? 'api',
    gpc,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    expiresAt: addMonths(now, config.expiryMonths),
  };
  const keptMinor = change.minor ?? previous?.minor;
  if (keptMinor) record.minor = keptMinor;
  return record;
}

/** The history entry that describes `record`'s latest change. */
export const historyEntryOf = (record: ConsentRecord): HistoryEntry => ({
  at: record.updatedAt,
  method: record.method,
  policyVersion: record.policyVersion,
  categories: { ...record.categories },
  optOuts: { ...record.optOuts },
  gpc: record.gpc,
});

/**
 * Whether the change that left `a` (at time `aAt`; `null` is a withdrawal)
 * comes after the one that left `b`. Tabs change the choice independently:
 * every tab, IndexedDB and the mirror cookie must settle on the same latest
 * change whatever order they hear of them, so a tie (two tabs in the same
 * millisecond) is broken the same way everywhere, by the records' JSON.
 */
export function isLaterChange(aAt: number, a: unknown, bAt: number, b: unknown): boolean {
  return aAt > bAt || (aAt === bAt && JSON.stringify(a ?? null) > JSON.stringify(b ?? null));
}

/**
 * Whether two history entries describe the same change: the same second (the
 * mirror cookie keeps seconds), method, policy version, categories and
 * opt-outs. A record rebuilt from the cookie then adds no second entry for a
 * change the history already holds.
 */
export function sameChange(a: HistoryEntry, b: HistoryEntry): boolean {
  const flags = (e: HistoryEntry) => JSON.stringify([Object.entries(e.categories).filter(([, on]) => on).map(([id]) => id).sort(), e.optOuts.promotionalEmail, e.optOuts.personalisedAds, e.optOuts.adSharing]);
  return Math.floor(a.at / 1000) == Math.floor(b.at / 1000) && a.method == b.method && a.policyVersion == b.policyVersion && flags(a) == flags(b);
}

/**
 * The record shape written before schema 1 (an earlier prototype stored the
 * allowed categories as a list and a single email flag). Kept so choices made
 * then are migrated, not lost.
 */
export interface ConsentRecordV0 {
  v?: 0;
  id: string;
  policy: string;
  lang?: string;
  /** Allowed category ids. */
  allowed: string[];
  /** Unsubscribed from promotional email. */
  noEmail?: boolean;
  /** Epoch milliseconds of the choice. */
  ts: number;
  /** 'banner' for choices made in the banner, 'api' for site code. */
  via?: 'banner' | 'api';
}

/** The latest time a `Date` can hold (ECMAScript's time range): anything later, or not above 0, is not a time we wrote. */
const MAX_TIME = 8.64e15;

/** A time Consentry could have written: after 1970, within the range a `Date` holds (so not NaN or Infinity). */
const isTime = (v: unknown): boolean => typeof v == 'number' && v > 0 && v <= MAX_TIME;

/** Each key's `typeof`; numbers are times (see `isTime`). */
const hasTypes = (v: Record<string, unknown>, types: Record<string, string>): boolean =>
  Object.keys(types).every((k) => typeof v[k] == types[k] && (types[k] != 'number' || isTime(v[k])));

const isBoolRecord = (v: unknown): v is Record<string, boolean> =>
  isPlainObject(v) && Object.values(v).every((x) => typeof x == 'boolean');

const isOptOuts = (v: unknown): boolean => isPlainObject(v) && Object.keys(NO_OPT_OUTS).every((k) => typeof v[k] == 'boolean');

const isMethod = (v: unknown): boolean => METHODS.includes(v as ConsentMethod);

/** Schema 0 to 1: the allowed list becomes per-category booleans; refusing advertising implies both ad opt-outs. */
export function migrateV0(old: ConsentRecordV0, config: ConsentryConfig): ConsentRecord {
  const categories = {} as Record<CategoryId, boolean>;
  for (const { id } of config.categories) categories[id] = id === 'necessary' || old.allowed.includes(id);
  const noAds = !old.allowed.includes('advertising');
  return {
    schema: 1,
    id: old.id,
    policyVersion: old.policy,
    language: old.lang ?? 'en',
    categories,
    optOuts: { promotionalEmail: old.noEmail === true, personalisedAds: noAds, adSharing: noAds },
    method: old.via === 'banner' ? 'custom' : 'api',
    gpc: false,
    createdAt: old.ts,
    updatedAt: old.ts,
    expiresAt: addMonths(old.ts, config.expiryMonths),
  };
}

const isV0 = (v: Record<string, unknown>): boolean =>
  !v.v && v.schema === undefined && isRecordId(v.id) && fitsMirrorCookie(v.policy) && hasTypes(v, { ts: 'number' }) && Array.isArray(v.allowed) && v.allowed.every((x) => typeof x == 'string');

/** A record id as Consentry makes them (a UUID, or 32 hex digits), in the alphabet the mirror cookie can carry. */
const isRecordId = (v: unknown): boolean => typeof v == 'string' && /^[\w-]{1,64}$/.test(v);

const isV1 = (v: Record<string, unknown>): boolean =>
  v.schema === 1 &&
  isRecordId(v.id) &&
  fitsMirrorCookie(v.policyVersion) &&
  hasTypes(v, { id: 'string', policyVersion: 'string', language: 'string', gpc: 'boolean', createdAt: 'number', updatedAt: 'number', expiresAt: 'number' }) &&
  isBoolRecord(v.categories) &&
  isOptOuts(v.optOuts) &&
  isMethod(v.method) &&
  (v.minor === undefined || (isBoolRecord(v.minor) && hasTypes(v.minor, { under: 'boolean', guardianConfirmed: 'boolean' })));

/**
 * A stored value read back as a current record: schema 1 as is (with
 * `necessary` forced on), older schemas migrated; anything else (corrupt,
 * from a newer schema, from another program, with a time no `Date` can hold)
 * is `null`.
 */
export function decodeStoredRecord(stored: unknown, config: ConsentryConfig): ConsentRecord | null {
  if (!isPlainObject(stored)) return null;
  let record: ConsentRecord | null = null;
  if (isV1(stored)) {
    record = stored as unknown as ConsentRecord;
    record = { ...record, categories: { ...record.categories, necessary: true } };
  } else if (isV0(stored)) record = migrateV0(stored as unknown as ConsentRecordV0, config);
  // A migrated expiry can fall past the last time a Date holds (NaN): such a record says nothing sure.
  return record && isTime(record.expiresAt) ? record : null;
}

/** A history entry read back from storage, or `null` when it is not one. */
export function decodeHistoryEntry(stored: unknown): HistoryEntry | null {
  const ok =
    isPlainObject(stored) &&
    hasTypes(stored, { at: 'number', policyVersion: 'string', gpc: 'boolean' }) &&
    isMethod(stored.method) &&
    isBoolRecord(stored.categories) &&
    isOptOuts(stored.optOuts);
  return ok ? (stored as unknown as HistoryEntry) : null;
}
